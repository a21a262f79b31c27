import { createHash } from 'node:crypto';
import type { Role } from '../render/outputFormats';

/** What a store holds from us: path → content hash. Only files listed here are ever deleted. */
export interface Manifest {
  readonly version: 1;
  readonly files: Readonly<Record<string, ManifestEntry>>;
  /** Briefing id → hash of the data text last published for it (its last good copy). */
  readonly briefings?: Readonly<Record<string, string>>;
}

export interface ManifestEntry {
  /** SHA-256 of the body, hex. Not an S3 ETag: those are not content hashes under KMS or multipart. */
  readonly hash: string;
  readonly contentType: string;
  readonly role: Role;
  readonly owner?: string;
  /** What the bytes were made from (see PlannedFile): equal fingerprints mean nothing to render. */
  readonly fingerprint?: string;
}

export const EMPTY_MANIFEST: Manifest = { version: 1, files: {} };

export function contentHash(body: string | Uint8Array): string {
  return (typeof body === 'string' ? createHash('sha256').update(body, 'utf8') : createHash('sha256').update(body)).digest('hex');
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

/** Reads a stored manifest, refusing anything that does not look like one (never guess what we own). */
export function parseManifest(text: string, where: string): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ManifestError(`${where}: manifest is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const files = (value as Manifest | null)?.files;
  if ((value as Manifest | null)?.version !== 1 || files === null || typeof files !== 'object') {
    throw new ManifestError(`${where}: not a version 1 publish manifest`);
  }
  return value as Manifest;
}

export function serialiseManifest(manifest: Manifest): string {
  const briefings = manifest.briefings && Object.keys(manifest.briefings).length > 0 ? { briefings: sorted(manifest.briefings) } : {};
  return `${JSON.stringify({ version: 1, files: sorted(manifest.files), ...briefings }, null, 1)}\n`;
}

export function sameManifest(a: Manifest, b: Manifest): boolean {
  return serialiseManifest(a) === serialiseManifest(b);
}

function sorted<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
