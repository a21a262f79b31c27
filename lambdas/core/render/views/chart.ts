import type { Lang } from '../../i18n/languages';
import type { Indicator } from '../../model/site';
import { shift, toNumber } from '../../quantity/decimal';
import type { RenderContext } from '../context';
import { periodText } from './indicators';

export interface ChartView {
  readonly id: string;
  readonly title: string;
  readonly caption: string;
  readonly width: number;
  readonly height: number;
  readonly baseline: number;
  readonly bars: ReadonlyArray<{
    readonly x: number;
    readonly y: number;
    readonly w: number;
    readonly h: number;
    readonly cx: number;
    readonly valueY: number;
    readonly labelY: number;
    readonly period: string;
    readonly value: string;
    /** The full figure with its year, for the bar's tooltip. */
    readonly tooltip: string;
  }>;
}

const WIDTH = 640;
const HEIGHT = 260;
const TOP = 28;
const BOTTOM = 36;
const SIDE = 16;
const MAX_BARS = 20;
const CHARTED = new Set(['level', 'count', 'share', 'ratio']);

/**
 * A bar chart of one metric over the years, drawn as inline SVG (no script, nothing the CSP
 * forbids): stated figures only (no targets), in the unit most of them use (亿元 and 万亿元 alike), the latest report's
 * figure for each year. None when fewer than two years remain.
 */
export function metricChart(metric: string, series: readonly Indicator[], ctx: RenderContext, lang: Lang): ChartView | undefined {
  const stated = series.filter((i) => CHARTED.has(i.input.kind) && i.quantity.value.sign > 0);
  const counts = new Map<string, number>();
  for (const i of stated) counts.set(i.quantity.unit.base, (counts.get(i.quantity.unit.base) ?? 0) + 1);
  const base = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const byPeriod = new Map<number, Indicator>();
  // series is oldest first: the latest report wins; spans (十四五期间) and ranges are not bars of one year
  for (const i of stated) if (i.quantity.unit.base === base && typeof i.input.period === 'number' && !i.quantity.upper) byPeriod.set(i.input.period, i);
  const points = [...byPeriod.entries()].sort((a, b) => a[0] - b[0]).slice(-MAX_BARS);
  if (points.length < 2) return undefined;

  const format = ctx.formatter(lang);
  const lexicon = ctx.lexicon(lang);
  const values = points.map(([, i]) => toNumber(shift(i.quantity.value, i.quantity.unit.scale)));
  const max = Math.max(...values);
  // Checked documents keep figures finite; a bar the float scale cannot place is no chart at all (never y="NaN").
  if (!Number.isFinite(max) || max <= 0) return undefined;
  const plot = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - 2 * SIDE) / points.length;
  const w = Math.min(56, slot * 0.7);
  const round = (n: number) => Math.round(n * 10) / 10;
  const name = lexicon.t(`metrics:${metric}`);
  return {
    id: `chart-${metric}`,
    title: lexicon.t('ui:chart.title', { metric: name }),
    caption: lexicon.t('ui:chart.caption', { metric: name }),
    width: WIDTH,
    height: HEIGHT,
    baseline: TOP + plot,
    bars: points.map(([period, indicator], k) => {
      const h = ((values[k] ?? 0) / max) * plot;
      const cx = SIDE + slot * k + slot / 2;
      return {
        x: round(cx - w / 2),
        y: round(TOP + plot - h),
        w: round(w),
        h: round(h),
        cx: round(cx),
        valueY: round(TOP + plot - h - 6),
        labelY: TOP + plot + 20,
        period: periodText(ctx, lang, period),
        value: format.number(indicator.quantity.value, indicator.quantity.unit),
        tooltip: lexicon.t('ui:chart.bar', { period: periodText(ctx, lang, period), figure: format.amount(indicator.quantity) }),
      };
    }),
  };
}
