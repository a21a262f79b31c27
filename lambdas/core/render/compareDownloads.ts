import { LANG_CODES, type Lang } from '../i18n/languages';
import type { TargetCell } from '../model/compare';
import type { RegionLevel } from '../model/regions';
import type { MainTarget } from '../model/mainTargets';
import { toPlain } from '../quantity/decimal';
import { measureOf } from '../model/compare';
import type { RenderContext } from './context';
import { type CsvValue, toCsv } from './downloads';
import { upperOf } from './views/indicators';
import { rankingInputs } from './comparePages';
import { OUTPUT_FORMATS, type PlannedFile } from './outputFormats';
import { routes } from './routes';
import { cellInput, comparisonsOf, regionName, targetFigure } from './views/comparisons';

/** One comparison cell as a download row: numbers as numbers, bounds explicit, traced to quote and source. */
export const COMPARISON_COLUMNS = [
  'year',
  'level',
  'rank',
  'status',
  'region',
  'region_en',
  'region_zh',
  'target',
  'metric',
  'measure',
  'value',
  'lower',
  'upper',
  'unit',
  'unit_base',
  'unit_power',
  'qualifier',
  'figure_en',
  'figure_zh',
  'quote',
  'briefing',
  'source_title',
  'source_url',
  'published',
  'updated',
  'page_en',
  'page_zh',
] as const;

export type ComparisonRow = Record<(typeof COMPARISON_COLUMNS)[number], CsvValue>;

/** "stated" (ranked), "other_unit" (stated in another unit, not ranked) or "not_stated" (no figure, never 0). */
type Status = 'stated' | 'other_unit' | 'not_stated';

function row(
  ctx: RenderContext,
  year: number,
  level: RegionLevel,
  target: MainTarget,
  region: string,
  status: Status,
  rank: number | null,
  cell?: TargetCell,
): ComparisonRow {
  const names = Object.fromEntries(LANG_CODES.map((lang) => [lang, regionName(ctx, lang, region)])) as Record<Lang, string>;
  const base = { year, level, rank, status, region, region_en: names.en, region_zh: names.zh, target: target.key, metric: target.metric };
  if (!cell) {
    return {
      ...base,
      measure: null,
      value: null,
      lower: null,
      upper: null,
      unit: null,
      unit_base: null,
      unit_power: null,
      qualifier: null,
      figure_en: null,
      figure_zh: null,
      quote: null,
      briefing: null,
      source_title: null,
      source_url: null,
      published: null,
      updated: null,
      page_en: null,
      page_zh: null,
    };
  }
  const { input, briefing, quantity } = cell.indicator;
  const upper = upperOf(cell.indicator);
  const page = (lang: Lang) => `${ctx.url(routes.briefing(lang, briefing.id))}#i-${input.id}`;
  return {
    ...base,
    measure: measureOf(cell.indicator),
    value: input.value,
    lower: input.value,
    upper: upper === undefined ? input.value : Number(toPlain(upper)),
    unit: input.unit,
    unit_base: quantity.unit.base,
    unit_power: quantity.unit.scale,
    qualifier: input.qualifier,
    figure_en: targetFigure(cell, ctx, 'en'),
    figure_zh: targetFigure(cell, ctx, 'zh'),
    quote: input.quote.replace(/\s*\n\s*/g, ''),
    briefing: briefing.id,
    source_title: briefing.input.source.title.zh,
    source_url: briefing.input.source.url ?? null,
    published: briefing.input.published,
    updated: chinaDate(briefing.updatedAt),
    page_en: page('en'),
    page_zh: page('zh'),
  };
}

/**
 * Each comparison and each year's targets table as CSV and JSON (language-neutral, both languages'
 * names inside). They go out with the briefing pages (role "page"), before any page links to them.
 */
export function* comparisonDownloads(ctx: RenderContext): Generator<PlannedFile> {
  const comparisons = comparisonsOf(ctx);
  for (const year of comparisons.years) {
    const tables = comparisons.tables.get(year) ?? [];
    const rows = () =>
      tables.flatMap((table) =>
        table.rows.flatMap((r) =>
          table.columns.map((target) => {
            const cell = r.cells.get(target.key);
            return row(ctx, year, table.level, target, r.region, cell ? 'stated' : 'not_stated', null, cell);
          }),
        ),
      );
    const inputs = () =>
      tables.flatMap((t) => [`|${t.level}`, ...t.columns.map((c) => c.key), ...t.rows.flatMap((r) => [r.region, ...[...r.cells.values()].map(cellInput)])]);
    const title = (lang: Lang) => ctx.lexicon(lang).t('ui:compare.year.heading', { year });
    yield* files(
      ctx,
      routes.data('targets', String(year), 'csv'),
      routes.data('targets', String(year), 'json'),
      title,
      (lang) => routes.targetsOfYear(lang, year),
      rows,
      inputs,
    );
  }
  for (const rankings of comparisons.rankings.values()) {
    const first = rankings[0];
    if (!first) continue;
    const { target, year } = first;
    const rows = () =>
      rankings.flatMap((r) => [
        ...r.ranked.map(({ rank, cell }) => row(ctx, year, r.level, target, cell.region, 'stated', rank, cell)),
        ...r.otherUnits.map((cell) => row(ctx, year, r.level, target, cell.region, 'other_unit', null, cell)),
        ...r.notStated.map((region) => row(ctx, year, r.level, target, region, 'not_stated', null)),
      ]);
    const title = (lang: Lang) => ctx.lexicon(lang).t('ui:compare.page.heading', { year, subject: ctx.lexicon(lang).t(`ui:compare.subject.${target.key}`) });
    yield* files(
      ctx,
      routes.data('compare', `${target.key}-${year}`, 'csv'),
      routes.data('compare', `${target.key}-${year}`, 'json'),
      title,
      (lang) => routes.comparison(lang, target.key, year),
      rows,
      () => rankings.flatMap(rankingInputs),
    );
  }
}

function* files(
  ctx: RenderContext,
  csvRoute: string,
  jsonRoute: string,
  title: (lang: Lang) => string,
  page: (lang: Lang) => string,
  rows: () => ComparisonRow[],
  inputs: () => readonly string[],
): Generator<PlannedFile> {
  for (const [route, format] of [
    [csvRoute, 'csv'],
    [jsonRoute, 'json'],
  ] as const) {
    const path = route.slice(1);
    const fingerprint = ctx.config.signature === undefined ? undefined : ctx.fingerprint(path, inputs());
    const render = () => (format === 'csv' ? toCsv(COMPARISON_COLUMNS, rows()) : json(ctx, title, page, rows()));
    yield { path, ...(fingerprint && { fingerprint }), render, contentType: OUTPUT_FORMATS[format].mediaType, role: 'page' };
  }
}

function json(ctx: RenderContext, title: (lang: Lang) => string, page: (lang: Lang) => string, rows: ComparisonRow[]): string {
  const both = <T>(make: (lang: Lang) => T) => Object.fromEntries(LANG_CODES.map((lang) => [lang, make(lang)]));
  const document = {
    title: both(title),
    page: both((lang) => ctx.url(page(lang))),
    ordering: both((lang) => ctx.lexicon(lang).t('ui:compare.ordering')),
    columns: COMPARISON_COLUMNS,
    rows,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The date in China (UTC+8) of an instant, as the reports date themselves. */
function chinaDate(instant: string): string {
  return new Date(Date.parse(instant) + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
