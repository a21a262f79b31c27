import { describe, expect, it } from 'vitest';
import { MemoryConditionalObjects, MemoryStateStore } from '../../lambdas/adapters/memory/memoryStores';
import { LeaseHeldError, StateConflictError, takeLease } from '../../lambdas/core/publish/lease';
import { EMPTY_MANIFEST } from '../../lambdas/core/publish/manifest';
import { verifyStore } from '../../lambdas/core/publish/verify';
import { buildInMemory, memoryRig } from '../helpers/memorySite';

/** A clock that sleeping advances: waits cost no real time. */
function fakeTime(start = Date.parse('2026-11-22T04:00:00Z')) {
  let t = start;
  const advance = (ms: number) => {
    t += ms;
  };
  return { now: () => t, sleep: async (ms: number) => advance(ms), advance };
}

describe('the one-writer lease (compare-and-swap objects, as S3 conditional writes)', () => {
  it('lets one writer in; a second waits, then fails naming the holder', async () => {
    const objects = new MemoryConditionalObjects();
    const time = fakeTime();
    const first = await takeLease(objects, 'state/', { holder: 'run A', ttlMs: 60_000, waitMs: 5_000, ...time });
    const second = takeLease(objects, 'state/', { holder: 'run B', ttlMs: 60_000, waitMs: 5_000, ...time });
    await expect(second).rejects.toThrow(LeaseHeldError);
    await expect(second).rejects.toThrow(/^state\/lease\.json: another publish \(run A\) has held the state since 2026-11-22T04:00:00\.000Z/);
    await first.release();
    await expect(takeLease(objects, 'state/', { holder: 'run B', ttlMs: 60_000, waitMs: 0, ...time })).resolves.toMatchObject({ holder: 'run B' });
  });

  it('gets the lease as soon as the holder releases it', async () => {
    const objects = new MemoryConditionalObjects();
    const time = fakeTime();
    const first = await takeLease(objects, '', { holder: 'A', ttlMs: 60_000, waitMs: 0, ...time });
    let slept = 0;
    const second = await takeLease(objects, '', {
      holder: 'B',
      ttlMs: 60_000,
      waitMs: 10_000,
      now: time.now,
      sleep: async (ms) => {
        slept += ms;
        time.advance(ms);
        if (slept >= 1_000) await first.release();
      },
    });
    expect(second.holder).toBe('B');
    expect(slept).toBeLessThan(10_000);
  });

  it('takes over a stale lease (its writer died), and only one of two takers wins it', async () => {
    const objects = new MemoryConditionalObjects();
    const time = fakeTime();
    await takeLease(objects, '', { holder: 'crashed', ttlMs: 1_000, waitMs: 0, ...time });
    time.advance(2_000);
    const [a, b] = await Promise.allSettled([
      takeLease(objects, '', { holder: 'A', ttlMs: 60_000, waitMs: 0, ...time }),
      takeLease(objects, '', { holder: 'B', ttlMs: 60_000, waitMs: 0, ...time }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('never lets a release delete a lease another writer took over', async () => {
    const objects = new MemoryConditionalObjects();
    const time = fakeTime();
    const old = await takeLease(objects, '', { holder: 'slow', ttlMs: 1_000, waitMs: 0, ...time });
    time.advance(2_000);
    await takeLease(objects, '', { holder: 'next', ttlMs: 60_000, waitMs: 0, ...time });
    await old.release();
    expect(objects.objects.get('lease.json')?.text).toContain('"next"');
  });

  it('writes the manifest only over the version this run read', async () => {
    const state = new MemoryStateStore();
    const read = await state.readManifest();
    await state.writeManifest({ ...EMPTY_MANIFEST, files: {} }, read.version);
    await expect(state.writeManifest(EMPTY_MANIFEST, read.version)).rejects.toThrow(StateConflictError);
    const again = await state.readManifest();
    await expect(state.writeManifest(EMPTY_MANIFEST, again.version)).resolves.toBeUndefined();
  });
});

describe('overlapping builds on one store', () => {
  it('run one after the other: both succeed and the manifest matches what the store holds', async () => {
    const rig = memoryRig();
    await buildInMemory(rig);
    const key = 'briefings/sample-district-2024.json';
    const doc = JSON.parse(rig.source.files.get(key)!);
    doc.title.en = 'Overlapping edit';
    rig.source.files.set(key, JSON.stringify(doc));
    const [a, b] = await Promise.all([buildInMemory(rig), buildInMemory(rig)]);
    expect(a.publish.uploads.length + b.publish.uploads.length).toBeGreaterThan(0);
    expect((await verifyStore(rig.store, rig.state.manifest)).contradicted).toEqual([]);
    expect(rig.state.objects.objects.has('lease.json')).toBe(false);
  });
});
