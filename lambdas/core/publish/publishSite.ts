import type { SiteStore } from '../ports';
import type { Body, PlannedFile, Role, SiteFile } from '../render/outputFormats';
import { IndexFeed } from '../search/indexFeed';
import type { DeferredIndex, IndexFile } from '../search/searchIndex';
import { type Manifest, type ManifestEntry, contentHash } from './manifest';
import { type PublishPlan, type RenderGroup, type UploadReason, planIndexFiles, uploadReason } from './plan';

export interface ExecuteOptions {
  /** Render and report, change nothing. */
  readonly dryRun?: boolean;
  /** Writes in flight at once. */
  readonly concurrency?: number;
}

export interface PublishReport {
  readonly uploads: ReadonlyArray<{ readonly path: string; readonly reason: UploadReason; readonly role: Role }>;
  readonly deletes: readonly string[];
  readonly kept: readonly string[];
  readonly unchanged: number;
  /** Files not even rendered: the store holds them with the same fingerprint. */
  readonly skipped: number;
  readonly dryRun: boolean;
  /** What the store holds now (the next manifest's files). */
  readonly files: Readonly<Record<string, ManifestEntry>>;
}

export class PublishError extends Error {
  override name = 'PublishError';
}

/** A plan the guards refused: nothing was written. */
export class PublishRefusedError extends PublishError {
  override name = 'PublishRefusedError';
  constructor(readonly refusals: readonly string[]) {
    super(refusals.join('\n'));
  }
}

/**
 * A file that could not be rendered. Writes already made are consistent (no later group started);
 * `written` says what the store holds now, so a retry without the owner's briefing need not redo them.
 */
export class RenderFailure extends PublishError {
  override name = 'RenderFailure';
  constructor(
    readonly path: string,
    readonly owner: string | undefined,
    readonly written: Readonly<Record<string, ManifestEntry>>,
    cause: unknown,
  ) {
    super(`${path}: cannot render: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** The search index could not be built: the old index stays, nothing was deleted (see executePlan). */
export class IndexFailure extends PublishError {
  override name = 'IndexFailure';
}

/**
 * Carries out a plan (Hugo's deploy after findDiffs): renders each group in publish order and
 * writes only changed bytes, each group finished before the next starts, so nothing links to a page
 * not yet online; deletions come last, after the indexes that linked to them were replaced. If a
 * write or a render fails the run stops there and the site is still consistent.
 *
 * A deferred search index is built meanwhile: the indexer takes every page in the site's order (see
 * IndexFeed: rendered once for both sides when memory allows; also the pages the plan skips), the
 * other groups are written while it works, then its files are planned (planIndexFiles) and written,
 * then everything is deleted. If the index fails, the run stops before its files and before any
 * delete: the old index stays and still finds only pages that are there; the manifest is not written,
 * so the next run puts again whatever the store now holds differently.
 */
export async function executePlan(plan: PublishPlan, store: SiteStore, previous: Manifest, options: ExecuteOptions = {}): Promise<PublishReport> {
  if (plan.refusals.length > 0) throw new PublishRefusedError(plan.refusals);
  const dryRun = options.dryRun ?? false;
  const writer = new BoundedWriter(options.concurrency ?? 16, dryRun);
  const next: Record<string, ManifestEntry> = { ...plan.skipped };
  const written: Record<string, ManifestEntry> = {};
  const uploads: Array<{ path: string; reason: UploadReason; role: Role }> = [];
  let unchanged = Object.keys(plan.skipped).length;
  const indexing = plan.index ? new Indexing(plan.index, plan.groups) : undefined;
  const breather = new Breather(indexing !== undefined);

  try {
    for (const group of plan.groups) {
      for (const planned of group.files) {
        let file: SiteFile;
        try {
          file = materialiseOwned(planned, indexing?.feed);
        } catch (error) {
          await writer.drain().catch(() => undefined);
          throw new RenderFailure(planned.path, planned.owner, written, error instanceof RenderFailure ? error.cause : error);
        }
        const entry = manifestEntry(file, planned.fingerprint);
        next[file.path] = entry;
        const reason = uploadReason(entry, previous.files[file.path]);
        if (reason) {
          uploads.push({ path: file.path, reason, role: file.role });
          await writer.start(() => store.put(file));
          written[file.path] = entry;
        } else unchanged++;
        await breather.breathe();
        indexing?.throwIfFailed(written);
      }
      await writer.drain();
    }
    let deletes = plan.deletes;
    if (indexing && plan.index) {
      const index = planIndexFiles(plan.index, await indexing.result(written), previous);
      for (const [path, entry] of Object.entries(index.unchanged)) next[path] = entry;
      unchanged += Object.keys(index.unchanged).length;
      for (const { file, entry, reason } of index.uploads) {
        next[file.path] = entry;
        uploads.push({ path: file.path, reason, role: file.role });
        await writer.start(() => store.put(file));
        written[file.path] = entry;
      }
      await writer.drain();
      deletes = [...deletes, ...index.deletes].sort();
    }
    for (const path of deletes) await writer.start(() => store.delete(path));
    await writer.drain();
    for (const path of plan.kept) next[path] = previous.files[path] as ManifestEntry;
    return { uploads, deletes, kept: plan.kept, unchanged, skipped: Object.keys(plan.skipped).length, dryRun, files: next };
  } catch (error) {
    await writer.drain().catch(() => undefined); // no write of this run still in flight once it has failed
    throw error;
  } finally {
    await indexing?.stop();
  }
}

/** A deferred index being built: its feed, and the indexer's answer once it comes. */
class Indexing {
  readonly feed: IndexFeed;
  private readonly building: Promise<IndexFile[]>;
  private failure: { error: unknown } | undefined;

  constructor(index: DeferredIndex, groups: readonly RenderGroup[]) {
    this.feed = new IndexFeed(
      index,
      groups.flatMap((g) => g.files.map((f) => f.path)),
    );
    this.building = index.indexer.build(this.feed.pages());
    this.building.catch((error: unknown) => {
      this.failure ??= { error };
    });
  }

  /** Stops the run as soon as the index has failed (a page that does not render, the indexer itself). */
  throwIfFailed(written: Readonly<Record<string, ManifestEntry>>): void {
    if (this.failure) throw failureOf(this.failure.error, written);
  }

  async result(written: Readonly<Record<string, ManifestEntry>>): Promise<IndexFile[]> {
    try {
      return await this.building;
    } catch (error) {
      throw failureOf(error, written);
    }
  }

  /** Ends the indexer's input (a no-op once it has all pages) and waits until it has let go. */
  async stop(): Promise<void> {
    this.feed.stop(new PublishError('the publish stopped'));
    await this.building.catch(() => undefined);
  }
}

function failureOf(error: unknown, written: Readonly<Record<string, ManifestEntry>>): PublishError {
  if (error instanceof RenderFailure) return new RenderFailure(error.path, error.owner, written, error.cause);
  return new IndexFailure(`the search index could not be built: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/**
 * Lets the event loop run now and then while an index is built: the store may write synchronously, and
 * the indexer's answers (and its asking for more pages) wait for the loop.
 */
class Breather {
  private last = performance.now();
  constructor(private readonly active: boolean) {}

  async breathe(): Promise<void> {
    if (!this.active || performance.now() - this.last < BREATH_MS) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}

/** Milliseconds of writing between two turns of the event loop. */
const BREATH_MS = 4;

function materialiseOwned(planned: PlannedFile<Body>, feed: IndexFeed | undefined): SiteFile {
  return {
    path: planned.path,
    body: feed ? feed.render(planned) : planned.render(),
    contentType: planned.contentType,
    role: planned.role,
    ...(planned.owner && { owner: planned.owner }),
  };
}

function manifestEntry(file: SiteFile, fingerprint: string | undefined): ManifestEntry {
  return {
    hash: contentHash(file.body),
    contentType: file.contentType,
    role: file.role,
    ...(file.owner && { owner: file.owner }),
    ...(fingerprint && { fingerprint }),
  };
}

/** Bounded-concurrency writes; the first failure stops every later one. */
class BoundedWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: unknown;

  constructor(
    private readonly limit: number,
    private readonly dryRun: boolean,
  ) {}

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  async start(task: () => Promise<void>): Promise<void> {
    if (this.dryRun) return;
    if (this.failure) throw this.failure;
    while (this.inFlight.size >= this.limit) await Promise.race(this.inFlight);
    if (this.failure) throw this.failure;
    const promise: Promise<void> = task()
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.inFlight.delete(promise));
    this.inFlight.add(promise);
  }
}
