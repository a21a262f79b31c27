import { FsBriefingSource } from '../adapters/fs/fsBriefingSource';
import { join } from 'node:path';
import { FsSiteStore } from '../adapters/fs/fsSiteStore';
import { FS_STATE_DIR, FsStateStore } from '../adapters/fs/fsStateStore';
import type { BriefingSource, SiteStore, StateStore } from '../core/ports';
import { UsageError } from './io';

/** `--data` and `--out` name a folder or (with an S3 adapter) a bucket; this picks the adapter. */
export function briefingSourceAt(location: string): BriefingSource {
  if (location.startsWith('s3://')) throw new UsageError(`S3 data locations are not supported by this build yet: ${location}`);
  return new FsBriefingSource(location);
}

export function siteStoreAt(location: string): { store: SiteStore; state: StateStore } {
  if (location.startsWith('s3://')) throw new UsageError(`S3 site locations are not supported by this build yet: ${location}`);
  return { store: new FsSiteStore(location), state: new FsStateStore(join(location, FS_STATE_DIR)) };
}

/** A base URL must be absolute http(s); a trailing slash is implied so relative routes resolve under it. */
export function parseBaseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--base-url "${text}" is not an absolute URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  if (url.search || url.hash) throw new UsageError('--base-url must not carry a query or fragment');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}
