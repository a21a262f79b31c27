import { describe, expect, it } from 'vitest';
import { MemoryStateStore } from '../../lambdas/adapters/memory/memoryStores';
import type { Body } from '../../lambdas/core/render/outputFormats';
import { type MemoryRig, RecordingStore, buildInMemory, memoryRig } from '../helpers/memorySite';

const edit = (rig: MemoryRig, id: string, change: (doc: any) => void) => {
  const key = `briefings/${id}.json`;
  const doc = JSON.parse(rig.source.files.get(key)!);
  change(doc);
  rig.source.files.set(key, JSON.stringify(doc));
};

/** The site as a fresh build of the same data would write it. */
async function freshBuild(rig: MemoryRig, now?: Date): Promise<Map<string, Body>> {
  const fresh: MemoryRig = { ...memoryRig(), source: rig.source, store: new RecordingStore(), state: new MemoryStateStore() };
  await buildInMemory(fresh, now ? { now } : {});
  return new Map([...fresh.store.files].map(([path, file]) => [path, file.body]));
}

const contents = (rig: MemoryRig) => new Map([...rig.store.files].map(([path, file]) => [path, file.body]));

const EDITS: Array<[string, (rig: MemoryRig) => void]> = [
  ['an English title', (rig) => edit(rig, 'sample-district-2024', (d) => (d.title.en = 'Renamed district briefing'))],
  ['a figure', (rig) => edit(rig, 'sample-city-2026', (d) => (d.indicators[0].value = 2.1))],
  [
    'a new metric and topic',
    (rig) =>
      edit(rig, 'sample-district-2024', (d) =>
        d.indicators.push({ ...d.indicators[0], id: 'cpi-2023', metric: 'cpi', topic: 'social', kind: 'growth', unit: 'percent', value: 5.1 }),
      ),
  ],
  ['a region', (rig) => edit(rig, 'sample-district-2024', (d) => (d.region = 'chengdu'))],
  [
    'a correction',
    (rig) => edit(rig, 'sample-city-2026', (d) => d.corrections.push({ date: '2026-03-01', note: { zh: '再次更正。', en: 'Corrected again.' } })),
  ],
  ['a removed briefing', (rig) => rig.source.files.delete('briefings/sample-district-2024.json')],
];

describe('incremental publishing', () => {
  it('renders nothing on a republish with no change', async () => {
    const rig = memoryRig();
    const first = await buildInMemory(rig);
    const again = await buildInMemory(rig);
    const fingerprinted = Object.values(rig.state.manifest.files).filter((e) => e.fingerprint).length;
    expect(fingerprinted).toBe(first.publish.uploads.filter((u) => u.role !== 'asset').length); // all but the assets
    expect(again.publish.skipped).toBe(fingerprinted);
    expect(again.publish.uploads).toEqual([]);
  });

  it.each(EDITS)('after %s, the site equals a fresh build, and only what changed was rendered', async (_name, change) => {
    const rig = memoryRig();
    await buildInMemory(rig);
    change(rig);
    const report = await buildInMemory(rig);
    expect(contents(rig)).toEqual(await freshBuild(rig));
    expect(report.publish.skipped).toBeGreaterThan(0);
  });

  it('after a scheduled briefing comes due, the site equals a fresh build', async () => {
    const rig = memoryRig();
    await buildInMemory(rig);
    const due = new Date('2026-12-02T00:00:00Z');
    await buildInMemory(rig, { now: due });
    expect(contents(rig)).toEqual(await freshBuild(rig, due));
  });

  it('re-renders everything when the code, templates or words change', async () => {
    const rig = memoryRig();
    await buildInMemory(rig);
    const before = rig.state.manifest;
    rig.state.manifest = {
      ...before,
      files: Object.fromEntries(Object.entries(before.files).map(([p, e]) => [p, { ...e, fingerprint: e.fingerprint && `${e.fingerprint}-old` }])),
    };
    const report = await buildInMemory(rig);
    expect(report.publish.skipped).toBe(0);
    expect(report.publish.uploads).toEqual([]);
  });
});
