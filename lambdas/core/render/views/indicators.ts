import type { Lang } from '../../i18n/languages';
import { type Period, periodSpan } from '../../model/schema';
import type { Indicator } from '../../model/site';
import type { Decimal } from '../../quantity/decimal';
import type { ChangeUnit } from '../../quantity/types';
import type { RenderContext } from '../context';
import { routes } from '../routes';
import { termMarker } from '../terms';
import { measureOf } from '../../model/compare';

export { measureOf };

export interface IndicatorRow {
  readonly anchor: string;
  readonly metric: { readonly name: string; readonly href: string };
  readonly region: { readonly name: string; readonly href: string };
  readonly target?: string;
  readonly period: string;
  readonly figure: string;
  /** "up 6%", or empty. */
  readonly change: string;
  /** "2nd among sub-provincial cities", or empty (a rank figure has it as its figure). */
  readonly rank: string;
  /** The whole fact on one line: "more than 2.2 trillion yuan, up 6%". */
  readonly statement: string;
  /** The Chinese source quote as HTML (escaped, policy terms marked). */
  readonly quoteHtml: string;
  /** The reader-facing note on the figure, in the page language (never the editor's note). */
  readonly note?: string;
  readonly briefing?: { readonly title: string; readonly href: string };
}

/** Everything a page says about one figure, written once per language and reused by every view. */
export interface Figure {
  readonly figure: string;
  readonly change: string;
  readonly rank: string;
  readonly statement: string;
  /** "2025", or "2026 target". */
  readonly when: string;
}

/** The upper bound of a stated range ("5%–5.5%"), if the figure is one. */
export function upperOf(indicator: Indicator): Decimal | undefined {
  return indicator.quantity.upper;
}

export function figureView(indicator: Indicator, ctx: RenderContext, lang: Lang): Figure {
  return ctx.memo(`figure:${lang}`, indicator, () => {
    const lexicon = ctx.lexicon(lang);
    const figure = figureOf(indicator, ctx, lang);
    const change = indicator.change ? ctx.formatter(lang).change(indicator.change) : '';
    const rank = indicator.rank && measureOf(indicator) !== 'rank' ? ctx.formatter(lang).rank(indicator.rank) : '';
    const statement = [figure, change, rank].filter((s) => s !== '').join(lexicon.t('ui:comma'));
    return { figure, change, rank, statement, when: whenText(indicator, ctx, lang) };
  });
}

/** The headline figure of an indicator, written by what it measures. */
export function figureOf(indicator: Indicator, ctx: RenderContext, lang: Lang): string {
  const format = ctx.formatter(lang);
  const { quantity } = indicator;
  const measured = measureOf(indicator);
  if (measured === 'growth') {
    const { value, upper, qualifier } = quantity;
    return format.change({ value, unit: quantity.unit.base as ChangeUnit, qualifier, ...(upper && { upper }) });
  }
  if (measured === 'rank' && indicator.rank) return format.rank(indicator.rank);
  return format.amount(quantity);
}

/** When a figure holds: "2025", or "2026 target" for a target. */
export function whenText(indicator: Indicator, ctx: RenderContext, lang: Lang): string {
  const period = periodText(ctx, lang, indicator.input.period);
  return indicator.input.kind === 'target' ? ctx.lexicon(lang).t('ui:kind.targetFor', { period }) : period;
}

/** "2025", or a span "2021-2025" (zh "2021—2025年"), written by the same formatter as the figures. */
export function periodText(ctx: RenderContext, lang: Lang, period: Period): string {
  const { from, to } = periodSpan(period);
  return ctx.formatter(lang).period(from, to);
}

export function metricName(ctx: RenderContext, lang: Lang, metric: string): string {
  return ctx.lexicon(lang).t(`metrics:${metric}`);
}

export function regionName(ctx: RenderContext, lang: Lang, region: string): string {
  return ctx.lexicon(lang).t(`regions:${region}`);
}

/** One table row; `withBriefing` adds where the figure comes from (on pages spanning briefings). */
export function indicatorRow(indicator: Indicator, ctx: RenderContext, lang: Lang, withBriefing = false): IndicatorRow {
  const row = ctx.memo(`row:${lang}`, indicator, () => {
    const { input } = indicator;
    const lexicon = ctx.lexicon(lang);
    const figure = figureView(indicator, ctx, lang);
    return {
      anchor: `i-${input.id}`,
      metric: { name: metricName(ctx, lang, input.metric), href: ctx.href(routes.indicator(lang, input.metric)) },
      region: { name: regionName(ctx, lang, indicator.region), href: ctx.href(routes.region(lang, indicator.region)) },
      ...(input.kind === 'target' && { target: lexicon.t('ui:kind.target') }),
      period: periodText(ctx, lang, input.period),
      figure: figure.figure,
      change: figure.change,
      rank: figure.rank,
      statement: figure.statement,
      quoteHtml: termMarker(ctx, lang).markText(displayQuote(input.quote), 'zh'),
      ...(input.note?.[lang] && { note: input.note[lang] }),
    };
  });
  if (!withBriefing) return row;
  const briefing = indicator.briefing;
  return {
    ...row,
    briefing: { title: briefing.input.title[lang], href: `${ctx.href(routes.briefing(lang, briefing.id))}#${row.anchor}` },
  };
}

/** Newspaper sources wrap lines mid-sentence; a hard wrap inside Chinese text means nothing. */
function displayQuote(quote: string): string {
  return quote.replace(/\s*\n\s*/g, '');
}
