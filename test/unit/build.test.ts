import { beforeEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../lambdas/core/model/problem';
import { ROLES } from '../../lambdas/core/render/outputFormats';
import { type MemoryRig, buildInMemory, memoryRig } from '../helpers/memorySite';

let rig: MemoryRig;
let source: MemoryRig['source'];
let store: MemoryRig['store'];

beforeEach(() => {
  rig = memoryRig();
  ({ source, store } = rig);
});

const editBriefing = (id: string, edit: (doc: any) => void) => {
  const key = `briefings/${id}.json`;
  const doc = JSON.parse(source.files.get(key)!);
  edit(doc);
  source.files.set(key, JSON.stringify(doc));
};

describe('runBuild', () => {
  it('publishes every valid briefing and records what it wrote', async () => {
    const report = await buildInMemory(rig);
    expect(report.published).toEqual(['sample-city-2026', 'sample-district-2024']);
    expect(report.publish.uploads.length).toBe(store.files.size);
    expect(Object.keys(rig.state.manifest.files).sort()).toEqual([...store.files.keys()].sort());
  });

  it('uploads roles in order: assets, briefing pages, feeds, indexes, sitemap', async () => {
    await buildInMemory(rig);
    const roles = store.log.map((line) => line.split(' ')[1] as (typeof ROLES)[number]);
    const ranks = roles.map((role) => ROLES.indexOf(role));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(roles)).toEqual(new Set(ROLES));
  });

  it('writes nothing on a second run with the same data', async () => {
    await buildInMemory(rig);
    const manifest = rig.state.manifest;
    store.reset();
    const report = await buildInMemory(rig);
    expect([store.puts, store.deletes]).toEqual([0, 0]);
    expect(report.publish.unchanged).toBe(Object.keys(manifest.files).length);
    expect(rig.state.manifest).toBe(manifest);
  });

  it('rewrites only the pages, indexes and feeds a changed briefing touches', async () => {
    await buildInMemory(rig);
    store.reset();
    editBriefing('sample-district-2024', (doc) => (doc.title.en = 'Sample district: 2023 economy, revised'));
    const report = await buildInMemory(rig);
    const written = report.publish.uploads.map((u) => u.path);
    expect(written).toContain('en/briefings/sample-district-2024/index.html');
    expect(written).toContain('en/feed.xml');
    expect(written).not.toContain('zh/briefings/sample-district-2024/index.html');
    expect(written).not.toContain('en/briefings/sample-city-2026/index.html');
    expect(written).not.toContain('zh/feed.xml');
    expect(report.publish.deletes).toEqual([]);
  });

  it('removes a deleted briefing from indexes and feeds first, then deletes its pages', async () => {
    await buildInMemory(rig);
    store.reset();
    source.files.delete('briefings/sample-district-2024.json');
    const report = await buildInMemory(rig);
    expect(report.publish.deletes).toEqual(
      expect.arrayContaining([
        'en/briefings/sample-district-2024/index.html',
        'zh/briefings/sample-district-2024/index.html',
        'en/regions/qingbaijiang/feed.xml',
      ]),
    );
    const firstDelete = store.log.findIndex((l) => l.startsWith('delete'));
    expect(store.log.slice(firstDelete).every((l) => l.startsWith('delete'))).toBe(true);
    expect(store.log.slice(0, firstDelete)).toContain('put feed en/feed.xml');
    expect(store.files.get('en/feed.xml')?.body).not.toContain('sample-district-2024');
  });

  it('reports broken files with their paths and keeps those briefings online as last published', async () => {
    await buildInMemory(rig);
    const before = store.files.get('en/briefings/sample-district-2024/index.html')?.body;
    store.reset();
    source.files.set('briefings/sample-district-2024.json', '{ "id": "sample-district-2024", ');
    editBriefing('sample-city-2026', (doc) => (doc.indicators[0].unit = 'yuan_1e13'));
    source.files.set('briefings/sample-other-2025.json', JSON.stringify({ id: 'sample-other-2025' }));
    const report = await buildInMemory(rig);
    const lines = report.problems.filter((p) => p.severity === 'error').map(formatProblem);
    expect(lines.some((l) => l.startsWith('memory:briefings/sample-district-2024.json: $: not valid JSON'))).toBe(true);
    expect(lines).toContain('memory:briefings/sample-city-2026.json: $.indicators[0].unit: no zh word for the multiplier 10^13 in "yuan_1e13"');
    expect(lines.some((l) => l.startsWith('memory:briefings/sample-other-2025.json: $.region:'))).toBe(true);
    expect(report.stale).toEqual(['sample-city-2026', 'sample-district-2024']);
    expect(report.published).toEqual(['sample-city-2026', 'sample-district-2024']);
    expect([store.puts, store.deletes]).toEqual([0, 0]);
    expect(store.files.get('en/briefings/sample-district-2024/index.html')?.body).toBe(before);
    expect(store.files.get('en/feed.xml')?.body).toContain('sample-district-2024');
    expect(rig.state.lastGood.get('sample-district-2024')).toContain('"sample-district-2024"');
  });

  it('keeps the pages of a broken briefing that has no last good copy, without linking them', async () => {
    await buildInMemory(rig);
    rig.state.lastGood.delete('sample-district-2024');
    store.reset();
    source.files.set('briefings/sample-district-2024.json', 'not json');
    const report = await buildInMemory(rig);
    expect(report.stale).toEqual([]);
    expect(report.publish.kept).toEqual(expect.arrayContaining(['en/briefings/sample-district-2024/index.html']));
    expect(store.files.has('en/briefings/sample-district-2024/index.html')).toBe(true);
    expect(store.deletes).toBe(report.publish.deletes.length);
    expect(report.publish.deletes.some((p) => p.includes('sample-district-2024/'))).toBe(false);
  });

  it('forgets the last good copy of a briefing removed from the data', async () => {
    await buildInMemory(rig);
    expect(rig.state.lastGood.has('sample-district-2024')).toBe(true);
    source.files.delete('briefings/sample-district-2024.json');
    await buildInMemory(rig);
    expect(rig.state.lastGood.has('sample-district-2024')).toBe(false);
    expect(rig.state.manifest.briefings?.['sample-district-2024']).toBeUndefined();
  });

  it('asks the CDN to forget exactly the changed and deleted paths, and nothing on a no-op', async () => {
    await buildInMemory(rig);
    expect(rig.invalidator.requests).toEqual([]); // a first publish only adds
    editBriefing('sample-district-2024', (doc) => (doc.title.en = 'Renamed'));
    const report = await buildInMemory(rig);
    const changed = report.publish.uploads.filter((u) => u.reason !== 'new').map((u) => `/${u.path}`);
    expect(rig.invalidator.requests).toEqual([changed.sort()]);
    expect(changed).toContain('/en/briefings/sample-district-2024/index.html');
    await buildInMemory(rig);
    expect(rig.invalidator.requests).toHaveLength(1);
  });

  it('publishes a scheduled briefing only on a run after its publishAt', async () => {
    await buildInMemory(rig);
    expect(store.files.has('en/briefings/sample-scheduled-2026/index.html')).toBe(false);
    const report = await buildInMemory(rig, { now: new Date('2026-12-01T01:00:00Z') });
    expect(report.published).toContain('sample-scheduled-2026');
    expect(store.files.get('en/feed.xml')?.body).toContain('A scheduled briefing');
  });

  it('refuses to delete more than maxDeletes files, deleting nothing', async () => {
    await buildInMemory(rig);
    store.reset();
    for (const key of [...source.files.keys()].filter((k) => k.startsWith('briefings/'))) source.files.delete(key);
    await expect(buildInMemory(rig, { maxDeletes: 3 })).rejects.toThrow(/refusing to delete \d+ files \(limit 3\)/);
    expect(store.deletes).toBe(0);
  });

  it('changes nothing in a dry run', async () => {
    const report = await buildInMemory(rig, { dryRun: true });
    expect(report.publish.uploads.length).toBeGreaterThan(0);
    expect([store.puts, store.deletes, Object.keys(rig.state.manifest.files).length]).toEqual([0, 0, 0]);
  });
});
