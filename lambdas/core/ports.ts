import type { Lease, LeaseRequest, StoredManifest } from './publish/lease';
import type { Manifest } from './publish/manifest';
import type { SiteFile } from './render/outputFormats';

/** Where briefing data comes from: a folder, an S3 prefix, memory. */
export interface BriefingSource {
  /** Human-readable location, for messages: `data/`, `s3://bucket/prefix/`. */
  readonly description: string;
  /** Keys of the briefing documents (`briefings/<id>.json`), sorted. */
  listBriefings(): Promise<string[]>;
  /** The document's text; throws when unreadable (missing, too large, not UTF-8). */
  read(key: string): Promise<string>;
  /** The Chinese source text of `source.file`, if the source has it. */
  readSourceText(file: string): Promise<string | undefined>;
}

/** Where the site goes: a folder, an S3 bucket, memory. Paths are relative, no leading slash. */
export interface SiteStore {
  readonly description: string;
  put(file: SiteFile): Promise<void>;
  delete(path: string): Promise<void>;
  /** A published file's text, or `undefined` if absent: `--verify` compares it with the manifest. */
  read(path: string): Promise<Uint8Array | string | undefined>;
}

/**
 * What a publisher remembers between runs, kept where readers cannot see it: the manifest of
 * published files, and the last good text of every published briefing (so a briefing whose data
 * file breaks stays online as it was).
 */
export interface StateStore {
  readonly description: string;
  /** The manifest and its version (an empty manifest, no version, when nothing was published yet). */
  readManifest(): Promise<StoredManifest>;
  /** Writes over exactly the version read (`undefined`: only if there is none); throws StateConflictError otherwise. */
  writeManifest(manifest: Manifest, expected: string | undefined): Promise<void>;
  /** One writer at a time: taken before the manifest is read, released after it is written. Throws LeaseHeldError. */
  acquireLease(request: LeaseRequest): Promise<Lease>;
  readLastGood(id: string): Promise<string | undefined>;
  writeLastGood(id: string, text: string): Promise<void>;
  deleteLastGood(id: string): Promise<void>;
}

/** A CDN in front of the site: told which paths changed. */
export interface CdnInvalidator {
  /** Site paths with a leading slash (`/en/index.html`) or a single wildcard `/*`. */
  invalidate(paths: readonly string[]): Promise<void>;
}

/** Report texts editors upload for drafting: bytes in any encoding the extractor reads. */
export interface ReportSource {
  readonly description: string;
  /** The report's bytes, `undefined` if it is gone; throws TooLargeError for a file no report is that big. */
  read(key: string): Promise<Uint8Array | undefined>;
}

/** Where drafts (and notes on reports that could not be drafted) go: never where briefings are published from. */
export interface DraftStore {
  readonly description: string;
  write(name: string, value: unknown): Promise<void>;
}
