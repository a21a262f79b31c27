import { HtmlValidate } from 'html-validate';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';

/** html-validate's recommended rules over every HTML file: one line per message. */
export async function htmlProblems(files: Iterable<OutputFile>): Promise<string[]> {
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
  const failures: string[] = [];
  for (const file of files) {
    if (!file.contentType.startsWith('text/html')) continue;
    const report = await validator.validateString(file.body, file.path);
    for (const result of report.results) for (const m of result.messages) failures.push(`${file.path}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  return failures;
}

/** Site-internal links of the given pages whose file, or whose #anchor in an HTML file, is missing. */
export function brokenLinks(site: ReadonlyMap<string, OutputFile>, pages: Iterable<OutputFile>): string[] {
  const ids = new Map<string, Set<string>>();
  const idsOf = (path: string) => {
    const known = ids.get(path) ?? new Set([...(site.get(path)?.body ?? '').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    ids.set(path, known);
    return known;
  };
  const missing: string[] = [];
  for (const file of pages) {
    for (const [, href, anchor] of file.body.matchAll(/(?:href|src)="(\/[^"#]*)(?:#([^"]*))?"/g)) {
      const path = href!.slice(1);
      const target = path === '' || path.endsWith('/') ? `${path}index.html` : path;
      if (!site.has(target)) missing.push(`${file.path} → ${href}`);
      else if (anchor && target.endsWith('.html') && !idsOf(target).has(anchor)) missing.push(`${file.path} → ${href}#${anchor}`);
    }
  }
  return missing;
}
