import type { Problem } from '../model/problem';
import type { BriefingSource } from '../ports';
import { invalidationPaths } from '../publish/invalidation';
import { type Manifest, type ManifestEntry, sameManifest } from '../publish/manifest';
import { DEFAULT_LEASE } from '../publish/lease';
import { planPublish } from '../publish/plan';
import { type PublishReport, executePlan } from '../publish/publishSite';
import type { Body, PlannedFile } from '../render/outputFormats';
import { planSearchIndex } from '../search/searchIndex';
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
  return {
    description: source.description,
    listBriefings: async () => sorted,
    read: (key) => source.read(key),
    readSourceText: (file) => source.readSourceText(file),
  };
}

/** Renders and uploads the pages of the briefings under `keys`; deletes nothing (the merge does, last). */
export async function runShard(deps: BuildDeps, options: BuildOptions, keys: readonly string[]): Promise<ShardResult> {
  // Shards run side by side and write no manifest: the merge holds the lease, from its read to its write.
  const { manifest: previous } = await deps.state.readManifest();
  const { model, problems, stale } = await loadModel(deps, shardSource(deps.source, keys), previous, { now: options.now });
  const pages = only(renderSite(renderInput(deps, options, model)), renderedByShard);
  // Seen by the publisher: only what this shard renders, so nothing outside it is planned for deletion.
  const rendered = new Set(pages.map((f) => f.path));
  const mine: Manifest = { version: 1, files: Object.fromEntries(Object.entries(previous.files).filter(([path]) => rendered.has(path))) };
  // The guards on the whole source (shrink, deletions) are the merge's: a shard deletes nothing.
  const plan = planPublish({ files: pages, listed: keys.length, keepOwners: new Set() }, mine, { ...options, allowShrink: true });
  const publish = await executePlan(plan, deps.store, mine, options);
  return { files: publish.files, changed: changedPaths(publish), problems, stale };
}

/**
 * After every shard: renders the pages that span briefings, deletes files no shard nor the merge
 * rendered (never those of a briefing whose data failed), writes the merged manifest, invalidates once.
 */
export async function runMerge(deps: BuildDeps, options: BuildOptions, shards: readonly ShardResult[]): Promise<BuildReport> {
  const lease = options.dryRun ? undefined : await deps.state.acquireLease({ holder: 'briefings merge', ...DEFAULT_LEASE, ...options.lease });
  try {
    return await leasedMerge(deps, options, shards);
  } finally {
    await lease?.release();
  }
}

async function leasedMerge(deps: BuildDeps, options: BuildOptions, shards: readonly ShardResult[]): Promise<BuildReport> {
  const stored = await deps.state.readManifest();
  const previous = stored.manifest;
  const fromShards: Record<string, ManifestEntry> = {};
  for (const shard of shards) {
    for (const [path, entry] of Object.entries(shard.files)) {
      if (fromShards[path]) throw new ShardError(`two shards rendered ${path}: a briefing was listed in more than one shard`);
      fromShards[path] = entry;
    }
  }
  // Last good copies are saved by the merge, after the publish (rememberLastGood); it needs the model too.
  const { loaded, model, problems, stale, failed, stillFailed } = await loadModel(deps, deps.source, previous, { now: options.now });
  // The search index reads every page (the shards' too, rendered for it alone); the merge publishes what is not a briefing page.
  const all = renderSite(renderInput(deps, options, model));
  const { files, index } = deps.search ? planSearchIndex(all, previous, deps.search, options.baseUrl) : { files: [...all], index: undefined };
  const shared = files.filter((file) => !renderedByShard(file));
  const rest: Manifest = { ...previous, files: Object.fromEntries(Object.entries(previous.files).filter(([path]) => !fromShards[path])) };
  // Planned before any write of the merge, so the guards (deletions, a shrunken source) refuse here.
  const plan = planPublish({ files: shared, listed: loaded.listed, keepOwners: stillFailed, ...(index && { index }) }, rest, options);
  const publish = await executePlan(plan, deps.store, rest, options);

  let invalidated: string[] = [];
  if (!publish.dryRun) {
    const remembered = await rememberLastGood(loaded, failed, previous, deps.state, deps.source);
    const next: Manifest = { version: 1, files: { ...fromShards, ...publish.files }, briefings: remembered };
    if (!sameManifest(previous, next)) await deps.state.writeManifest(next, stored.version);
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

function changedPaths(report: PublishReport): string[] {
  return report.uploads.filter((u) => u.reason !== 'new').map((u) => u.path);
}
