import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Localisation } from '../../lambdas/core/i18n/localisation';
import { mayNeedCleaning } from '../../lambdas/core/model/cleanText';
import { briefingJsonSchema } from '../../lambdas/core/model/jsonSchema';
import { formatProblem } from '../../lambdas/core/model/problem';
import { parseJson, validateBriefing } from '../../lambdas/core/model/validate';
import { minimalBriefing, sampleBriefing, sampleSourceText } from '../helpers/fixtures';
import { PROJECT_ROOT, projectLocalisation } from '../helpers/lexicons';

let localisation: Localisation;
beforeAll(async () => {
  localisation = await projectLocalisation();
});

const problemsOf = (doc: unknown, extra: Partial<Parameters<typeof validateBriefing>[1]> = {}) =>
  validateBriefing(doc, { file: 'briefings/x.json', localisation, ...extra }).problems.map(formatProblem);

describe('validateBriefing', () => {
  it('accepts the sample briefing, its quotes found in its source', () => {
    const result = validateBriefing(sampleBriefing(), { file: 'f', localisation, sourceText: sampleSourceText(), expectedId: 'sample-city-2026' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.briefing?.indicators).toHaveLength(sampleBriefing().indicators.length);
  });

  it.each<[string, (doc: Record<string, any>) => void, string]>([
    ['an unknown metric, with a suggestion', (d) => (d.indicators[0].metric = 'gpd'), '$.indicators[0].metric: unknown metric "gpd" (did you mean "gdp"?)'],
    ['an unknown unit base', (d) => (d.indicators[0].unit = 'florin_1e8'), '$.indicators[0].unit: unknown unit "florin"'],
    ['a multiplier Chinese has no word for', (d) => (d.indicators[0].unit = 'yuan_1e5'), '$.indicators[0].unit: no zh word for the multiplier 10^5'],
    ['an unknown region', (d) => (d.region = 'atlantis'), '$.region: unknown region "atlantis"'],
    ['an unknown topic', (d) => (d.indicators[0].topic = 'weather'), '$.indicators[0].topic: unknown topic "weather"'],
    ['an unknown field', (d) => (d.indicators[0].colour = 'red'), '$.indicators[0]: unknown field "colour"'],
    ['a missing title language', (d) => delete d.title.en, '$.title.en: expected string'],
    ['a bad date', (d) => (d.published = '2025-02-30'), '$.published: '],
    ['a bad kind', (d) => (d.indicators[0].kind = 'vibe'), '$.indicators[0].kind: '],
    ['a duplicate indicator id', (d) => d.indicators.push({ ...d.indicators[0] }), '$.indicators[1].id: duplicate indicator id "gdp-2024"'],
    [
      'a rank without its peers',
      (d) => Object.assign(d.indicators[0], { kind: 'rank', unit: 'ordinal', value: 3 }),
      '$.indicators[0].rank: a rank indicator needs rank',
    ],
    ['a growth figure in yuan', (d) => (d.indicators[0].kind = 'growth'), '$.indicators[0].unit: a growth figure is in "percent", "points", "times"'],
    ['a non-numeric value', (d) => (d.indicators[0].value = '2.35'), '$.indicators[0].value: expected number'],
    [
      'a range whose upper bound is not above its value',
      (d) => (d.indicators[0].upper = 2.35),
      '$.indicators[0].upper: upper (2.35) must be greater than value (2.35)',
    ],
    [
      'a change range upside down',
      (d) => (d.indicators[0].change = { value: 5, upper: 4, unit: 'percent' }),
      '$.indicators[0].change.upper: upper (4) must be greater than value (5)',
    ],
    [
      'a period span that ends before it starts',
      (d) => (d.indicators[0].period = { from: 2025, to: 2021 }),
      '$.indicators[0].period: "from" must not be after "to"',
    ],
    [
      'an average yearly change over a single year',
      (d) => (d.indicators[0].change = { value: 5, unit: 'percent', averageOver: { from: 2025, to: 2025 } }),
      '$.indicators[0].change.averageOver: a change over years runs over two years or more',
    ],
    [
      'a doubling as a yearly average',
      (d) => (d.indicators[0].change = { value: 1, unit: 'doubling', averageOver: { from: 2021, to: 2025 } }),
      '$.indicators[0].change.averageOver: a doubling (翻番) is a whole change, never a yearly average: use over',
    ],
    [
      'a change that is both a yearly average and the whole change',
      (d) => (d.indicators[0].change = { value: 5, unit: 'percent', averageOver: { from: 2021, to: 2025 }, over: { from: 2021, to: 2025 } }),
      '$.indicators[0].change.over: a change is either a yearly average (averageOver) or the whole change (over), not both',
    ],
    ['an unknown qualifier', (d) => (d.indicators[0].qualifier = 'roughly'), '$.indicators[0].qualifier: '],
  ])('reports %s with file and JSON path', (_name, mutate, expected) => {
    const doc = minimalBriefing();
    mutate(doc);
    expect(problemsOf(doc).join('\n')).toContain(`briefings/x.json: ${expected}`);
  });

  it('accepts ranges, the new qualifiers, a period span and an average yearly change', () => {
    const doc = minimalBriefing();
    Object.assign(doc.indicators[0], {
      upper: 2.5,
      qualifier: 'nearly',
      period: { from: 2021, to: 2025 },
      change: { value: -3, upper: -2, unit: 'percent', qualifier: 'aim', averageOver: { from: 2021, to: 2025 } },
      quote: '地区生产总值2.35万亿元至2.5万亿元',
    });
    for (const qualifier of ['more_than', 'nearly', 'aim']) {
      doc.indicators[0].qualifier = qualifier;
      expect(problemsOf(doc)).toEqual([]);
    }
  });

  it('reports an id that disagrees with the file name', () => {
    expect(problemsOf(minimalBriefing(), { expectedId: 'other' })).toContain(
      'briefings/x.json: $.id: "mini-2025" does not match the file name (expected "other")',
    );
  });

  it('warns when a value is not a figure of its own quote, read by the figure grammar; an error when the quote states another figure in its unit', () => {
    const source = '前言。地区生产总值2.35万亿元。投资增长两成，新增就业五万人。';
    const doc = minimalBriefing();
    const problems = (d: Record<string, any>) =>
      validateBriefing(d, { file: 'briefings/x.json', localisation, sourceText: source }).problems.map(formatProblem);
    const warnings = (d: Record<string, any>) => problems(d).filter((p) => p.includes(': warning: '));
    expect(problems(doc)).toEqual([]);
    doc.indicators[0].value = 2.53;
    expect(problems(doc)).toEqual([
      `briefings/x.json: $.indicators[0].value: 2.53 yuan_1e12 (2,530,000,000,000) is not the figure the quote states ("2.35万亿元"); check the value and the unit's multiplier`,
    ]);
    doc.indicators[0] = { ...doc.indicators[0], value: 3, unit: 'yuan_1e8', quote: '投资增长两成' };
    expect(warnings(doc)).toEqual(['briefings/x.json: $.indicators[0].value: warning: 3 yuan_1e8 is not a figure of the quote "投资增长两成"']);
    doc.indicators[0] = minimalBriefing().indicators[0];
    doc.indicators.push({ ...doc.indicators[0], id: 'jobs', value: 5, unit: 'person_1e4', quote: '新增就业五万人' });
    doc.indicators[0].value = 2.35;
    expect(warnings(doc)).toEqual([]);
  });

  it('reads a list in points that writes 百分点 once: 3.4个、1个百分点 states 3.4 points', () => {
    const quote = '投资、消费增速分别快于全国3.4个、1个百分点';
    const gap = (value: number) => ({ ...minimalBriefing().indicators[0], kind: 'growth', value, unit: 'points', quote });
    const errors = (value: number) =>
      validateBriefing(minimalBriefing({ status: 'draft', indicators: [gap(value)] }), { file: 'x.json', localisation })
        .problems.filter((p) => p.severity === 'error')
        .map(formatProblem);
    expect(errors(3.4)).toEqual([]);
    expect(errors(1)).toEqual([]);
    expect(errors(4.3)).toEqual([expect.stringContaining('4.3 points (4.3) is not the figure the quote states ("3.4个", "1个百分点")')]);
    const bare = (value: number) =>
      validateBriefing(minimalBriefing({ status: 'draft', indicators: [{ ...gap(value), quote: '城镇、农村居民收入分别提高0.3、0.5个百分点' }] }), {
        file: 'x.json',
        localisation,
      }).problems.filter((p) => p.severity === 'error');
    expect(bare(0.3)).toEqual([]);
    expect(bare(0.4)).toHaveLength(1);
  });

  it('reports a quote missing from the source, and an offset that is off', () => {
    const doc = minimalBriefing();
    doc.indicators.push({ ...doc.indicators[0], id: 'gdp-2024-b', offset: 1 });
    const problems = problemsOf(doc, { sourceText: '前言。地区生产总值2.35万亿元。' });
    expect(problems).toEqual(['briefings/x.json: $.indicators[1].offset: quote is at offset 3, not 1']);
    expect(problemsOf(minimalBriefing(), { sourceText: '无关文字' })).toEqual(['briefings/x.json: $.indicators[0].quote: quote not found in the source']);
  });

  it('reports every problem at once', () => {
    const doc = minimalBriefing({ region: 'atlantis' });
    doc.indicators[0].metric = 'gpd';
    expect(problemsOf(doc)).toHaveLength(2);
  });

  it('removes control characters with a warning, and still accepts the document', () => {
    const result = validateBriefing(minimalBriefing({ title: { zh: '迷你\u0000简报', en: 'Mini\u0007 briefing\uFFFF' } }), { file: 'f', localisation });
    expect(result.briefing?.title).toEqual({ zh: '迷你简报', en: 'Mini briefing' });
    expect(result.problems.map(formatProblem)).toEqual([
      'f: $.title.zh: warning: removed control characters that HTML and XML cannot carry',
      'f: $.title.en: warning: removed control characters that HTML and XML cannot carry',
    ]);
  });
});

describe('parseJson', () => {
  it('reports a syntax error at $ with the parser message', () => {
    const { problems } = parseJson('{"id": "x",,}', 'briefings/x.json');
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^briefings\/x\.json: \$: not valid JSON: /);
  });
});

describe('the published JSON Schema', () => {
  it('is the committed schema/briefing.schema.json (regenerate with npm run schema)', () => {
    const committed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'schema/briefing.schema.json'), 'utf8'));
    expect(committed).toEqual(briefingJsonSchema());
  });
});

describe('mayNeedCleaning', () => {
  it.each([
    ['{"a":"plain 中文"}', false],
    ['{"a":"bell \\u0007"}', true],
    ['{"a":"del \u007f"}', true],
    ['{"a":"emoji 📊"}', true],
    ['{"a":"escaped surrogate \\ud83d"}', true],
    ['{"a":"\\uFFFE"}', true],
    ['{"a":"tab \\t and \\u00e9"}', false],
  ])('%s → %s', (text, want) => {
    expect(mayNeedCleaning(text)).toBe(want);
  });

  it('gives the same result as the full walk for every fixture document', () => {
    const text = JSON.stringify(sampleBriefing());
    const parsed = JSON.parse(text);
    const fast = validateBriefing(parsed, { file: 'f', localisation, jsonText: text });
    const slow = validateBriefing(JSON.parse(text), { file: 'f', localisation });
    expect(fast).toEqual(slow);
  });
});
