import { describe, expect, it } from 'vitest';
import { type RegionLevels, buildComparisons, rankingKey } from '../../lambdas/core/model/compare';
import type { RegionLevel } from '../../lambdas/core/model/regions';
import type { BriefingInput } from '../../lambdas/core/model/schema';
import { buildSiteModel } from '../../lambdas/core/model/site';
import { toPlain } from '../../lambdas/core/quantity/decimal';

const LEVELS: Record<string, RegionLevel> = {
  anhui: 'province',
  fujian: 'province',
  jiangsu: 'province',
  sichuan: 'province',
  chengdu: 'prefecture',
  qingbaijiang: 'county',
};
const levels: RegionLevels = { level: (region) => LEVELS[region] };

type Target = { metric: string; measure?: string; value: number; upper?: number; unit?: string; qualifier?: string; period?: number; highlight?: boolean };

function briefing(id: string, region: string, targets: Target[], published = '2026-01-20'): BriefingInput {
  return {
    id,
    region,
    kind: 'work-report',
    published,
    period: 2025,
    title: { zh: id, en: id },
    source: { title: { zh: '报告', en: 'Report' }, publisher: { zh: '政府', en: 'Government' } },
    status: 'reviewed',
    indicators: targets.map((t, k) => ({
      id: `t${k}`,
      metric: t.metric,
      topic: 'economy',
      kind: 'target',
      measure: (t.measure ?? 'growth') as 'growth',
      value: t.value,
      ...(t.upper !== undefined && { upper: t.upper }),
      unit: t.unit ?? 'percent',
      qualifier: (t.qualifier ?? 'exact') as 'exact',
      period: t.period ?? 2026,
      ...(t.highlight && { highlight: true }),
      quote: `quote ${id} ${k}`,
    })),
  } as BriefingInput;
}

const compare = (inputs: BriefingInput[]) => buildComparisons(buildSiteModel(inputs, { now: new Date('2026-06-01T00:00:00Z') }), levels);
const gdp = (c: ReturnType<typeof compare>, year = 2026) => c.rankings.get(rankingKey('gdp', year)) ?? [];

describe('the comparison model', () => {
  it('compares like with like: provinces with provinces, a city and a district each in their own level', () => {
    const c = compare([
      briefing('sichuan-2026', 'sichuan', [{ metric: 'gdp', value: 5.5 }]),
      briefing('jiangsu-2026', 'jiangsu', [{ metric: 'gdp', value: 5 }]),
      briefing('chengdu-2026', 'chengdu', [{ metric: 'gdp', value: 6 }]),
      briefing('qingbaijiang-2026', 'qingbaijiang', [{ metric: 'gdp', value: 7 }]),
    ]);
    const rankings = gdp(c);
    expect(rankings.map((r) => [r.level, r.ranked.map((x) => x.cell.region)])).toEqual([
      ['province', ['sichuan', 'jiangsu']],
      ['prefecture', ['chengdu']],
      ['county', ['qingbaijiang']],
    ]);
    expect(c.tables.get(2026)?.map((t) => [t.level, t.rows.map((r) => r.region)])).toEqual([
      ['province', ['jiangsu', 'sichuan']],
      ['prefecture', ['chengdu']],
      ['county', ['qingbaijiang']],
    ]);
  });

  it('leaves out regions whose level is unknown', () => {
    const c = compare([briefing('x-2026', 'atlantis', [{ metric: 'gdp', value: 9 }]), briefing('anhui-2026', 'anhui', [{ metric: 'gdp', value: 5 }])]);
    expect(gdp(c).flatMap((r) => r.ranked.map((x) => x.cell.region))).toEqual(['anhui']);
  });

  it('keeps ranges as exact bounds and ranks them by their midpoint', () => {
    const c = compare([
      briefing('anhui-2026', 'anhui', [{ metric: 'gdp', value: 5, upper: 5.5 }]),
      briefing('fujian-2026', 'fujian', [{ metric: 'gdp', value: 5.5, qualifier: 'about' }]),
      briefing('jiangsu-2026', 'jiangsu', [{ metric: 'gdp', value: 5, qualifier: 'at_least' }]),
    ]);
    const [province] = gdp(c);
    expect(province?.ranked.map((x) => [x.rank, x.cell.region])).toEqual([
      [1, 'fujian'],
      [2, 'anhui'],
      [3, 'jiangsu'],
    ]);
    const range = province?.ranked[1]?.cell;
    expect([toPlain(range!.lower), range?.upper && toPlain(range.upper)]).toEqual(['5', '5.5']);
    expect(province?.ranked[0]?.cell.indicator.input.qualifier).toBe('about');
  });

  it('compares amounts in exact base units whatever multiplier the source wrote', () => {
    const c = compare([
      briefing('anhui-2026', 'anhui', [{ metric: 'new_urban_jobs', measure: 'count', value: 70, unit: 'person_1e4' }]),
      briefing('fujian-2026', 'fujian', [{ metric: 'new_urban_jobs', measure: 'count', value: 650000, unit: 'person' }]),
    ]);
    const [province] = c.rankings.get(rankingKey('new_urban_jobs', 2026)) ?? [];
    expect(province?.ranked.map((x) => [x.cell.region, toPlain(x.cell.lower)])).toEqual([
      ['anhui', '700000'],
      ['fujian', '650000'],
    ]);
  });

  it('shares a rank between equal figures, listed by region key, and skips the next rank', () => {
    const c = compare([
      briefing('sichuan-2026', 'sichuan', [{ metric: 'gdp', value: 5 }]),
      briefing('anhui-2026', 'anhui', [{ metric: 'gdp', value: 4.5, upper: 5.5 }]),
      briefing('jiangsu-2026', 'jiangsu', [{ metric: 'gdp', value: 5.2 }]),
      briefing('fujian-2026', 'fujian', [{ metric: 'gdp', value: 4.8 }]),
    ]);
    expect(gdp(c)[0]?.ranked.map((x) => [x.rank, x.cell.region])).toEqual([
      [1, 'jiangsu'],
      [2, 'anhui'],
      [2, 'sichuan'],
      [4, 'fujian'],
    ]);
  });

  it('marks a missing target as not stated, never as a figure', () => {
    const c = compare([
      briefing('anhui-2026', 'anhui', [
        { metric: 'gdp', value: 5 },
        { metric: 'cpi', value: 2, qualifier: 'about' },
      ]),
      briefing('fujian-2026', 'fujian', [{ metric: 'gdp', value: 5 }]),
    ]);
    const [cpi] = c.rankings.get(rankingKey('cpi', 2026)) ?? [];
    expect(cpi?.ranked.map((x) => x.cell.region)).toEqual(['anhui']);
    expect(cpi?.notStated).toEqual(['fujian']);
    const [table] = c.tables.get(2026) ?? [];
    expect(table?.columns.map((t) => t.key)).toEqual(['gdp', 'cpi']);
    expect(table?.rows.find((r) => r.region === 'fujian')?.cells.has('cpi')).toBe(false);
  });

  it('ranks figures in jin with figures in tonnes, exactly (a jin is half a kilogram)', () => {
    const c = compare([
      briefing('anhui-2026', 'anhui', [{ metric: 'grain_output', measure: 'level', value: 830, unit: 'jin_1e8' }]),
      briefing('fujian-2026', 'fujian', [{ metric: 'grain_output', measure: 'level', value: 500, unit: 'tonne_1e4' }]),
      briefing('jiangsu-2026', 'jiangsu', [{ metric: 'grain_output', measure: 'level', value: 3800, upper: 4200.5, unit: 'tonne_1e4' }]),
      briefing('sichuan-2026', 'sichuan', [{ metric: 'grain_output', measure: 'level', value: 730.3, upper: 760, unit: 'jin_1e8' }]),
    ]);
    const [province] = c.rankings.get(rankingKey('grain_output', 2026)) ?? [];
    expect(province?.unitBase).toBe('tonne');
    expect(province?.otherUnits).toEqual([]);
    expect(province?.ranked.map((x) => [x.cell.region, toPlain(x.cell.lower), x.cell.upper && toPlain(x.cell.upper)])).toEqual([
      ['anhui', '41500000', undefined],
      ['jiangsu', '38000000', '42005000'],
      ['sichuan', '36515000', '38000000'],
      ['fujian', '5000000', undefined],
    ]);
  });

  it('ranks only figures in the common unit and shows the others apart', () => {
    const c = compare([
      briefing('anhui-2026', 'anhui', [{ metric: 'grain_output', measure: 'level', value: 830, unit: 'mu_1e4' }]),
      briefing('fujian-2026', 'fujian', [{ metric: 'grain_output', measure: 'level', value: 500, unit: 'tonne_1e4' }]),
      briefing('jiangsu-2026', 'jiangsu', [{ metric: 'grain_output', measure: 'level', value: 3800, unit: 'tonne_1e4' }]),
    ]);
    const [province] = c.rankings.get(rankingKey('grain_output', 2026)) ?? [];
    expect(province?.unitBase).toBe('tonne');
    expect(province?.ranked.map((x) => x.cell.region)).toEqual(['jiangsu', 'fujian']);
    expect(province?.otherUnits.map((x) => x.region)).toEqual(['anhui']);
  });

  it('takes a column only from its measure, one year at a time, and the newest briefing wins', () => {
    const c = compare([
      briefing('anhui-2026', 'anhui', [
        { metric: 'gdp', measure: 'level', value: 5.3, unit: 'yuan_1e12' },
        { metric: 'gdp', value: 5 },
        { metric: 'gdp', value: 6, period: 2027 },
      ]),
      briefing('anhui-2026-revised', 'anhui', [{ metric: 'gdp', value: 5.2 }], '2026-03-01'),
      briefing('fujian-2026', 'fujian', [
        { metric: 'gdp', value: 4.5 },
        { metric: 'gdp', value: 5, highlight: true },
      ]),
    ]);
    expect(c.years).toEqual([2026, 2027]);
    expect(gdp(c)[0]?.ranked.map((x) => [x.cell.region, toPlain(x.cell.lower), x.cell.indicator.briefing.id])).toEqual([
      ['anhui', '5.2', 'anhui-2026-revised'],
      ['fujian', '5', 'fujian-2026'],
    ]);
    expect(gdp(c, 2027)[0]?.ranked.map((x) => x.cell.region)).toEqual(['anhui']);
  });

  it('ignores statements that are not targets', () => {
    const input = briefing('anhui-2026', 'anhui', [{ metric: 'gdp', value: 5 }]);
    (input.indicators[0] as { kind: string }).kind = 'growth';
    delete (input.indicators[0] as { measure?: string }).measure;
    expect(compare([input]).years).toEqual([]);
  });
});
