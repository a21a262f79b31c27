import { EMPTY_MANIFEST, type Manifest, parseManifest, serialiseManifest } from './manifest';

/**
 * One writer at a time on a state prefix: a lease object created only if absent (S3 `If-None-Match: *`,
 * `O_EXCL` locally), taken over only from the version that was seen to be stale (`If-Match`), and
 * deleted only in the version this writer made. The manifest is written the same way, against the
 * version read at the start, so even a writer whose lease ran out cannot overwrite another's manifest.
 */

/** A small object with compare-and-swap writes: what a lease and a manifest need from a store. */
export interface ConditionalObjects {
  read(name: string): Promise<{ readonly text: string; readonly version: string } | undefined>;
  /** Writes only if no object exists; the new version, or `undefined` if one does. */
  create(name: string, text: string): Promise<string | undefined>;
  /** Writes only over `version`; the new version, or `undefined` if the object changed. */
  replace(name: string, text: string, version: string): Promise<string | undefined>;
  /** Deletes only `version` (nothing if the object changed or is gone). */
  remove(name: string, version: string): Promise<void>;
}

export interface LeaseRequest {
  /** Who asks, for the message another writer sees: host, process, run. */
  readonly holder: string;
  /** A lease older than this is stale (its writer died): any run may take it over. */
  readonly ttlMs: number;
  /** How long to wait for a holder to finish before giving up. */
  readonly waitMs: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

export interface Lease {
  readonly holder: string;
  release(): Promise<void>;
}

export class LeaseHeldError extends Error {
  override name = 'LeaseHeldError';
}

/** Another writer changed the state since this run read it. */
export class StateConflictError extends Error {
  override name = 'StateConflictError';
}

export const LEASE_NAME = 'lease.json';
export const DEFAULT_LEASE = { ttlMs: 15 * 60_000, waitMs: 30_000 } as const;
const POLL_MS = 500;

interface LeaseBody {
  readonly holder: string;
  readonly acquiredAt: string;
  readonly expiresAt: string;
}

/** Takes the lease, waiting while another writer holds it; throws LeaseHeldError after `waitMs`. */
export async function takeLease(objects: ConditionalObjects, where: string, request: LeaseRequest): Promise<Lease> {
  const now = request.now ?? Date.now;
  const sleep = request.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const deadline = now() + request.waitMs;
  for (;;) {
    const body = (): string => {
      const at = now();
      return `${JSON.stringify({ holder: request.holder, acquiredAt: new Date(at).toISOString(), expiresAt: new Date(at + request.ttlMs).toISOString() } satisfies LeaseBody)}\n`;
    };
    const created = await objects.create(LEASE_NAME, body());
    if (created !== undefined) return held(objects, request.holder, created);
    const current = await objects.read(LEASE_NAME);
    if (current === undefined) continue; // released meanwhile: try again at once
    const other = parseLease(current.text);
    if (other === undefined || Date.parse(other.expiresAt) <= now()) {
      const taken = await objects.replace(LEASE_NAME, body(), current.version);
      if (taken !== undefined) return held(objects, request.holder, taken);
      continue;
    }
    if (now() >= deadline) {
      throw new LeaseHeldError(
        `${where}${LEASE_NAME}: another publish (${other.holder}) has held the state since ${other.acquiredAt} (until ${other.expiresAt} at most); nothing was written. Try again when it is done`,
      );
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - now())));
  }
}

function held(objects: ConditionalObjects, holder: string, version: string): Lease {
  return { holder, release: () => objects.remove(LEASE_NAME, version) };
}

function parseLease(text: string): LeaseBody | undefined {
  try {
    const value = JSON.parse(text) as Partial<LeaseBody>;
    return typeof value.holder === 'string' &&
      typeof value.acquiredAt === 'string' &&
      typeof value.expiresAt === 'string' &&
      !Number.isNaN(Date.parse(value.expiresAt))
      ? (value as LeaseBody)
      : undefined;
  } catch {
    return undefined;
  }
}

export const MANIFEST_NAME = 'manifest.json';

/** A manifest and the version it was read in (none when nothing was published yet). */
export interface StoredManifest {
  readonly manifest: Manifest;
  readonly version?: string;
}

export async function readStoredManifest(objects: ConditionalObjects, where: string): Promise<StoredManifest> {
  const stored = await objects.read(MANIFEST_NAME);
  return stored === undefined ? { manifest: EMPTY_MANIFEST } : { manifest: parseManifest(stored.text, `${where}${MANIFEST_NAME}`), version: stored.version };
}

/** Writes the manifest over exactly the version this run read; another writer's manifest is never overwritten. */
export async function writeStoredManifest(objects: ConditionalObjects, where: string, manifest: Manifest, expected: string | undefined): Promise<void> {
  const text = serialiseManifest(manifest);
  const written = expected === undefined ? await objects.create(MANIFEST_NAME, text) : await objects.replace(MANIFEST_NAME, text, expected);
  if (written === undefined) {
    throw new StateConflictError(
      `${where}${MANIFEST_NAME} was changed by another publish during this run; run again (and \`briefings publish --verify\` if runs overlapped without a lease)`,
    );
  }
}
