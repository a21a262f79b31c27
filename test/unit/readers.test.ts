import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { briefingSchema } from '../../lambdas/core/model/schema';
import { buildSiteModel } from '../../lambdas/core/model/site';
import { checkTargets, judge } from '../../lambdas/core/model/targets';
import { decimal } from '../../lambdas/core/quantity/decimal';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';
import { parseFeed, parseWithFeedparser } from '../helpers/feeds';
import { minimalBriefing } from '../helpers/fixtures';
import { TEST_BASE_URL, TEST_NOW, body, renderDataFolder, renderFixtureSite } from '../helpers/site';

let site: Map<string, OutputFile<string>>;
beforeAll(async () => {
  site = await renderFixtureSite();
});

const main = (path: string) => {
  const page = body(site, path);
  return page.slice(page.indexOf('<main'), page.indexOf('</main>'));
};

describe('one row per fact', () => {
  it('folds the growth row of the same statement into the level row, and keeps ranks in their own column', () => {
    const doc = minimalBriefing({
      indicators: [
        {
          id: 'gdp-2024',
          metric: 'gdp',
          topic: 'economy',
          kind: 'level',
          value: 2.2,
          unit: 'yuan_1e12',
          qualifier: 'over',
          period: 2024,
          quote: '地区生产总值超2.2万亿元、增长6%',
        },
        {
          id: 'gdp-growth-2024',
          metric: 'gdp',
          topic: 'economy',
          kind: 'growth',
          value: 6,
          unit: 'percent',
          qualifier: 'exact',
          period: 2024,
          quote: '地区生产总值超2.2万亿元、增长6%',
        },
        {
          id: 'other-growth-2024',
          metric: 'gdp',
          topic: 'economy',
          kind: 'growth',
          value: 5,
          unit: 'percent',
          qualifier: 'exact',
          period: 2024,
          quote: '另一句增长5%',
        },
      ],
    });
    const model = buildSiteModel([briefingSchema.parse(doc)], { now: TEST_NOW });
    const [level, other] = model.briefings[0]!.indicators;
    expect(model.briefings[0]!.indicators).toHaveLength(2);
    expect(level?.change?.value).toEqual(decimal(6));
    expect(level?.merged).toEqual(['gdp-growth-2024']);
    expect(other?.input.id).toBe('other-growth-2024');
  });

  it('shows the level with its change on one row, and no empty Rank or Change column where no row fills it', () => {
    const page = main('en/briefings/sample-district-2024/index.html');
    expect(page).toMatch(/<span class="figure">65\.07 billion yuan<\/span><\/td>\n<td data-label="Change">up 5\.1%<\/td>/);
    expect(page).not.toContain('data-label="Rank"');
  });

  it('never repeats the page title in the rows of an indicator page: the year heads each row', () => {
    const page = main('en/indicators/gdp/index.html');
    expect(page).not.toContain('<th scope="col">Indicator</th>');
    expect(page).toContain('<th scope="row" data-label="Year">2025</th>');
  });
});

describe('regions', () => {
  it('gives topic pages a table of the latest figures with a region column, not repeated summaries', () => {
    const page = main('en/topics/economy/index.html');
    expect(page).toContain('<th scope="col">Region</th>');
    expect(page).toContain('<a href="/en/regions/qingbaijiang/">Qingbaijiang District, Chengdu</a>');
    expect(page).not.toContain('Qingbaijiang grew steadily.');
  });

  it('groups the indicators index by topic with each region’s latest figure', () => {
    const page = main('en/indicators/index.html');
    expect(page).toContain('<section id="topic-economy">');
    expect(page).toContain('more than 2.2 trillion yuan');
    expect(page).toContain('65.07 billion yuan');
  });

  it('shows a region’s key figures on its page', () => {
    expect(main('en/regions/chengdu/index.html')).toContain('more than 2.2 trillion yuan');
  });
});

describe('editors’ notes', () => {
  it('never reach a page, feed or download', () => {
    for (const file of site.values()) expect(file.body, file.path).not.toContain('EDITOR ONLY');
  });
});

describe('feeds for readers', () => {
  it('dates items by the source’s local day (Asia/Shanghai), never the day before', () => {
    expect(body(site, 'en/feed.xml')).toContain('<pubDate>Wed, 28 Jan 2026 00:00:00 +0800</pubDate>');
    expect(body(site, 'en/atom.xml')).toContain('<published>2026-01-28T00:00:00+08:00</published>');
  });

  it('escapes RSS descriptions as HTML inside XML: no bare & reaches a reader parsing the description', () => {
    const rss = body(site, 'en/feed.xml');
    const descriptions = [...rss.matchAll(/<description>([^<]*)<\/description>/g)].map((m) => m[1]!);
    const decoded = descriptions.map((d) =>
      d
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
        .replace(/&amp;/g, '&'),
    );
    for (const html of decoded) expect(html).not.toMatch(/&(?![a-z]+;|#x?[0-9a-f]+;)/i);
    expect(decoded.some((d) => d.includes('&amp;'))).toBe(true);
  });

  it('has a feed per metric and region, named for both, advertised on the indicator page', async () => {
    const rss = body(site, 'en/indicators/gdp/chengdu/feed.xml');
    const { meta, items } = await parseWithFeedparser(rss);
    expect(meta.title).toBe('Gross regional product in Chengdu');
    expect(items.map((i) => i.title)).toContain('Gross regional product, 2025: more than 2.2 trillion yuan, up 6%');
    expect(items.every((i) => i.link.startsWith(`${TEST_BASE_URL}en/briefings/`))).toBe(true);
    expect(parseFeed(body(site, 'zh/indicators/gdp/qingbaijiang/feed.xml')).title).toBe('成都市青白江区地区生产总值');
    const page = body(site, 'en/indicators/gdp/index.html');
    expect(page).toContain(
      '<link rel="alternate" type="application/rss+xml" title="Gross regional product in Chengdu (RSS)" href="/en/indicators/gdp/chengdu/feed.xml">',
    );
    // A series is RSS only (its former Atom and JSON Feed URLs redirect there): none is written, none advertised.
    expect([...site.keys()].some((path) => /^(?:zh|en)\/indicators\/[^/]+\/[^/]+\/(?:atom\.xml|feed\.json)$/.test(path))).toBe(false);
    expect(page).not.toContain('/en/indicators/gdp/chengdu/atom.xml');
  });

  it('advertises both languages’ feeds on the root page', () => {
    const root = body(site, 'index.html');
    expect(root).toContain('href="/en/feed.xml"');
    expect(root).toContain('href="/zh/atom.xml"');
  });
});

describe('downloads', () => {
  it('offers CSV (UTF-8 with BOM) and JSON with numbers, units, bounds, region, quote and source', () => {
    const csv = body(site, 'data/indicators/gdp.csv');
    expect(csv.startsWith('\uFEFFbriefing,id,metric,')).toBe(true);
    expect(csv).toContain('"全市地区生产总值超2.2万亿元、增长6%"'.replace(/"/g, ''));
    const json = JSON.parse(body(site, 'data/briefings/sample-city-2026.json'));
    const gdp = json.figures.find((f: { id: string }) => f.id === 'gdp-2025');
    expect(gdp).toMatchObject({
      value: 2.2,
      lower: 2.2,
      upper: 2.2,
      unit: 'yuan_1e12',
      unit_base: 'yuan',
      unit_power: 12,
      qualifier: 'over',
      change: 6,
      change_unit: 'percent',
      region: 'chengdu',
      period: '2025',
      source_url: 'https://example.org/report?a=1&b=2',
    });
    expect(gdp.figure_en).toBe('more than 2.2 trillion yuan, up 6%');
    const all = JSON.parse(body(site, 'data/all.json'));
    expect(all.figures.length).toBeGreaterThan(json.figures.length);
    for (const page of ['en/briefings/sample-city-2026/index.html', 'zh/indicators/gdp/index.html', 'en/regions/chengdu/index.html']) {
      expect(body(site, page)).toMatch(/href="\/data\/[a-z]+\/[a-z0-9_-]+\.csv"/);
    }
  });
});

describe('targets against outcomes', () => {
  const target = (id: string, measure: string, value: number, unit: string, qualifier: string, extra: object = {}) => ({
    id,
    metric: 'gdp',
    topic: 'economy',
    kind: 'target',
    measure,
    value,
    unit,
    qualifier,
    period: 2025,
    quote: `目标${id}`,
    ...extra,
  });
  const stated = (id: string, kind: string, value: number, unit: string, extra: object = {}) => ({
    id,
    metric: 'gdp',
    topic: 'economy',
    kind,
    value,
    unit,
    qualifier: 'exact',
    period: 2025,
    quote: `结果${id}`,
    ...extra,
  });
  const model = (targets: object[], outcomes: object[], region = 'chengdu') =>
    buildSiteModel(
      [
        briefingSchema.parse(minimalBriefing({ id: 'plan', region, published: '2025-01-20', period: 2025, indicators: targets })),
        ...(outcomes.length
          ? [briefingSchema.parse(minimalBriefing({ id: 'result', region, published: '2026-01-20', period: 2025, indicators: outcomes }))]
          : []),
      ],
      { now: TEST_NOW },
    );
  const verdicts = (targets: object[], outcomes: object[]) =>
    Object.fromEntries(checkTargets(model(targets, outcomes)).map((c) => [c.target.input.id, c.verdict]));

  it('judges about-targets within the stated tolerance, growth from a growth row or a level’s change', () => {
    expect(verdicts([target('a', 'growth', 5.5, 'percent', 'about')], [stated('g', 'growth', 5.4, 'percent')])).toEqual({ a: 'met' });
    expect(verdicts([target('a', 'growth', 6, 'percent', 'about')], [stated('g', 'growth', 5.4, 'percent')])).toEqual({ a: 'missed' });
    expect(
      verdicts([target('a', 'growth', 6, 'percent', 'exact')], [stated('l', 'level', 850, 'yuan_1e8', { change: { value: 6.1, unit: 'percent' } })]),
    ).toEqual({ a: 'met' });
  });

  it('honours at least, more than, at most, falling targets, levels in other multipliers and ranks', () => {
    expect(verdicts([target('s', 'share', 90, 'percent', 'at_least')], [stated('o', 'share', 90, 'percent')])).toEqual({ s: 'met' });
    expect(verdicts([target('s', 'share', 90, 'percent', 'at_least')], [stated('o', 'share', 89.9, 'percent')])).toEqual({ s: 'missed' });
    expect(verdicts([target('s', 'share', 20, 'percent', 'over')], [stated('o', 'share', 20, 'percent')])).toEqual({ s: 'missed' });
    expect(verdicts([target('u', 'share', 4, 'percent', 'under')], [stated('o', 'share', 4.2, 'percent')])).toEqual({ u: 'missed' });
    expect(verdicts([target('d', 'growth', -3, 'percent', 'exact')], [stated('o', 'growth', -3.5, 'percent')])).toEqual({ d: 'met' });
    expect(verdicts([target('l', 'level', 0.085, 'yuan_1e12', 'exact')], [stated('o', 'level', 860, 'yuan_1e8')])).toEqual({ l: 'met' });
    expect(
      verdicts(
        [target('r', 'rank', 3, 'ordinal', 'exact', { rank: { position: 3, peers: 'sub_provincial_cities' } })],
        [stated('o', 'rank', 2, 'ordinal', { rank: { position: 2, peers: 'sub_provincial_cities' } })],
      ),
    ).toEqual({ r: 'met' });
  });

  it('leaves a target without a matching outcome as not yet reported (another unit, another region or no data)', () => {
    expect(verdicts([target('n', 'level', 850, 'yuan_1e8', 'exact')], [])).toEqual({ n: 'pending' });
    expect(verdicts([target('n', 'level', 850, 'yuan_1e8', 'exact')], [stated('o', 'count', 31.1, 'person_1e4')])).toEqual({ n: 'pending' });
  });

  it('meets a range from its lower bound, an at-most range up to its upper bound', () => {
    const [check] = checkTargets(model([target('x', 'growth', 5, 'percent', 'exact')], []));
    expect(judge(check!.target, 5.2, decimal(5.5))).toBe('met');
    expect(judge(check!.target, 4.9, decimal(5.5))).toBe('missed');
    const [under] = checkTargets(model([target('y', 'share', 5, 'percent', 'under')], []));
    expect(judge(under!.target, 5.4, decimal(5.5))).toBe('met');
    expect(judge(under!.target, 5.6, decimal(5.5))).toBe('missed');
  });

  it('shows every target on the targets page with its verdict and the rule, in both languages', () => {
    const en = main('en/targets/index.html');
    expect(en).toContain('How we judge:');
    expect(en).toContain('<span class="verdict pending">not yet reported</span>');
    expect(main('zh/targets/index.html')).toContain('尚未公布');
  });
});

describe('glossary', () => {
  it('gives each term its pinyin and explains the statistical terms readers trip on', () => {
    const en = main('en/glossary/index.html');
    expect(en).toContain('<span class="pinyin" lang="zh-Latn-pinyin">sān chéng sān dū</span>');
    for (const term of ['Above designated size', 'Sub-provincial city', 'Mu', 'TEU', 'Value added']) expect(en).toContain(`<dt>${term} `);
    expect(main('zh/glossary/index.html')).toContain(
      '<dt>副省级城市 <span class="other" lang="en">Sub-provincial city</span> <span class="pinyin" lang="zh-Latn-pinyin">fù shěng jí chéng shì</span></dt>',
    );
  });
});

describe('generated summaries', () => {
  it('write one from the figures where the editor wrote none, marked as generated on the page and in the feed', () => {
    const en = main('en/briefings/sample-district-2024/index.html');
    expect(en).toContain(
      '<p>This report gives 1 figure for Qingbaijiang District, Chengdu (2023), covering Economy. Gross regional product: 65.07 billion yuan, up 5.1% (2023).</p>',
    );
    expect(en).toContain('<p class="generated">This summary was written automatically');
    expect(main('zh/briefings/sample-district-2024/index.html')).not.toContain('class="generated"');
    const item = parseFeed(body(site, 'en/feed.xml')).items.find((i) => i.url?.includes('sample-district-2024'));
    expect(item?.description).toContain('written automatically');
  });

  it('speak both languages with plurals, lists and targets right', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefings-generated-'));
    mkdirSync(join(dir, 'briefings'));
    const doc = minimalBriefing({
      summary: undefined,
      indicators: [
        {
          id: 'gdp-2024',
          metric: 'gdp',
          topic: 'economy',
          kind: 'level',
          value: 2.35,
          unit: 'yuan_1e12',
          qualifier: 'exact',
          period: 2024,
          change: { value: 5.7, unit: 'percent' },
          quote: '地区生产总值2.35万亿元、增长5.7%',
        },
        {
          id: 'jobs-2024',
          metric: 'new_urban_jobs',
          topic: 'employment',
          kind: 'count',
          value: 26.4,
          unit: 'person_1e4',
          qualifier: 'exact',
          period: 2024,
          quote: '城镇新增就业26.4万人',
        },
        {
          id: 'gdp-target-2025',
          metric: 'gdp',
          topic: 'economy',
          kind: 'target',
          measure: 'growth',
          value: 5.5,
          unit: 'percent',
          qualifier: 'about',
          period: 2025,
          quote: '增长5.5%左右',
        },
      ],
    });
    delete doc.summary;
    writeFileSync(join(dir, 'briefings', 'mini-2025.json'), JSON.stringify(doc));
    const generated = await renderDataFolder(dir);
    rmSync(dir, { recursive: true, force: true });
    const text = (path: string) => body(generated, path).match(/<section class="summary"[^>]*>\n<p>([^<]+)<\/p>/)?.[1];
    expect(text('en/briefings/mini-2025/index.html')).toBe(
      'This report gives 3 figures for Chengdu (2024), covering Economy and Jobs. Gross regional product: 2.35 trillion yuan, up 5.7% (2024). New urban jobs: 264,000 people (2024). Target: Gross regional product up about 5.5% in 2025.',
    );
    expect(text('zh/briefings/mini-2025/index.html')).toBe(
      '成都市2024年：共3项数据，涉及经济总量和就业。地区生产总值2.35万亿元，增长5.7%（2024年）。城镇新增就业26.4万人（2024年）。目标：2025年地区生产总值增长5.5%左右。',
    );
  });
});
