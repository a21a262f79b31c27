import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FsBriefingSource } from '../../lambdas/adapters/fs/fsBriefingSource';
import { type LoadedBriefings, loadBriefings } from '../../lambdas/core/build/loadBriefings';
import { formatProblem } from '../../lambdas/core/model/problem';
import { HtmlValidate } from 'html-validate';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';
import { parseFeed, parseWithFeedparser } from '../helpers/feeds';
import { PROJECT_ROOT, projectLocalisation } from '../helpers/lexicons';
import { TEST_BASE_URL, renderDataFolder } from '../helpers/site';

const DATA = join(PROJECT_ROOT, 'data');
const files = readdirSync(join(DATA, 'briefings')).filter((f) => f.endsWith('.json'));
let loaded: LoadedBriefings;

beforeAll(async () => {
  loaded = await loadBriefings(new FsBriefingSource(DATA), await projectLocalisation());
});

describe('the bundled data', () => {
  it('holds the Chengdu 2024 and 2026 work reports', () => {
    expect(files).toEqual(expect.arrayContaining(['chengdu-2024-work-report.json', 'chengdu-2026-work-report.json']));
  });

  it('validates without a single problem', () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.briefings).toHaveLength(files.length);
  });

  it.each(files)('%s: reviewed, bilingual, with indicators', (file) => {
    const doc = JSON.parse(readFileSync(join(DATA, 'briefings', file), 'utf8'));
    expect(doc.status).toBe('reviewed');
    expect(doc.summary?.zh && doc.summary?.en).toBeTruthy();
    expect(doc.indicators.length).toBeGreaterThan(0);
  });

  it.each(['chengdu-2024-work-report.json', 'chengdu-2026-work-report.json'])('%s: the full work reports carry at least 40 indicators', (file) => {
    const doc = JSON.parse(readFileSync(join(DATA, 'briefings', file), 'utf8'));
    expect(doc.indicators.length).toBeGreaterThanOrEqual(40);
  });

  it('has a briefing for every source text (the five seeds and the 26 provincial reports)', () => {
    const sources = new Set(files.map((f) => JSON.parse(readFileSync(join(DATA, 'briefings', f), 'utf8')).source.file));
    expect([...sources].sort()).toEqual(
      readdirSync(join(DATA, 'sources'))
        .filter((f) => f.endsWith('.txt'))
        .sort(),
    );
  });

  const provincial = files.filter((f) => /-2026-work-report\.json$/.test(f) && !f.startsWith('chengdu-'));

  it.each(provincial)('%s: a reviewed provincial briefing with its 2026 GDP growth target and its unedited draft', (file) => {
    const doc = JSON.parse(readFileSync(join(DATA, 'briefings', file), 'utf8'));
    expect(doc.status).toBe('reviewed');
    expect(doc.indicators.length).toBeGreaterThanOrEqual(25);
    const gdpTarget = doc.indicators.filter(
      (i: { metric: string; kind: string; measure?: string; period: unknown }) =>
        i.metric === 'gdp' && i.kind === 'target' && i.measure === 'growth' && i.period === 2026,
    );
    expect(gdpTarget.length, 'a GDP growth target for 2026').toBe(1);
    expect(
      doc.indicators.some((i: { proposed?: unknown }) => i.proposed !== undefined),
      'no proposed metric left',
    ).toBe(false);
    expect(existsSync(join(DATA, 'drafts', file)), 'the draft the review started from').toBe(true);
  });

  it.each(files)('%s: every quote is found at its offset in its source file', (file) => {
    const doc = JSON.parse(readFileSync(join(DATA, 'briefings', file), 'utf8'));
    const source = [...readFileSync(join(DATA, 'sources', doc.source.file), 'utf8')];
    for (const indicator of doc.indicators) {
      const quote = [...indicator.quote];
      expect(source.slice(indicator.offset, indicator.offset + quote.length).join(''), `${file} ${indicator.id}`).toBe(indicator.quote);
    }
  });
});

describe('the site built from the bundled data', () => {
  let site: Map<string, OutputFile<string>>;
  beforeAll(async () => {
    site = await renderDataFolder(DATA);
  });

  it.each(['en/feed.xml', 'zh/feed.xml', 'en/atom.xml', 'zh/atom.xml'])('%s parses in both feed parsers with every briefing', async (path) => {
    const xml = site.get(path)?.body ?? '';
    const lang = path.slice(0, 2);
    const expected = loaded.briefings.map((b) => `${TEST_BASE_URL}${lang}/briefings/${b.id}/`).sort();
    expect(
      parseFeed(xml)
        .items.map((i) => i.url)
        .sort(),
    ).toEqual(expected);
    expect((await parseWithFeedparser(xml)).items.map((i) => i.link).sort()).toEqual(expected);
  });

  it('has valid HTML on every briefing page and the main indexes', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'long-title': 'off' } });
    const pages = [...site.values()].filter((f) => /^(en|zh)\/(briefings\/[^/]+\/|glossary\/|topics\/|regions\/|indicators\/)?index\.html$/.test(f.path));
    expect(pages.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(page.body, page.path);
      for (const result of report.results) for (const m of result.messages) failures.push(`${page.path}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    expect(failures).toEqual([]);
  });
});
