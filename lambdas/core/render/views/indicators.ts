import type { Lang } from '../../i18n/languages';
import { type Period, periodSpan } from '../../model/schema';
import type { Indicator } from '../../model/site';
import type { ChangeUnit } from '../../quantity/types';
import type { RenderContext } from '../context';
import { routes } from '../routes';
import { termMarker } from '../terms';

export interface IndicatorRow {
  readonly anchor: string;
  readonly metric: { readonly name: string; readonly href: string };
  readonly target?: string;
  readonly period: string;
  readonly figure: string;
  readonly change: string;
  /** The Chinese source quote as HTML (escaped, policy terms marked). */
  readonly quoteHtml: string;
  /** The editor's note on the figure, in the page language. */
  readonly note?: string;
  readonly briefing?: { readonly title: string; readonly href: string };
}

/** The headline figure of an indicator, written by what it measures. */
export function figureOf(indicator: Indicator, ctx: RenderContext, lang: Lang): string {
  const format = ctx.formatter(lang);
  const { input, quantity } = indicator;
  const measured = input.kind === 'target' ? (input.measure ?? 'level') : input.kind;
  if (measured === 'growth') {
    const { value, upper, qualifier } = quantity;
    return format.change({ value, unit: quantity.unit.base as ChangeUnit, qualifier, ...(upper && { upper }) });
  }
  if (measured === 'rank' && indicator.rank) return format.rank(indicator.rank);
  return format.amount(quantity);
}

/** Change and rank beside the headline figure: "up 6%", "3rd among sub-provincial cities". */
export function sideNotes(indicator: Indicator, ctx: RenderContext, lang: Lang): string[] {
  const format = ctx.formatter(lang);
  const measured = indicator.input.kind === 'target' ? (indicator.input.measure ?? 'level') : indicator.input.kind;
  const notes: string[] = [];
  if (indicator.change) notes.push(format.change(indicator.change));
  if (indicator.rank && measured !== 'rank') notes.push(format.rank(indicator.rank));
  return notes;
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

/** One table row; `withBriefing` adds where the figure comes from (on pages spanning briefings). */
export function indicatorRow(indicator: Indicator, ctx: RenderContext, lang: Lang, withBriefing = false): IndicatorRow {
  const row = ctx.memoShared(`row:${lang}`, indicator, () => {
    const { input } = indicator;
    const lexicon = ctx.lexicon(lang);
    const metric = { name: metricName(ctx, lang, input.metric), href: ctx.href(routes.indicator(lang, input.metric)) };
    return {
      anchor: `i-${input.id}`,
      metric,
      ...(input.kind === 'target' && { target: lexicon.t('ui:kind.target') }),
      period: periodText(ctx, lang, input.period),
      figure: figureOf(indicator, ctx, lang),
      change: sideNotes(indicator, ctx, lang).join(lexicon.t('ui:separator')),
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
