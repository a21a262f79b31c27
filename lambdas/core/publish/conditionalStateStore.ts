import type { StateStore } from '../ports';
import { type ConditionalObjects, type Lease, type LeaseRequest, type StoredManifest, readStoredManifest, takeLease, writeStoredManifest } from './lease';
import type { Manifest } from './manifest';

/**
 * The lease and the manifest of a state store, built once on a store's compare-and-swap primitives:
 * an adapter supplies its `ConditionalObjects` and the last good copies, nothing of the lease logic.
 */
export abstract class ConditionalStateStore implements StateStore {
  constructor(
    readonly description: string,
    protected readonly objects: ConditionalObjects,
  ) {}

  readManifest(): Promise<StoredManifest> {
    return readStoredManifest(this.objects, this.description);
  }

  writeManifest(manifest: Manifest, expected: string | undefined): Promise<void> {
    return writeStoredManifest(this.objects, this.description, manifest, expected);
  }

  acquireLease(request: LeaseRequest): Promise<Lease> {
    return takeLease(this.objects, this.description, request);
  }

  abstract readLastGood(id: string): Promise<string | undefined>;
  abstract writeLastGood(id: string, text: string): Promise<void>;
  abstract deleteLastGood(id: string): Promise<void>;
}
