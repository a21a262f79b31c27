import type { PublishReport } from './publishSite';

/** CloudFront accepts up to 3,000 paths in progress per distribution; past that, one wildcard. */
export const MAX_INVALIDATION_PATHS = 3000;

/**
 * The paths a CDN must forget after a publish: objects whose bytes changed or that were deleted.
 * New objects need none (nothing cached them). Objects are named as stored (`/en/index.html`):
 * the viewer-request function rewrites `/en/` to that key before the cache is consulted.
 *
 *     changed en/index.html, deleted en/briefings/x/index.html → ['/en/briefings/x/index.html', '/en/index.html']
 *     4,000 changed files → ['/*']
 */
export function invalidationPaths(report: Pick<PublishReport, 'uploads' | 'deletes'>, limit = MAX_INVALIDATION_PATHS): string[] {
  const changed = report.uploads.filter((u) => u.reason !== 'new').map((u) => u.path);
  const paths = [...new Set([...changed, ...report.deletes])].sort().map((p) => `/${encodeURI(p)}`);
  return paths.length > limit ? ['/*'] : paths;
}
