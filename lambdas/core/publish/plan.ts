import type { Body, PlannedFile, Role } from '../render/outputFormats';
import { ROLES } from '../render/outputFormats';
import type { Manifest, ManifestEntry } from './manifest';
import { isSitePath } from './sitePath';

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

/** Deletions a run may make unless told otherwise: a removed briefing costs a handful; a wiped source, hundreds. */
export const DEFAULT_MAX_DELETES = 100;

/** What the site should hold now, and what the source looked like when it was made. */
export interface PublishInput {
  /** Every file of the site as rendered now, in publish order (not yet rendered: see PlannedFile). */
  readonly files: readonly PlannedFile<Body>[];
  /** Briefing documents the source lists this run (usable or not). */
  readonly listed: number;
  /** Briefings whose data failed and has no usable copy: their published files stay. */
  readonly keepOwners?: ReadonlySet<string>;
}

export interface PlanOptions {
  /** Refuse a plan that deletes more files than this (default DEFAULT_MAX_DELETES). */
  readonly maxDeletes?: number;
  /** Accept a source that lists far fewer briefings than were published (a deliberate removal). */
  readonly allowShrink?: boolean;
}

/** One role's files, all finished before the next group starts (Hugo's ordered upload groups). */
export interface RenderGroup {
  readonly role: Role;
  readonly files: readonly PlannedFile<Body>[];
}

/**
 * Every decision of a publish, made before a byte is written: what to render (grouped in publish
 * order), what the store already holds (skipped, with the entry it keeps), what to delete (last),
 * which paths the CDN must forget, and why the whole run must not happen at all.
 */
export interface PublishPlan {
  readonly groups: readonly RenderGroup[];
  /** Path → entry kept unrendered: the store holds these bytes with the same fingerprint. */
  readonly skipped: Readonly<Record<string, ManifestEntry>>;
  readonly deletes: readonly string[];
  readonly kept: readonly string[];
  /** Rendered paths the store already held: invalidated when their bytes change. Deletes always are. */
  readonly invalidateIfChanged: readonly string[];
  /** Non-empty: refuse the run, write nothing. Each says what is wrong and how to allow it. */
  readonly refusals: readonly string[];
}

/**
 * Decides a publish (after Hugo's deploy `findDiffs`), as data: a pure function of the planned site,
 * the manifest of what the store holds, and the guards.
 *
 *     manifest {a, b, c}, site now {a', b}, b's fingerprint unchanged
 *       → render [a'], skip [b], delete [c], invalidate a if its bytes changed, and c
 */
export function planPublish(input: PublishInput, previous: Manifest, options: PlanOptions = {}): PublishPlan {
  const refusals: string[] = [];
  const byRole = new Map<Role, PlannedFile<Body>[]>(ROLES.map((role) => [role, []]));
  const skipped: Record<string, ManifestEntry> = {};
  const invalidateIfChanged: string[] = [];
  const seen = new Set<string>();
  for (const file of input.files) {
    if (seen.has(file.path)) refusals.push(`the site renders "${file.path}" twice`);
    else if (!isSitePath(file.path)) refusals.push(`the site renders a path outside the site: ${JSON.stringify(file.path)}`);
    seen.add(file.path);
    const before = previous.files[file.path];
    if (before && !needsRender(file, before)) {
      skipped[file.path] = before;
      continue;
    }
    byRole.get(file.role)?.push(file);
    if (before) invalidateIfChanged.push(file.path);
  }

  const unsafe = Object.keys(previous.files).filter((path) => !isSitePath(path));
  for (const path of unsafe) {
    refusals.push(`the manifest lists a path outside the site: ${JSON.stringify(path)} (state tampered with?); rebuild it with --verify`);
  }
  const { deletes, kept } = planDeletes(previous, seen, input.keepOwners ?? new Set());
  const maxDeletes = options.maxDeletes ?? DEFAULT_MAX_DELETES;
  const guarded = countedDeletes(deletes, input.files);
  if (guarded.length > maxDeletes) {
    refusals.push(
      `refusing to delete ${guarded.length} files (limit ${maxDeletes}); nothing was written. If the removal is deliberate, pass --max-deletes ${guarded.length}`,
    );
  }
  const before = Object.keys(previous.briefings ?? {}).length;
  if (!options.allowShrink && input.listed * 2 < before) {
    refusals.push(
      `the source lists ${input.listed} briefing${input.listed === 1 ? '' : 's'} but ${before} were published (wrong or emptied data folder?); nothing was written. If the removal is deliberate, pass --allow-shrink`,
    );
  }
  return {
    groups: ROLES.map((role) => ({ role, files: byRole.get(role) ?? [] })).filter((g) => g.files.length > 0),
    skipped,
    deletes: deletes.filter(isSitePath),
    kept,
    invalidateIfChanged: invalidateIfChanged.sort(),
    refusals,
  };
}

/**
 * The deletes the max-deletes guard counts: not the stale files in the folder (or below) of a file planned
 * as `replaceable`, which a rebuilt index replaces (one edited title renames hundreds of its fragments).
 * A replaceable file at the site's root excuses nothing: the guard never stops watching the whole site.
 */
export function countedDeletes(deletes: readonly string[], files: readonly Pick<PlannedFile<Body>, 'path' | 'replaceable'>[]): string[] {
  const rebuilt = new Set(files.filter((f) => f.replaceable).map((f) => f.path.slice(0, f.path.lastIndexOf('/') + 1)));
  rebuilt.delete('');
  const folders = [...rebuilt];
  return deletes.filter((path) => !folders.some((folder) => path.startsWith(folder)));
}

/** Whether a planned file must be rendered, or the store already holds it with the same fingerprint. */
export function needsRender(planned: Pick<PlannedFile<Body>, 'fingerprint' | 'contentType' | 'role'>, before: ManifestEntry | undefined): boolean {
  return !(
    planned.fingerprint !== undefined &&
    before?.fingerprint === planned.fingerprint &&
    before.contentType === planned.contentType &&
    before.role === planned.role
  );
}
