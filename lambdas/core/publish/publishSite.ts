import type { SiteStore } from '../ports';
import { type Body, ROLES, type PlannedFile, type Role, type SiteFile } from '../render/outputFormats';
import { type Manifest, type ManifestEntry, contentHash } from './manifest';
import { type UploadReason, planDeletes, uploadReason } from './plan';

export interface PublishOptions {
  /** Briefings whose data failed to load: their published pages stay. */
  readonly keepOwners?: ReadonlySet<string>;
  /** Refuse to delete more than this many files in one run (a guard against a wiped data source). */
  readonly maxDeletes?: number;
  /** Plan and report, change nothing. */
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

/**
 * Brings a store up to date with freshly rendered files, streaming: only changed bytes are written;
 * roles go out in order (assets, pages, indexes, feeds, sitemap), each role finished before the next
 * starts, so nothing links to a page that is not yet online; deletions come last, after the indexes
 * that linked to them were replaced. If a write fails the run stops there, and the site is still
 * consistent: old indexes only link to pages that still exist.
 */
export async function publishSite(files: Iterable<PlannedFile<Body>> | AsyncIterable<PlannedFile<Body>>, store: SiteStore, previous: Manifest, options: PublishOptions = {}): Promise<PublishReport> {
  const next: Record<string, ManifestEntry> = {};
  const uploads: Array<{ path: string; reason: UploadReason; role: Role }> = [];
  const dryRun = options.dryRun ?? false;
  const writer = new OrderedWriter(store, options.concurrency ?? 16, dryRun);
  let unchanged = 0;
  let skipped = 0;

  for await (const planned of files) {
    if (next[planned.path]) throw new PublishError(`rendered twice: ${planned.path}`);
    const before = previous.files[planned.path];
    if (before && !needsRender(planned, previous)) {
      next[planned.path] = before;
      unchanged++;
      skipped++;
      continue;
    }
    const file: SiteFile = { path: planned.path, body: planned.render(), contentType: planned.contentType, role: planned.role, ...(planned.owner && { owner: planned.owner }) };
    const entry: ManifestEntry = {
      hash: contentHash(file.body),
      contentType: file.contentType,
      role: file.role,
      ...(file.owner && { owner: file.owner }),
      ...(planned.fingerprint && { fingerprint: planned.fingerprint }),
    };
    next[file.path] = entry;
    const reason = uploadReason(entry, before);
    if (!reason) {
      unchanged++;
      continue;
    }
    uploads.push({ path: file.path, reason, role: file.role });
    await writer.put(file);
  }
  await writer.drain();

  const { deletes, kept } = planDeletes(previous, new Set(Object.keys(next)), options.keepOwners ?? new Set());
  if (options.maxDeletes !== undefined && deletes.length > options.maxDeletes) {
    throw new PublishError(`refusing to delete ${deletes.length} files (limit ${options.maxDeletes}); nothing was deleted`);
  }
  for (const path of kept) next[path] = previous.files[path] as ManifestEntry;
  for (const path of deletes) await writer.delete(path);
  await writer.drain();
  return { uploads, deletes, kept, unchanged, skipped, dryRun, files: next };
}

/** Bounded-concurrency writes that never let one role overtake the role before it. */
class OrderedWriter {
  private readonly inFlight = new Set<Promise<void>>();
  private role: Role | undefined;
  private failure: unknown;

  constructor(
    private readonly store: SiteStore,
    private readonly limit: number,
    private readonly dryRun: boolean,
  ) {}

  async put(file: SiteFile): Promise<void> {
    if (this.role !== undefined && ROLES.indexOf(file.role) < ROLES.indexOf(this.role)) {
      throw new PublishError(`${file.path}: role "${file.role}" rendered after "${this.role}"; renderers must yield in publish order`);
    }
    if (this.role !== file.role) await this.drain();
    this.role = file.role;
    await this.start(() => this.store.put(file));
  }

  async delete(path: string): Promise<void> {
    await this.start(() => this.store.delete(path));
  }

  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  private async start(task: () => Promise<void>): Promise<void> {
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

/** Whether a planned file must be rendered, or the store already holds it with the same fingerprint. */
export function needsRender(planned: PlannedFile<Body>, previous: Manifest): boolean {
  const before = previous.files[planned.path];
  return !(planned.fingerprint !== undefined && before?.fingerprint === planned.fingerprint && before.contentType === planned.contentType && before.role === planned.role);
}
