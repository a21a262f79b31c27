import type { Manifest, ManifestEntry } from './manifest';

export type UploadReason = 'new' | 'changed' | 'content-type';

/** Why a rendered file must be uploaded, or `undefined` when the store already has these bytes. */
export function uploadReason(file: { hash: string; contentType: string }, previous: ManifestEntry | undefined): UploadReason | undefined {
  if (!previous) return 'new';
  if (previous.hash !== file.hash) return 'changed';
  if (previous.contentType !== file.contentType) return 'content-type';
  return undefined;
}

export interface DeletePlan {
  /** Published before, not rendered now: to delete, after every upload. */
  readonly deletes: readonly string[];
  /** Not rendered now but kept, because their briefing's data could not be read this time. */
  readonly kept: readonly string[];
}

/**
 * What to delete: only files this project published (listed in the manifest), never a file
 * whose owning briefing failed to load (bad input must not take a page offline).
 */
export function planDeletes(previous: Manifest, rendered: ReadonlySet<string>, keepOwners: ReadonlySet<string>): DeletePlan {
  const deletes: string[] = [];
  const kept: string[] = [];
  for (const [path, entry] of Object.entries(previous.files)) {
    if (rendered.has(path)) continue;
    if (entry.owner !== undefined && keepOwners.has(entry.owner)) kept.push(path);
    else deletes.push(path);
  }
  return { deletes: deletes.sort(), kept: kept.sort() };
}
