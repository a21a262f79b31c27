import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../bench/gen-data';
import { MemoryInvalidator, MemorySearchIndexer, MemoryStateStore } from '../../lambdas/adapters/memory/memoryStores';
import { loadProject } from '../../lambdas/adapters/fs/loadProject';
import { runBuild } from '../../lambdas/core/build/runBuild';
import { ShardError, runMerge, runShard, shardKeys } from '../../lambdas/core/build/shardedBuild';
import { serialiseManifest } from '../../lambdas/core/publish/manifest';
import { type MemoryRig, RecordingStore, fixtureSource } from '../helpers/memorySite';
import { TEST_BASE_URL, TEST_NOW } from '../helpers/site';

type Project = Awaited<ReturnType<typeof loadProject>>;
let project: Project;
let synthetic: Map<string, string>;

beforeAll(async () => {
  project = await loadProject();
  const dir = mkdtempSync(join(tmpdir(), 'shards-'));
  await generate(12, dir);
  synthetic = new Map(readdirSync(join(dir, 'briefings')).map((name) => [`briefings/${name}`, readFileSync(join(dir, 'briefings', name), 'utf8')]));
  rmSync(dir, { recursive: true, force: true });
});

/** The fixture (drafts, a scheduled briefing, sources, corrections) plus synthetic briefings. */
function rig(): MemoryRig {
  const source = fixtureSource();
  for (const [key, text] of synthetic) source.files.set(key, text);
  return { source, store: new RecordingStore(), state: new MemoryStateStore(), invalidator: new MemoryInvalidator() };
}

// The edit-and-removal step removes a whole briefing (its pages, feeds and downloads): a deliberate removal.
const options = { baseUrl: new URL(TEST_BASE_URL), now: TEST_NOW, maxDeletes: 10_000 };
// With a search index: the merge indexes every page, the shards' too, in the same order as a single build.
const deps = (r: MemoryRig) => ({ ...r, ...project, search: new MemorySearchIndexer() });

async function sharded(r: MemoryRig, size: number) {
  const shards = shardKeys(await r.source.listBriefings(), size);
  const results = await Promise.all(shards.map((keys) => runShard(deps(r), options, keys)));
  return runMerge(deps(r), options, results);
}

const site = (r: MemoryRig) => new Map([...r.store.files].map(([path, file]) => [path, `${file.contentType}\n${file.body}`]));

function edit(r: MemoryRig, id: string, change: (doc: any) => void): void {
  const key = `briefings/${id}.json`;
  const doc = JSON.parse(r.source.files.get(key)!);
  change(doc);
  r.source.files.set(key, JSON.stringify(doc));
}

describe('sharded builds', () => {
  for (const size of [1, 3, 5, 100]) {
    it(`give the site, manifest and invalidations of a single build (shards of ${size})`, async () => {
      const single = rig();
      const split = rig();
      const one = await runBuild(deps(single), options);
      const many = await sharded(split, size);
      expect(site(split)).toEqual(site(single));
      expect(serialiseManifest(split.state.manifest)).toBe(serialiseManifest(single.state.manifest));
      expect(many.published).toEqual(one.published);

      // A republish with nothing changed writes nothing either way.
      single.store.reset();
      split.store.reset();
      await runBuild(deps(single), options);
      await sharded(split, size);
      expect([split.store.puts, split.store.deletes]).toEqual([0, 0]);
      expect([single.store.puts, single.store.deletes]).toEqual([0, 0]);

      // An edit, a removed briefing and a broken data file: same writes, deletions and invalidation.
      for (const r of [single, split]) {
        edit(r, 'synthetic-00003', (d) => (d.title.en = 'A renamed synthetic briefing'));
        r.source.files.delete('briefings/synthetic-00007.json');
        r.source.files.set('briefings/sample-district-2024.json', '{ not json');
        r.store.reset();
      }
      const oneAgain = await runBuild(deps(single), options);
      const manyAgain = await sharded(split, size);
      expect(site(split)).toEqual(site(single));
      expect(serialiseManifest(split.state.manifest)).toBe(serialiseManifest(single.state.manifest));
      expect(new Set(split.store.log)).toEqual(new Set(single.store.log));
      expect(split.invalidator.requests.flat().sort()).toEqual(single.invalidator.requests.flat().sort());
      expect(manyAgain.stale).toEqual(oneAgain.stale);
      expect(manyAgain.stale).toEqual(['sample-district-2024']);
    });
  }

  it('refuses a briefing listed in two shards', async () => {
    const r = rig();
    const keys = await r.source.listBriefings();
    const results = await Promise.all([keys.slice(0, -1), keys.slice(-2)].map((k) => runShard(deps(r), options, k)));
    await expect(runMerge(deps(r), options, results)).rejects.toThrow(ShardError);
  });
});
