import { describe, expect, it } from 'vitest';
import { MemorySearchIndexer } from '../../lambdas/adapters/memory/memoryStores';
import { loadProject } from '../../lambdas/adapters/fs/loadProject';
import { runBuild } from '../../lambdas/core/build/runBuild';
import { type Manifest, type ManifestEntry, contentHash } from '../../lambdas/core/publish/manifest';
import { planIndexFiles, planPublish } from '../../lambdas/core/publish/plan';
import { IndexFailure, PublishRefusedError, executePlan } from '../../lambdas/core/publish/publishSite';
import type { PlannedFile } from '../../lambdas/core/render/outputFormats';
import { IndexFeed } from '../../lambdas/core/search/indexFeed';
import { type DeferredIndex, SEARCH_INDEX_DIR } from '../../lambdas/core/search/searchIndex';
import { type MemoryRig, RecordingStore, memoryRig } from '../helpers/memorySite';
import { TEST_BASE_URL, TEST_NOW } from '../helpers/site';

const bytes = (text: string) => new TextEncoder().encode(text);
const entry = (body: string, extra: Partial<ManifestEntry> = {}): ManifestEntry => ({
  hash: contentHash(bytes(body)),
  contentType: 'application/octet-stream',
  role: 'meta',
  ...extra,
});
const manifest = (files: Record<string, ManifestEntry>): Manifest => ({ version: 1, files });

describe('planIndexFiles: the deferred index against the manifest', () => {
  const index = { folder: SEARCH_INDEX_DIR, fingerprint: 'search:new' };
  const previous = manifest({
    'pagefind/fragment/a.pf_fragment': entry('A', { fingerprint: 'search:old' }),
    'pagefind/fragment/b.pf_fragment': entry('B'),
    'pagefind/pagefind.js': entry('JS', { contentType: 'text/javascript; charset=utf-8' }),
    'en/index.html': entry('page', { contentType: 'text/html; charset=utf-8', role: 'index' }),
    'pagefind-notes.txt': entry('outside the folder, despite the name'),
  });

  it('uploads new and changed files, keeps unchanged ones, deletes the stale ones in the folder only', () => {
    const plan = planIndexFiles(
      index,
      [
        { path: 'fragment/a.pf_fragment', bytes: bytes('A') },
        { path: 'fragment/c.pf_fragment', bytes: bytes('C') },
        { path: 'pagefind.js', bytes: bytes('JS, rebuilt') },
      ],
      previous,
    );
    expect(plan.uploads.map((u) => [u.file.path, u.reason])).toEqual([
      ['pagefind/fragment/c.pf_fragment', 'new'],
      ['pagefind/pagefind.js', 'changed'],
    ]);
    expect(Object.keys(plan.unchanged)).toEqual(['pagefind/fragment/a.pf_fragment']);
    // The kept file's entry now carries the new index's fingerprint, so the next no-change run skips it.
    expect(plan.unchanged['pagefind/fragment/a.pf_fragment']?.fingerprint).toBe('search:new');
    expect(plan.deletes).toEqual(['pagefind/fragment/b.pf_fragment']);
    expect(plan.uploads.every((u) => u.file.role === 'meta' && u.entry.hash === contentHash(u.file.body))).toBe(true);
    expect(plan.uploads.find((u) => u.file.path.endsWith('.js'))?.file.contentType).toMatch(/^text\/javascript/);
  });

  it('re-uploads a file whose bytes are the same but whose media type was wrong', () => {
    const plan = planIndexFiles(index, [{ path: 'pagefind.js', bytes: bytes('JS') }], manifest({ 'pagefind/pagefind.js': entry('JS') }));
    expect(plan.uploads.map((u) => u.reason)).toEqual(['content-type']);
  });

  it('refuses an index file named outside its folder', () => {
    expect(() => planIndexFiles(index, [{ path: '../en/index.html', bytes: bytes('x') }], previous)).toThrow(/outside its folder/);
  });
});

const page = (path: string, log: string[], role: 'page' | 'index' = 'page'): PlannedFile => ({
  path,
  role,
  contentType: 'text/html; charset=utf-8',
  render: () => {
    log.push(path);
    return `<html>${path}</html>`;
  },
});

const deferred = (pages: PlannedFile[], indexer = new MemorySearchIndexer()): DeferredIndex => ({
  folder: SEARCH_INDEX_DIR,
  fingerprint: 'search:f',
  pages,
  baseUrlPath: '/',
  indexer,
});

describe('planPublish with a deferred index', () => {
  it('reserves the folder: its files wait for the index, and count against no guard', () => {
    const stale = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`pagefind/fragment/${i}.pf_fragment`, entry(String(i))]));
    const plan = planPublish({ files: [], listed: 0, index: deferred([]) }, manifest({ ...stale, 'en/gone.html': entry('x') }), { maxDeletes: 1 });
    expect(plan.refusals).toEqual([]);
    expect(plan.deletes).toEqual(['en/gone.html']);
    expect(plan.index?.folder).toBe(SEARCH_INDEX_DIR);
  });

  it('refuses a site file planned in the reserved folder, and the executor then builds no index', async () => {
    const indexer = new MemorySearchIndexer();
    const plan = planPublish({ files: [page('pagefind/own.html', [])], listed: 0, index: deferred([], indexer) }, manifest({}));
    expect(plan.refusals).toEqual([expect.stringContaining("in the search index's folder")]);
    const store = new RecordingStore();
    await expect(executePlan(plan, store, manifest({}))).rejects.toThrow(PublishRefusedError);
    expect([store.puts, indexer.builds]).toEqual([0, 0]);
  });
});

describe('IndexFeed: pages for the indexer in the site order, written in publish order', () => {
  async function feedBoth(heldChars: number) {
    const rendered: string[] = [];
    const pages = [page('a.html', rendered), page('b.html', rendered, 'index'), page('c.html', rendered), page('skipped.html', rendered)];
    const writes = [pages[2]!, pages[0]!, pages[1]!]; // publish order differs from the site's; skipped.html is not written
    const feed = new IndexFeed(deferred(pages), ['c.html', 'a.html', 'b.html'], heldChars);
    const indexed: string[] = [];
    const input = feed.pages()[Symbol.asyncIterator]();
    const take = async () => indexed.push(((await input.next()).value as { url: string }).url);
    const written = new Map<string, string>();
    await take(); // a
    written.set('c.html', String(feed.render(writes[0]!)));
    await take(); // b
    written.set('a.html', String(feed.render(writes[1]!)));
    await take(); // c
    await take(); // skipped
    written.set('b.html', String(feed.render(writes[2]!)));
    expect((await input.next()).done).toBe(true);
    return { indexed, rendered, written };
  }

  it('renders each page once when the bodies fit, and gives both sides the same bytes', async () => {
    const { indexed, rendered, written } = await feedBoth(1024);
    expect(indexed).toEqual(['/a.html', '/b.html', '/c.html', '/skipped.html']);
    expect([...rendered].sort()).toEqual(['a.html', 'b.html', 'c.html', 'skipped.html']);
    expect(written.get('c.html')).toBe('<html>c.html</html>');
  });

  it('renders again rather than hold bodies past its budget', async () => {
    const { indexed, rendered, written } = await feedBoth(0);
    expect(indexed).toEqual(['/a.html', '/b.html', '/c.html', '/skipped.html']);
    expect(rendered.filter((p) => p !== 'skipped.html').sort()).toEqual(['a.html', 'a.html', 'b.html', 'b.html', 'c.html', 'c.html']);
    expect([...written.values()]).toEqual(['<html>c.html</html>', '<html>a.html</html>', '<html>b.html</html>']);
  });
});

async function build(rig: MemoryRig, search: MemorySearchIndexer, options: { maxDeletes?: number; dryRun?: boolean } = {}) {
  return runBuild({ ...rig, ...(await loadProject()), search, signature: 'test' }, { baseUrl: new URL(TEST_BASE_URL), now: TEST_NOW, ...options });
}

const editTitle = (rig: MemoryRig, title: string) => {
  const key = 'briefings/sample-city-2026.json';
  const doc = JSON.parse(rig.source.files.get(key)!);
  doc.title.en = title;
  rig.source.files.set(key, JSON.stringify(doc));
};

const indexFiles = (rig: MemoryRig) =>
  [...rig.store.files.entries()]
    .filter(([path]) => path.startsWith(SEARCH_INDEX_DIR))
    .map(([path, file]) => [path, Buffer.from(file.body).toString()])
    .sort(([a], [b]) => (a! < b! ? -1 : 1));

/** A first build, in new stores, of the data `rig` holds now. */
async function freshBuild(rig: MemoryRig): Promise<MemoryRig> {
  const fresh = memoryRig();
  fresh.source.files.clear();
  for (const [k, v] of rig.source.files) fresh.source.files.set(k, v);
  await build(fresh, new MemorySearchIndexer());
  return fresh;
}

describe('a build with a deferred index (memory stores)', () => {
  it('writes every page, then the index, then deletes', async () => {
    const rig = memoryRig();
    const search = new MemorySearchIndexer();
    await build(rig, search);
    rig.store.reset();
    editTitle(rig, 'Sample City 2026: the edited title');
    rig.source.files.delete('briefings/sample-district-2024.json');
    const report = await build(rig, search, { maxDeletes: 1000 });
    const log = rig.store.log;
    const isIndexPut = (l: string) => l.startsWith(`put meta ${SEARCH_INDEX_DIR}`);
    const lastPage = log.findLastIndex((l) => l.startsWith('put ') && !isIndexPut(l));
    expect(log.findIndex(isIndexPut)).toBeGreaterThan(lastPage);
    expect(log.findIndex((l) => l.startsWith('delete '))).toBeGreaterThan(log.findLastIndex(isIndexPut));
    // The stale fragments of the edited and the removed pages are among the deletes, after every put.
    expect(report.publish.deletes.some((p) => p.startsWith(`${SEARCH_INDEX_DIR}fragment/`))).toBe(true);
    expect(report.publish.deletes.some((p) => p.includes('sample-district-2024'))).toBe(true);
    expect(Object.keys(rig.state.manifest.files).sort()).toEqual([...rig.store.files.keys()].sort());
  });

  it('indexes every page in the same order whether the plan skipped it or not, giving a fresh build’s index', async () => {
    const rig = memoryRig();
    const search = new MemorySearchIndexer();
    await build(rig, search);
    const full = search.received;
    editTitle(rig, 'Sample City 2026: retitled');
    const report = await build(rig, search);
    expect(report.publish.skipped).toBeGreaterThan(0);
    expect(search.received).toEqual(full);

    const fresh = await freshBuild(rig);
    expect(indexFiles(rig)).toEqual(indexFiles(fresh));
  });

  it('does not rebuild the index when no page changed', async () => {
    const rig = memoryRig();
    const search = new MemorySearchIndexer();
    await build(rig, search);
    rig.store.reset();
    const again = await build(rig, search);
    expect(search.builds).toBe(1);
    expect([rig.store.puts, rig.store.deletes, again.publish.uploads.length]).toEqual([0, 0, 0]);
  });

  it('reports the index in a dry run and writes nothing', async () => {
    const rig = memoryRig();
    const report = await build(rig, new MemorySearchIndexer(), { dryRun: true });
    expect(report.publish.uploads.some((u) => u.path.startsWith(SEARCH_INDEX_DIR))).toBe(true);
    expect([rig.store.puts, rig.state.manifest.files]).toEqual([0, {}]);
  });

  it('keeps the old index, deletes nothing and keeps the manifest when the index fails; the next run repairs it', async () => {
    const rig = memoryRig();
    const search = new MemorySearchIndexer();
    await build(rig, search);
    const oldIndex = indexFiles(rig);
    const oldManifest = rig.state.manifest;
    rig.store.reset();
    editTitle(rig, 'Sample City 2026: retitled before a crash');
    rig.source.files.delete('briefings/sample-district-2024.json');
    search.failure = new Error('the indexer crashed');
    await expect(build(rig, search, { maxDeletes: 1000 })).rejects.toThrow(IndexFailure);
    // The run stopped when the index failed (whatever pages it wrote by then are whole, in publish order);
    // the old index is untouched and nothing was deleted: every page the old index finds is there.
    expect(rig.store.log.some((l) => l.startsWith(`put meta ${SEARCH_INDEX_DIR}`))).toBe(false);
    expect(rig.store.deletes).toBe(0);
    expect(indexFiles(rig)).toEqual(oldIndex);
    for (const path of Object.keys(oldManifest.files)) expect(rig.store.files.has(path), path).toBe(true);
    expect(rig.state.manifest).toEqual(oldManifest);

    search.failure = undefined;
    await build(rig, search, { maxDeletes: 1000 });
    const fresh = await freshBuild(rig);
    expect([...rig.store.files.keys()].sort()).toEqual([...fresh.store.files.keys()].sort());
    expect(indexFiles(rig)).toEqual(indexFiles(fresh));
  });
});
