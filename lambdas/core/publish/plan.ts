import type { Body, PlannedFile, Role, SiteFile } from '../render/outputFormats';
import { ROLES } from '../render/outputFormats';
import { type DeferredIndex, type IndexFile, indexMediaType } from '../search/searchIndex';
import { type Manifest, type ManifestEntry, contentHash } from './manifest';
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
  /** A search index built while the site is written; its folder is reserved for it. */
  readonly index?: DeferredIndex;
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
 * which paths the CDN must forget, and why the whole run must not happen at all. It is data plus at
 * most one promised group: the search index (`index`), whose folder is reserved here and whose files
 * planIndexFiles decides once the indexer delivers them, after the other groups and before the deletes.
 */
export interface PublishPlan {
  readonly groups: readonly RenderGroup[];
  /** The deferred search index: published after every group, its stale files deleted with the rest. */
  readonly index?: DeferredIndex;
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
    else if (input.index && file.path.startsWith(input.index.folder))
      refusals.push(`the site renders "${file.path}" in the search index's folder ${input.index.folder}`);
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
  const planned = planDeletes(previous, seen, input.keepOwners ?? new Set());
  const { kept } = planned;
  // What the manifest lists in the index's folder waits for the index: planIndexFiles deletes the stale part.
  const reserved = input.index?.folder;
  const deletes = reserved === undefined ? planned.deletes : planned.deletes.filter((path) => !path.startsWith(reserved));
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
    ...(input.index && { index: input.index }),
    skipped,
    deletes: deletes.filter(isSitePath),
    kept,
    invalidateIfChanged: invalidateIfChanged.sort(),
    refusals,
  };
}

/** The search index's part of a publish, decided when the indexer has delivered it. */
export interface IndexPlan {
  /** Index files the store does not hold with these bytes and media type. */
  readonly uploads: ReadonlyArray<{ readonly file: SiteFile; readonly entry: ManifestEntry; readonly reason: UploadReason }>;
  /** Index files the store already holds byte for byte (their entry, with the new fingerprint). */
  readonly unchanged: Readonly<Record<string, ManifestEntry>>;
  /** Files the manifest lists in the index's folder that the new index no longer has: deleted last. */
  readonly deletes: readonly string[];
}

/**
 * Decides the deferred index's files against the manifest, as data: upload what is new or changed,
 * keep what the store holds, delete what the manifest lists in the folder and the index lost. Nothing
 * outside the folder is touched; a path that would leave it is an error (Pagefind never names one).
 *
 *     manifest {pagefind/a, pagefind/b, en/x}, index {a', c}  →  upload [a', c], delete [pagefind/b]
 */
export function planIndexFiles(index: Pick<DeferredIndex, 'folder' | 'fingerprint'>, files: readonly IndexFile[], previous: Manifest): IndexPlan {
  const uploads: Array<{ file: SiteFile; entry: ManifestEntry; reason: UploadReason }> = [];
  const unchanged: Record<string, ManifestEntry> = {};
  const built = new Set<string>();
  for (const { path: name, bytes } of files) {
    const path = index.folder + name;
    if (!isSitePath(path) || built.has(path)) throw new Error(`the search index names ${JSON.stringify(name)} twice or outside its folder`);
    built.add(path);
    const contentType = indexMediaType(name);
    const entry: ManifestEntry = { hash: contentHash(bytes), contentType, role: 'meta', ...(index.fingerprint && { fingerprint: index.fingerprint }) };
    const reason = uploadReason(entry, previous.files[path]);
    if (reason) uploads.push({ file: { path, body: bytes, contentType, role: 'meta' }, entry, reason });
    else unchanged[path] = entry;
  }
  const deletes = Object.keys(previous.files)
    .filter((path) => path.startsWith(index.folder) && !built.has(path))
    .sort();
  return { uploads, unchanged, deletes };
}

/**
 * The deletes the max-deletes guard counts: not the stale files in the folder (or below) of a file planned
 * as `replaceable`, which a rebuilt index replaces (one edited title renames hundreds of its fragments).
 * A replaceable file at the site's root excuses nothing: the guard never stops watching the whole site.
 * Nor does it count the paths a planned file supersedes (a redirect answers them).
 */
export function countedDeletes(deletes: readonly string[], files: readonly Pick<PlannedFile<Body>, 'path' | 'replaceable' | 'supersedes'>[]): string[] {
  const rebuilt = new Set(files.filter((f) => f.replaceable).map((f) => f.path.slice(0, f.path.lastIndexOf('/') + 1)));
  rebuilt.delete('');
  const folders = [...rebuilt];
  const moved = new Set(files.flatMap((f) => f.supersedes ?? []));
  return deletes.filter((path) => !moved.has(path) && !folders.some((folder) => path.startsWith(folder)));
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
