import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCli } from './cli';
import { PROJECT_ROOT } from './lexicons';

export const BUNDLED_DATA = join(PROJECT_ROOT, 'data');

/** Builds a data folder with the real CLI (search index included) into a fresh temporary folder. */
export async function buildToTemp(data: string, baseUrl: string): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'briefings-built-')), 'site');
  await buildInto(data, out, baseUrl);
  return out;
}

/** Builds a data folder with the real CLI into `out`; throws with the CLI's messages if the build fails. */
export async function buildInto(data: string, out: string, baseUrl: string): Promise<void> {
  const build = await runCli(['build', '--data', data, '--out', out, '--base-url', baseUrl]);
  if (build.code !== 0) throw new Error(build.err.join('\n'));
}

/** Every file of a built site, as paths relative to it (`en/index.html`), the build state left out. */
export function siteFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort();
}

export const htmlFiles = (dir: string) => siteFiles(dir).filter((p) => p.endsWith('.html'));

/** The URL path a file is served at, as CloudFront and the preview server map it: `en/index.html` → `/en/`. */
export const routeOfFile = (path: string) => `/${path.replace(/(^|\/)index\.html$/, '$1')}`;

/**
 * One page of each kind the site has in each language: the chooser, the 404 page, each language's
 * home, every top-level section (`/en/briefings/`) and the first page inside it (`/en/briefings/x/`).
 * Derived from the built files, so a new section is checked without touching the tests.
 */
export function pageTypes(dir: string): Array<{ name: string; route: string }> {
  const routes = htmlFiles(dir).map(routeOfFile);
  const types = new Map<string, string>([
    ['chooser', '/'],
    ['not-found', '/no-such-page/'],
  ]);
  for (const route of routes) {
    const parts = route.split('/').filter(Boolean);
    if (parts.length === 0 || parts[0] === '404.html') continue; // the 404 page is checked where readers meet it
    const depth = parts.length > 3 ? String(parts.length - 2) : '';
    const name = parts.length === 1 ? `${parts[0]}-home` : `${parts[0]}-${parts[1]}${parts.length > 2 ? `-page${depth}` : ''}`;
    if (!types.has(name)) types.set(name, route);
  }
  return [...types].map(([name, route]) => ({ name, route }));
}

export const readText = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
