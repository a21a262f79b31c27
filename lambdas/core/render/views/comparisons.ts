import { createHash } from 'node:crypto';
import type { Lang } from '../../i18n/languages';
import { type Comparisons, type Ranking, type TargetCell, buildComparisons, measureOf } from '../../model/compare';
import { MAIN_TARGETS } from '../../model/mainTargets';
import type { Briefing } from '../../model/site';
import { toNumber } from '../../quantity/decimal';
import type { RenderContext } from '../context';
import { routes } from '../routes';
import { termMarker } from '../terms';
import { type ChartView, barChart } from './chart';
import { figureOf } from './indicators';

/** The build's comparisons, made once from the site model and its region hierarchy. */
export function comparisonsOf(ctx: RenderContext): Comparisons {
  return ctx.memo('comparisons', ctx.model, () => buildComparisons(ctx.model, ctx.model.hierarchy));
}

/**
 * The years whose targets table takes a row's figures from this briefing (a newer report of the
 * same region replaces it there), so its page can point to where its targets sit beside the others.
 */
export function targetYearsShowing(ctx: RenderContext, briefing: Briefing): number[] {
  const comparisons = comparisonsOf(ctx);
  return comparisons.years.filter((year) => (comparisons.tables.get(year) ?? []).some((table) => table.rows.some((row) => row.briefings.includes(briefing))));
}

/**
 * A target as a cell shows it, under a column that already names the measure: "about 5.5%" under
 * "GDP growth" (not "up about 5.5%"); a fall keeps its direction ("down about 3%").
 */
export function targetFigure(cell: Pick<TargetCell, 'indicator'>, ctx: RenderContext, lang: Lang): string {
  const { indicator } = cell;
  const measure = measureOf(indicator);
  if (measure === 'growth' && indicator.quantity.value.sign > 0 && indicator.quantity.unit.base === 'percent') {
    return ctx.formatter(lang).amount(indicator.quantity);
  }
  return figureOf(indicator, ctx, lang);
}

export interface CellView {
  readonly text: string;
  /** The stated figure's row on its briefing page, where the quote is. */
  readonly href: string;
  readonly quoteHtml: string;
  readonly briefing: string;
}

export function cellView(cell: TargetCell, ctx: RenderContext, lang: Lang): CellView {
  return ctx.memo(`compare-cell:${lang}`, cell, () => {
    const { indicator } = cell;
    const briefing = indicator.briefing;
    return {
      text: targetFigure(cell, ctx, lang),
      href: `${ctx.href(routes.briefing(lang, briefing.id))}#i-${indicator.input.id}`,
      quoteHtml: termMarker(ctx, lang).markText(indicator.input.quote.replace(/\s*\n\s*/g, ''), 'zh'),
      briefing: briefing.input.title[lang],
    };
  });
}

/**
 * What a cell's rendering depends on, for fingerprints: the stated figure and the briefing facts
 * shown beside it, not the whole briefing, so an edit elsewhere in a province's report does not
 * re-render comparisons it does not change.
 */
export function cellInput(cell: TargetCell): string {
  const { indicator } = cell;
  const b = indicator.briefing;
  const facts = JSON.stringify([indicator.input, b.id, b.input.title, b.publishedAt, b.updatedAt]);
  return `${cell.region}:${createHash('sha256').update(facts).digest('hex').slice(0, 16)}`;
}

export function regionName(ctx: RenderContext, lang: Lang, region: string): string {
  return ctx.lexicon(lang).t(`regions:${region}`);
}

/** A ranking's bars: regions in rank order, ranges as ranges, from zero. */
export function rankingChart(ranking: Ranking, ctx: RenderContext, lang: Lang, title: string): ChartView {
  const lexicon = ctx.lexicon(lang);
  const data = ranking.ranked.map(({ cell }) => ({
    label: regionName(ctx, lang, cell.region),
    figure: {
      lower: toNumber(cell.lower),
      ...(cell.upper && { upper: toNumber(cell.upper) }),
      text: targetFigure(cell, ctx, lang),
      target: true,
    },
  }));
  const list = data.map((d) => lexicon.t('ui:compare.bar', { region: d.label, figure: d.figure.text })).join(lexicon.t('ui:separator'));
  const desc = lexicon.t('ui:compare.chartDesc', { ordering: lexicon.t('ui:compare.ordering'), list });
  return barChart(`chart-${ranking.target.key}-${ranking.year}-${ranking.level}`, title, desc, data, lexicon.t('ui:compare.notStated'));
}

/**
 * A briefing's own main targets, by year, for its feed item: "Main targets for 2026: GDP growth
 * about 5.5%; …", linked to that year's table. Made from the briefing alone (and its region's level),
 * so its feed item changes only when the briefing does.
 */
export function mainTargetsOf(briefing: Briefing, ctx: RenderContext, lang: Lang) {
  if (!ctx.model.hierarchy.level(briefing.input.region)) return [];
  const lexicon = ctx.lexicon(lang);
  const byYear = new Map<number, Map<string, string>>();
  for (const indicator of [...briefing.indicators.filter((i) => i.input.highlight), ...briefing.indicators.filter((i) => !i.input.highlight)]) {
    const year = indicator.input.period;
    if (indicator.input.kind !== 'target' || typeof year !== 'number') continue;
    const target = MAIN_TARGETS.find((t) => t.metric === indicator.input.metric && t.measures.includes(measureOf(indicator)));
    if (!target) continue;
    const figures = byYear.get(year) ?? new Map<string, string>();
    byYear.set(year, figures);
    if (!figures.has(target.key)) figures.set(target.key, targetFigure({ indicator }, ctx, lang));
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, figures]) => ({
      heading: lexicon.t('ui:compare.feed.mainTargets', { year }),
      url: ctx.url(routes.targetsOfYear(lang, year)),
      items: MAIN_TARGETS.filter((t) => figures.has(t.key)).map((t) => ({ label: lexicon.t(`ui:compare.column.${t.key}`), figure: figures.get(t.key) })),
    }));
}
