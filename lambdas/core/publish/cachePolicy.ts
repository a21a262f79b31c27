import type { Role } from '../render/outputFormats';

/**
 * Cache-Control by role. Assets carry a content hash in their name, so they never change: cache
 * forever. Everything else changes in place: browsers revalidate after minutes, CloudFront keeps
 * a copy for a day at most, and every publish invalidates exactly what changed.
 */
const POLICY: Record<Role, string> = {
  asset: 'public, max-age=31536000, immutable',
  page: 'public, max-age=300, s-maxage=86400',
  index: 'public, max-age=300, s-maxage=86400',
  feed: 'public, max-age=900, s-maxage=86400',
  meta: 'public, max-age=3600, s-maxage=86400',
};

export function cacheControlFor(role: Role): string {
  return POLICY[role];
}
