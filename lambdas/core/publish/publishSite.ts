import type { SiteStore } from '../ports';
import type { Body, PlannedFile, Role, SiteFile } from '../render/outputFormats';
import { type Manifest, type ManifestEntry, contentHash } from './manifest';
import { type PublishPlan, type UploadReason, uploadReason } from './plan';

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

/**
 * Carries out a plan (Hugo's deploy after findDiffs): renders each group in publish order and
 * writes only changed bytes, each group finished before the next starts, so nothing links to a page
 * not yet online; deletions come last, after the indexes that linked to them were replaced. If a
 * write or a render fails the run stops there and the site is still consistent.
 */
export async function executePlan(plan: PublishPlan, store: SiteStore, previous: Manifest, options: ExecuteOptions = {}): Promise<PublishReport> {
  if (plan.refusals.length > 0) throw new PublishRefusedError(plan.refusals);
  const dryRun = options.dryRun ?? false;
  const writer = new BoundedWriter(options.concurrency ?? 16, dryRun);
  const next: Record<string, ManifestEntry> = { ...plan.skipped };
  const written: Record<string, ManifestEntry> = {};
  const uploads: Array<{ path: string; reason: UploadReason; role: Role }> = [];
  let unchanged = Object.keys(plan.skipped).length;

  for (const group of plan.groups) {
    for (const planned of group.files) {
      let file: SiteFile;
      try {
        file = materialiseOwned(planned);
      } catch (error) {
        await writer.drain().catch(() => undefined);
        throw new RenderFailure(planned.path, planned.owner, written, error instanceof RenderFailure ? error.cause : error);
      }
      const entry = manifestEntry(file, planned.fingerprint);
      next[file.path] = entry;
      const reason = uploadReason(entry, previous.files[file.path]);
      if (!reason) {
        unchanged++;
        continue;
      }
      uploads.push({ path: file.path, reason, role: file.role });
      await writer.start(() => store.put(file));
      written[file.path] = entry;
    }
    await writer.drain();
  }
  for (const path of plan.deletes) await writer.start(() => store.delete(path));
  await writer.drain();
  for (const path of plan.kept) next[path] = previous.files[path] as ManifestEntry;
  return { uploads, deletes: plan.deletes, kept: plan.kept, unchanged, skipped: Object.keys(plan.skipped).length, dryRun, files: next };
}

function materialiseOwned(planned: PlannedFile<Body>): SiteFile {
  return { path: planned.path, body: planned.render(), contentType: planned.contentType, role: planned.role, ...(planned.owner && { owner: planned.owner }) };
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
