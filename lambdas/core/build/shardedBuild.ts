import type { Problem } from '../model/problem';
import type { BriefingSource } from '../ports';
import { invalidationPaths } from '../publish/invalidation';
import { type Manifest, type ManifestEntry, sameManifest } from '../publish/manifest';
import { type PublishReport, publishSite } from '../publish/publishSite';
import type { Body, PlannedFile } from '../render/outputFormats';
import { withSearchIndex } from '../search/searchIndex';
import { renderSite } from '../render/renderSite';
import { rememberLastGood } from './lastGood';
import { loadModel } from './loadModel';
import { type BuildDeps, type BuildOptions, type BuildReport, renderInput } from './runBuild';

/**
 * A build split across machines: shards render and upload the pages of their own briefings (a
 * briefing page depends on nothing but its briefing), then one merge renders what spans briefings
 * (indexes, feeds, indicator pages, sitemap), deletes what left, writes one manifest and sends one
 * invalidation. The result is the site, manifest and invalidation a single `runBuild` gives.
 */

/** What a shard did, small enough to pass to the merge (a Step Functions result or a state object). */
export interface ShardResult {
  /** The manifest entries of the files this shard owns now. */
  readonly files: Readonly<Record<string, ManifestEntry>>;
  /** Paths uploaded over an older version (they need an invalidation). */
  readonly changed: readonly string[];
  readonly problems: readonly Problem[];
  readonly stale: readonly string[];
}

export class ShardError extends Error {
  override name = 'ShardError';
}

/** The source seen through a shard's keys (a batch of the data bucket's listing). */
export function shardSource(source: BriefingSource, keys: readonly string[]): BriefingSource {
  const sorted = [...keys].sort();
  return { description: source.description, listBriefings: async () => sorted, read: (key) => source.read(key), readSourceText: (file) => source.readSourceText(file) };
}

/** Renders and uploads the pages of the briefings under `keys`; deletes nothing (the merge does, last). */
export async function runShard(deps: BuildDeps, options: BuildOptions, keys: readonly string[]): Promise<ShardResult> {
  const previous = await deps.state.readManifest();
  const { model, problems, stale } = await loadModel(deps, shardSource(deps.source, keys), previous, { now: options.now, saveNewTexts: !options.dryRun });
  const pages = only(renderSite(renderInput(deps, options, model)), renderedByShard);
  // Seen by the publisher: only what this shard renders, so nothing outside it is planned for deletion.
  const rendered = new Set(pages.map((f) => f.path));
  const mine: Manifest = { version: 1, files: Object.fromEntries(Object.entries(previous.files).filter(([path]) => rendered.has(path))) };
  const publish = await publishSite(pages, deps.store, mine, { ...options, keepOwners: new Set() });
  return { files: publish.files, changed: changedPaths(publish), problems, stale };
}

/**
 * After every shard: renders the pages that span briefings, deletes files no shard nor the merge
 * rendered (never those of a briefing whose data failed), writes the merged manifest, invalidates once.
 */
export async function runMerge(deps: BuildDeps, options: BuildOptions, shards: readonly ShardResult[]): Promise<BuildReport> {
  const previous = await deps.state.readManifest();
  const fromShards: Record<string, ManifestEntry> = {};
  for (const shard of shards) {
    for (const [path, entry] of Object.entries(shard.files)) {
      if (fromShards[path]) throw new ShardError(`two shards rendered ${path}: a briefing was listed in more than one shard`);
      fromShards[path] = entry;
    }
  }
  // Last good copies were saved by the shards; the merge only needs the model.
  const { loaded, model, problems, stale, stillFailed } = await loadModel(deps, deps.source, previous, { now: options.now, saveNewTexts: false });
  // The search index reads every page, so the merge plans them all and publishes what is not a briefing page.
  const all = renderSite(renderInput(deps, options, model));
  const shared = skipPages(deps.search ? withSearchIndex(all, previous, deps.search, options.baseUrl) : all);
  const rest: Manifest = { version: 1, files: Object.fromEntries(Object.entries(previous.files).filter(([path]) => !fromShards[path])) };
  const publish = await publishSite(shared, deps.store, rest, { ...options, keepOwners: stillFailed });

  let invalidated: string[] = [];
  if (!publish.dryRun) {
    const remembered = await rememberLastGood(loaded, previous, deps.state);
    const next: Manifest = { version: 1, files: { ...fromShards, ...publish.files }, briefings: remembered };
    if (!sameManifest(previous, next)) await deps.state.writeManifest(next);
    if (deps.invalidator) {
      const changed = [...shards.flatMap((s) => s.changed), ...changedPaths(publish)];
      invalidated = invalidationPaths({ uploads: changed.map((path) => ({ path, reason: 'changed', role: 'page' })), deletes: publish.deletes });
      if (invalidated.length > 0) await deps.invalidator.invalidate(invalidated);
    }
  }
  return {
    problems: [...shards.flatMap((s) => s.problems), ...problems],
    published: model.briefings.map((b) => b.id),
    held: model.held,
    stale: [...new Set([...shards.flatMap((s) => s.stale), ...stale])].sort(),
    publish: { ...publish, files: { ...fromShards, ...publish.files } },
    invalidated,
  };
}

/** Splits a listing into shards of at most `size` keys, in listing order (as a Distributed Map batches it). */
export function shardKeys(keys: readonly string[], size: number): string[][] {
  if (!(Number.isInteger(size) && size > 0)) throw new ShardError(`shard size must be a positive whole number, not ${size}`);
  const shards: string[][] = [];
  for (let at = 0; at < keys.length; at += size) shards.push(keys.slice(at, at + size));
  return shards;
}

function only(files: Iterable<PlannedFile>, keep: (file: PlannedFile) => boolean): PlannedFile[] {
  const kept: PlannedFile[] = [];
  for (const file of files) if (keep(file)) kept.push(file);
  return kept;
}

/**
 * A shard renders the pages one briefing owns; files that gather several briefings (indexes, feeds,
 * per-indicator downloads), even those published with pages, are the merge's.
 */
function renderedByShard(file: PlannedFile<Body>): boolean {
  return file.role === 'page' && file.owner !== undefined;
}

async function* skipPages<T extends PlannedFile<Body>>(files: Iterable<T> | AsyncIterable<T>): AsyncGenerator<T> {
  for await (const file of files) if (!renderedByShard(file)) yield file;
}

function changedPaths(report: PublishReport): string[] {
  return report.uploads.filter((u) => u.reason !== 'new').map((u) => u.path);
}
