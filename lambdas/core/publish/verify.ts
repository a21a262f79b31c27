import type { SiteStore } from '../ports';
import { mapLimit } from '../util/mapLimit';
import { type Manifest, type ManifestEntry, contentHash } from './manifest';
import { isSitePath } from './sitePath';

export interface Verified {
  /** The manifest without the entries the store contradicts: the plan then writes those files again. */
  readonly manifest: Manifest;
  /** Listed paths the store does not hold with the listed bytes (missing, changed), or that lie outside the site. */
  readonly contradicted: readonly string[];
}

/** Reads back every file the manifest lists and keeps only the claims the store bears out. */
export async function verifyStore(store: SiteStore, manifest: Manifest): Promise<Verified> {
  const checks = await mapLimit(Object.entries(manifest.files), 16, async ([path, entry]) => {
    if (!isSitePath(path)) return { path, entry, good: false };
    const body = await store.read(path);
    return { path, entry, good: body !== undefined && contentHash(body) === entry.hash };
  });
  const files: Record<string, ManifestEntry> = {};
  for (const { path, entry, good } of checks) if (good) files[path] = entry;
  return {
    manifest: { ...manifest, files },
    contradicted: checks
      .filter((c) => !c.good)
      .map((c) => c.path)
      .sort(),
  };
}
