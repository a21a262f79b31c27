import type { OutputFile } from './render/outputFormats';
import type { Manifest } from './publish/manifest';

/** Where briefing data comes from: a folder, an S3 prefix, memory. */
export interface BriefingSource {
  /** Human-readable location, for messages: `data/`, `s3://bucket/prefix/`. */
  readonly description: string;
  /** Keys of the briefing documents (`briefings/<id>.json`), sorted. */
  listBriefings(): Promise<string[]>;
  /** The document's text; throws when unreadable. */
  read(key: string): Promise<string>;
  /** The Chinese source text of `source.file`, if the source has it. */
  readSourceText(file: string): Promise<string | undefined>;
}

/** Where the site goes: a folder, an S3 bucket, memory. Paths are relative, no leading slash. */
export interface SiteStore {
  readonly description: string;
  /** What this store last published; an empty manifest when it never did. */
  readManifest(): Promise<Manifest>;
  writeManifest(manifest: Manifest): Promise<void>;
  put(file: OutputFile): Promise<void>;
  delete(path: string): Promise<void>;
}
