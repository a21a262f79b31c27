import { readFile, stat } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { contentSecurityPolicyFor } from '../../core/publish/contentSecurity';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
};
const FEED_TYPES: Record<string, string> = {
  'feed.xml': 'application/rss+xml; charset=utf-8',
  'atom.xml': 'application/atom+xml; charset=utf-8',
  'feed.json': 'application/feed+json; charset=utf-8',
};

/**
 * A local stand-in for CloudFront in front of the site bucket: `/dir/` serves `/dir/index.html`,
 * unknown paths get `/404.html` with status 404, dot-files are never served. For previews and tests.
 */
export function createStaticServer(root: string): Server {
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      // A malformed escape (`/%E0%A4%A`) names no file: answer it, never crash the server.
      response.statusCode = 400;
      response.setHeader('Content-Type', 'text/plain; charset=utf-8');
      response.end('bad request: malformed URL encoding');
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const relative = normalize(path).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, relative);
    const hidden = relative.split('/').some((part) => part.startsWith('.'));
    const found = !hidden && file.startsWith(root) && (await stat(file).catch(() => undefined))?.isFile();
    const target = found ? file : join(root, '404.html');
    const name = target.split('/').pop() ?? '';
    response.statusCode = found ? 200 : 404;
    response.setHeader('Content-Type', FEED_TYPES[name] ?? TYPES[extname(target)] ?? 'application/octet-stream');
    response.setHeader('Content-Security-Policy', contentSecurityPolicyFor(url.pathname));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(await readFile(target).catch(() => 'not found'));
  });
}
