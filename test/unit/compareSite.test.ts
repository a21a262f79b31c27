import { beforeAll, describe, expect, it } from 'vitest';
import { COMPARISON_COLUMNS } from '../../lambdas/core/render/compareDownloads';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';
import { parseFeed, parseWithFeedparser } from '../helpers/feeds';
import { COMPARE_FIXTURE } from '../helpers/fixtures';
import { type MemoryRig, buildInMemory, memoryRig } from '../helpers/memorySite';
import { brokenLinks, htmlProblems } from '../helpers/pageChecks';
import { body, renderDataFolder } from '../helpers/site';

let site: Map<string, OutputFile<string>>;
beforeAll(async () => {
  site = await renderDataFolder(COMPARE_FIXTURE);
});

/** A published file's text (the store holds bytes for binary files). */
const stored = (rig: MemoryRig, path: string) => String(rig.store.files.get(path)?.body ?? '');

const COMPARISON_PAGES = /^(en|zh)\/(targets|compare)\//;
const comparisonPages = () => [...site.values()].filter((f) => COMPARISON_PAGES.test(f.path) && f.path.endsWith('.html'));

/** The ids of a section's rows, in page order. */
function rowIds(html: string, section: string): string[] {
  const start = html.indexOf(`<section id="${section}">`);
  expect(start, section).toBeGreaterThanOrEqual(0);
  const end = html.indexOf('</section>', start);
  return [...html.slice(start, end).matchAll(/<tr id="r-([a-z-]+)">/g)].map((m) => m[1]!);
}

function cellOf(html: string, region: string, column: number): string {
  const row = new RegExp(`<tr id="r-${region}">([\\s\\S]*?)</tr>`).exec(html)?.[1] ?? '';
  return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1]!)[column] ?? '';
}

const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

describe('the targets table of a year', () => {
  it('has one row per region, regions of each level in their own table', () => {
    for (const lang of ['en', 'zh']) {
      const html = body(site, `${lang}/targets/2026/index.html`);
      expect(rowIds(html, 'level-province')).toEqual(['anhui', 'fujian', 'jiangsu', 'sichuan']);
      expect(rowIds(html, 'level-prefecture')).toEqual(['chengdu']);
      expect(rowIds(html, 'level-county')).toEqual(['qingbaijiang']);
    }
  });

  it('writes a range as a range, keeps qualifiers, and marks a missing target "not stated", never 0', () => {
    const en = body(site, 'en/targets/2026/index.html');
    const zh = body(site, 'zh/targets/2026/index.html');
    expect(cellOf(en, 'anhui', 0)).toContain('>5-5.5%</a>');
    expect(cellOf(en, 'sichuan', 0)).toContain('>about 5.5%</a>');
    expect(cellOf(en, 'sichuan', 2)).toContain('>at least 850,000 people</a>');
    expect(cellOf(zh, 'sichuan', 2)).toContain('>85万人以上</a>');
    expect(cellOf(en, 'fujian', 1)).toBe('<span class="missing">not stated</span>');
    expect(cellOf(zh, 'fujian', 1)).toBe('<span class="missing">未提及</span>');
  });

  it('links every cell to its source quote on the briefing page', () => {
    const en = body(site, 'en/targets/2026/index.html');
    const href = /href="([^"]+)">about 5.5%/.exec(cellOf(en, 'sichuan', 0))?.[1];
    expect(href).toBe('/en/briefings/sichuan-2026-fixture/#i-gdp-growth-2026');
    const briefing = body(site, 'en/briefings/sichuan-2026-fixture/index.html');
    expect(/<tr id="i-gdp-growth-2026">[\s\S]*?全省地区生产总值增长5.5%左右[\s\S]*?<\/tr>/.test(briefing)).toBe(true);
  });
});

describe('a comparison page', () => {
  it('ranks provinces only with provinces: ties share a rank in key order, a range at its midpoint', () => {
    const html = body(site, 'en/compare/gdp/2026/index.html');
    expect(rowIds(html, 'level-province')).toEqual(['fujian', 'sichuan', 'anhui', 'jiangsu']);
    expect(['fujian', 'sichuan', 'anhui', 'jiangsu'].map((r) => cellOf(html, r, 0))).toEqual(['1', '1', '3', '4']);
    expect(rowIds(html, 'level-prefecture')).toEqual(['chengdu']);
    expect(rowIds(html, 'level-county')).toEqual(['qingbaijiang']);
    expect(rowIds(body(site, 'zh/compare/gdp/2026/index.html'), 'level-province')).toEqual(['fujian', 'sichuan', 'anhui', 'jiangsu']);
  });

  it('draws bars from a zero baseline and a range as a band', () => {
    const html = body(site, 'en/compare/gdp/2026/index.html');
    const province = html.slice(html.indexOf('<section id="level-province">'), html.indexOf('</section>', html.indexOf('<section id="level-province">')));
    expect(province.match(/<rect class="target"/g)).toHaveLength(4);
    expect(province.match(/<rect class="range"/g)).toHaveLength(1);
    expect(province).toMatch(/<line x1="4" y1="4" x2="4"/); // every figure is positive: zero at the left edge
    expect(province).toContain('<desc id="chart-gdp-2026-province-desc">');
  });

  it('names the regions that state no such target instead of ranking them', () => {
    const html = body(site, 'en/compare/cpi/2026/index.html');
    expect(rowIds(html, 'level-province')).toEqual(['anhui', 'jiangsu', 'sichuan']);
    expect(html).toMatch(/<ul class="not-stated">\s*<li><a href="\/en\/regions\/fujian\/">Fujian<\/a><\/li>/);
  });
});

describe('comparison pages pass the checks every page passes', () => {
  it('are valid HTML', async () => {
    expect(await htmlProblems(comparisonPages())).toEqual([]);
  });

  it('link only to files and anchors that exist, and have their twin', () => {
    expect(
      brokenLinks(
        site,
        [...site.values()].filter((f) => f.path.endsWith('.html')),
      ),
    ).toEqual([]);
    for (const page of comparisonPages()) {
      const twin = page.path.startsWith('en/') ? `zh/${page.path.slice(3)}` : `en/${page.path.slice(3)}`;
      expect(site.has(twin), twin).toBe(true);
    }
  });

  it('region pages lead up and down the hierarchy: Sichuan → Chengdu → Qingbaijiang', () => {
    const sichuan = body(site, 'en/regions/sichuan/index.html');
    const chengdu = body(site, 'en/regions/chengdu/index.html');
    const qingbaijiang = body(site, 'en/regions/qingbaijiang/index.html');
    expect(sichuan).toContain('<li><a href="/en/regions/chengdu/">');
    expect(chengdu).toContain('<a href="/en/regions/sichuan/">');
    expect(chengdu).toContain('<li><a href="/en/regions/qingbaijiang/">');
    expect(qingbaijiang).toContain('<a href="/en/regions/chengdu/">');
    const index = body(site, 'en/regions/index.html');
    const at = (region: string) => index.indexOf(`href="/en/regions/${region}/"`);
    expect(at('sichuan')).toBeLessThan(at('chengdu'));
    expect(at('chengdu')).toBeLessThan(at('qingbaijiang'));
    expect(index.match(/<h2>/g)).toHaveLength(3); // one section per level
  });
});

describe('comparison feeds', () => {
  it('have one item per region with a stable id, dated by the briefing that states it', async () => {
    const rss = await parseWithFeedparser(body(site, 'en/compare/gdp/2026/province/feed.xml'));
    expect(rss.meta.title).toBe('Bilingual Briefings: 2026 provincial GDP growth targets (English)');
    expect(rss.items.map((i) => i.title).sort()).toEqual(['Anhui: 5-5.5%', 'Fujian: about 5.5%', 'Jiangsu: 5%', 'Sichuan: about 5.5%']);
    expect(new Set(rss.items.map((i) => i.guid)).size).toBe(4);
    const atom = await parseFeed(body(site, 'zh/compare/gdp/2026/province/atom.xml'));
    expect(atom.items.map((i) => i.title).sort()).toContain('四川省：5.5%左右');
    const json = JSON.parse(body(site, 'en/compare/gdp/2026/province/feed.json'));
    expect(json.items.map((i: { url: string }) => i.url)).toContain('https://briefings.example.org/en/compare/gdp/2026/#r-sichuan');
  });

  it('show the main targets in the briefing feed items', () => {
    const feed = body(site, 'en/feed.xml');
    expect(feed).toContain('Main targets for 2026');
    expect(feed).toContain('GDP growth: about 5.5%');
  });
});

describe('comparison downloads', () => {
  it('are CSV with a BOM and a header row: numbers, unit, qualifier, bounds, quote and source apart', () => {
    const csv = body(site, 'data/compare/gdp-2026.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(csv);
    expect(header).toEqual([...COMPARISON_COLUMNS]);
    const col = (name: string) => header!.indexOf(name);
    const anhui = rows.find((r) => r[col('region')] === 'anhui')!;
    expect([anhui[col('value')], anhui[col('lower')], anhui[col('upper')], anhui[col('unit')], anhui[col('qualifier')], anhui[col('quote')]]).toEqual([
      '5',
      '5',
      '5.5',
      'percent',
      'exact',
      '全省生产总值增长5%—5.5%',
    ]);
    expect(rows.map((r) => `${r[col('level')]}:${r[col('region')]}`)).toEqual([
      'province:fujian',
      'province:sichuan',
      'province:anhui',
      'province:jiangsu',
      'prefecture:chengdu',
      'county:qingbaijiang',
    ]);
  });

  it('keep a missing target empty in the targets table download, never 0', () => {
    const [header, ...rows] = csvRows(body(site, 'data/targets/2026.csv'));
    const col = (name: string) => header!.indexOf(name);
    const fujianCpi = rows.find((r) => r[col('region')] === 'fujian' && r[col('target')] === 'cpi')!;
    expect([fujianCpi[col('status')], fujianCpi[col('value')], fujianCpi[col('lower')]]).toEqual(['not_stated', '', '']);
  });

  it('are JSON with numbers as numbers, linked from their page', () => {
    const data = JSON.parse(body(site, 'data/compare/gdp-2026.json'));
    const anhui = data.rows.find((r: Record<string, unknown>) => r.region === 'anhui');
    expect([anhui.lower, anhui.upper, anhui.rank]).toEqual([5, 5.5, 3]);
    expect(body(site, 'en/compare/gdp/2026/index.html')).toContain('href="/data/compare/gdp-2026.json"');
    expect(body(site, 'zh/targets/2026/index.html')).toContain('href="/data/targets/2026.csv"');
  });
});

describe('republishing comparisons', () => {
  const edit = (rig: MemoryRig, id: string, change: (doc: any) => void) => {
    const key = `briefings/${id}.json`;
    const doc = JSON.parse(rig.source.files.get(key)!);
    change(doc);
    rig.source.files.set(key, JSON.stringify(doc));
  };
  const uploaded = (report: Awaited<ReturnType<typeof buildInMemory>>) => new Set(report.publish.uploads.map((u) => u.path));

  it('after one province changes its GDP target, rewrites only what shows that target', async () => {
    const rig = memoryRig(COMPARE_FIXTURE);
    await buildInMemory(rig);
    edit(rig, 'sichuan-2026-fixture', (d) => (d.indicators.find((i: { id: string }) => i.id === 'gdp-growth-2026').qualifier = 'at_least'));
    const paths = uploaded(await buildInMemory(rig));
    for (const lang of ['en', 'zh']) {
      for (const path of [
        'targets/2026/index.html',
        'compare/gdp/2026/index.html',
        'compare/gdp/2026/province/feed.xml',
        'compare/gdp/2026/province/atom.xml',
        'briefings/sichuan-2026-fixture/index.html',
      ]) {
        expect(paths.has(`${lang}/${path}`), `${lang}/${path}`).toBe(true);
      }
      for (const path of [
        'compare/cpi/2026/index.html',
        'compare/new_urban_jobs/2026/index.html',
        'compare/gdp/2026/prefecture/feed.xml',
        'compare/cpi/2026/province/feed.xml',
        'briefings/anhui-2026-fixture/index.html',
        'compare/index.html',
      ]) {
        expect(paths.has(`${lang}/${path}`), `${lang}/${path}`).toBe(false);
      }
    }
    expect(paths.has('data/compare/gdp-2026.csv') && paths.has('data/targets/2026.json')).toBe(true);
    expect(paths.has('data/compare/cpi-2026.csv') || paths.has('data/compare/new_urban_jobs-2026.json')).toBe(false);
  });

  it.each([
    [
      // The report is revised with the figure: a figure its quote and source do not state is refused.
      'a target figure',
      (rig: MemoryRig) => {
        const source = 'sources/anhui-2026-fixture.txt';
        rig.source.files.set(source, rig.source.files.get(source)!.replace('增长5%—5.5%', '增长5%—5.8%'));
        edit(rig, 'anhui-2026-fixture', (d) => Object.assign(d.indicators[0], { upper: 5.8, quote: '全省生产总值增长5%—5.8%' }));
      },
    ],
    ['a new target', (rig: MemoryRig) => edit(rig, 'fujian-2026-fixture', (d) => d.indicators.push({ ...d.indicators[0], id: 'cpi-2026', metric: 'cpi' }))],
    ['a removed province', (rig: MemoryRig) => rig.source.files.delete('briefings/jiangsu-2026-fixture.json')],
    ['a region title', (rig: MemoryRig) => edit(rig, 'chengdu-2026-fixture', (d) => (d.title.en = 'Chengdu, renamed'))],
  ])('after %s, the comparisons equal a fresh build', async (_name, change) => {
    const rig = memoryRig(COMPARE_FIXTURE);
    await buildInMemory(rig);
    change(rig);
    await buildInMemory(rig);
    const fresh: MemoryRig = { ...memoryRig(COMPARE_FIXTURE), source: rig.source };
    await buildInMemory(fresh);
    const bodies = (r: MemoryRig) => new Map([...r.store.files].map(([path, file]) => [path, file.body]));
    expect(bodies(rig)).toEqual(bodies(fresh));
  });

  it('links a briefing page to its row of each targets table it supplies, and stops when a newer report supplies it', async () => {
    for (const lang of ['en', 'zh']) {
      expect(body(site, `${lang}/briefings/sichuan-2026-fixture/index.html`)).toContain(`<a href="/${lang}/targets/2026/#r-sichuan">`);
    }
    const rig = memoryRig(COMPARE_FIXTURE);
    await buildInMemory(rig);
    const revised = { ...JSON.parse(rig.source.files.get('briefings/fujian-2026-fixture.json')!), id: 'fujian-2026-revised', published: '2026-02-10' };
    rig.source.files.set('briefings/fujian-2026-revised.json', JSON.stringify(revised));
    rig.source.files.set('sources/fujian-2026-revised.txt', rig.source.files.get('sources/fujian-2026-fixture.txt')!);
    await buildInMemory(rig);
    const link = '<a href="/en/targets/2026/#r-fujian">';
    expect(stored(rig, 'en/briefings/fujian-2026-revised/index.html')).toContain(link);
    expect(stored(rig, 'en/briefings/fujian-2026-fixture/index.html')).not.toContain(link);
    const fresh: MemoryRig = { ...memoryRig(COMPARE_FIXTURE), source: rig.source };
    await buildInMemory(fresh);
    expect(stored(rig, 'en/briefings/fujian-2026-fixture/index.html')).toBe(stored(fresh, 'en/briefings/fujian-2026-fixture/index.html'));
  });

  it('gives a newly added province a new feed item and keeps the ids of the others', async () => {
    const rig = memoryRig(COMPARE_FIXTURE);
    await buildInMemory(rig);
    const ids = async () => (await parseWithFeedparser(stored(rig, 'en/compare/gdp/2026/province/feed.xml'))).items.map((i) => i.guid);
    const before = await ids();
    const fujian = JSON.parse(rig.source.files.get('briefings/fujian-2026-fixture.json')!);
    rig.source.files.set('briefings/zhejiang-2026-fixture.json', JSON.stringify({ ...fujian, id: 'zhejiang-2026-fixture', region: 'zhejiang' }));
    await buildInMemory(rig);
    const after = await ids();
    expect(after).toHaveLength(5);
    expect(after.filter((id) => !before.includes(id))).toHaveLength(1);
  });

  it('dates a corrected province anew under the same id', async () => {
    const rig = memoryRig(COMPARE_FIXTURE);
    await buildInMemory(rig);
    const before = await parseWithFeedparser(stored(rig, 'en/compare/gdp/2026/province/feed.xml'));
    edit(rig, 'anhui-2026-fixture', (d) => (d.corrections = [{ date: '2026-03-02', note: { zh: '更正。', en: 'Corrected.' } }]));
    await buildInMemory(rig);
    const after = JSON.parse(stored(rig, 'en/compare/gdp/2026/province/feed.json'));
    expect(after.items.map((i: { id: string }) => i.id).sort()).toEqual(before.items.map((i) => i.guid).sort());
    expect(after.items[0].title).toBe('Anhui: 5-5.5%'); // the corrected one comes first, with its new date
    expect(after.items[0].date_modified).toBe('2026-03-02T00:00:00+08:00'); // the correction's date in China
  });

  it('keeps a province whose data file broke, from its last good copy', async () => {
    const rig = memoryRig(COMPARE_FIXTURE);
    await buildInMemory(rig);
    rig.source.files.set('briefings/sichuan-2026-fixture.json', '{ not json');
    const report = await buildInMemory(rig);
    expect(report.stale).toEqual(['sichuan-2026-fixture']);
    const page = stored(rig, 'en/compare/gdp/2026/index.html');
    expect(rowIds(page, 'level-province')).toContain('sichuan');
  });
});
