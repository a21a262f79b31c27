import type { Lang } from '../../i18n/languages';
import { type Indicator, yearOf } from '../../model/site';
import { type Decimal, shift, toNumber } from '../../quantity/decimal';
import type { RenderContext } from '../context';
import { type Figure, figureView, measureOf, periodText, upperOf } from './indicators';

/** One row of a bar chart: a category (a year, a region) and its figure, or a gap where none was stated. */
export interface ChartDatum {
  readonly label: string;
  readonly figure?: {
    readonly lower: number;
    /** The top of a stated range ("5%–5.5%"): drawn as a range, not a bar. */
    readonly upper?: number;
    /** The figure as written, unit and qualifier included ("more than 2.2 trillion yuan"). */
    readonly text: string;
    readonly target: boolean;
  };
}

export interface ChartView {
  readonly id: string;
  readonly title: string;
  readonly desc: string;
  readonly width: number;
  readonly height: number;
  readonly zeroX: number;
  readonly top: number;
  readonly bottom: number;
  readonly rows: ReadonlyArray<{
    readonly labelY: number;
    readonly label: string;
    readonly text: string;
    readonly bar?: { readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly target: boolean };
    readonly range?: { readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly target: boolean };
  }>;
}

/*
 * Horizontal bars, one text line above each bar: labels keep their size at any width (the SVG is
 * about as wide as a phone screen, so 16 units read as 14-16 px there) and long figures never collide.
 */
const WIDTH = 400;
const SIDE = 4;
const LINE = 22;
const BAR = 14;
const ROW = LINE + BAR + 10;
const TOP = 4;

/**
 * A bar chart drawn as inline SVG (no script, nothing the CSP forbids), zero baseline always in view,
 * with a <title> and <desc> for screen readers. Pure layout over ready-made labels: indicator pages
 * chart a region's years, comparison pages can chart regions of one year.
 */
export function barChart(id: string, title: string, desc: string, data: readonly ChartDatum[], noFigure: string): ChartView {
  const values = data.flatMap((d) => (d.figure ? [d.figure.lower, d.figure.upper ?? d.figure.lower] : []));
  const min = Math.min(0, ...values);
  const max = Math.max(0, ...values);
  const span = max - min || 1;
  const plot = WIDTH - 2 * SIDE;
  const x = (v: number) => round(SIDE + ((v - min) / span) * plot);
  const zeroX = x(0);
  const rows = data.map((d, k) => {
    const labelY = TOP + k * ROW + 16;
    const barY = TOP + k * ROW + LINE;
    if (!d.figure) return { labelY, label: d.label, text: noFigure };
    const { lower, upper, target, text } = d.figure;
    const from = Math.min(x(0), x(lower));
    const bar = { x: from, y: barY, w: round(Math.max(Math.abs(x(lower) - zeroX), 1)), h: BAR, target };
    const range =
      upper === undefined ? undefined : { x: x(Math.min(lower, upper)), y: barY, w: round(Math.max(Math.abs(x(upper) - x(lower)), 1)), h: BAR, target };
    return { labelY, label: d.label, text, bar, ...(range && { range }) };
  });
  const height = TOP + data.length * ROW;
  return { id, title, desc, width: WIDTH, height, zeroX, top: TOP, bottom: height, rows };
}

const CHARTED = new Set(['level', 'count', 'share', 'ratio', 'growth']);
const MAX_YEARS = 20;

/** A figure placed on a chart: a stated figure, a target, or the change stated beside a level. */
interface Point {
  readonly year: number;
  readonly target: boolean;
  readonly datum: ChartDatum;
}

/**
 * The charts of one metric in one region: one per measure and unit (amounts in yuan, growth in %),
 * the years in order with the missing ones as one gap, the latest report's figure for each year and
 * each year's target beside it. Only groups with at least two figures are charted.
 */
export function regionCharts(metric: string, region: string, series: readonly Indicator[], ctx: RenderContext, lang: Lang): ChartView[] {
  const lexicon = ctx.lexicon(lang);
  const groups = new Map<string, Map<string, Point>>();
  const place = (key: string, point: Point) => {
    const group = groups.get(key) ?? new Map<string, Point>();
    group.set(`${point.year}:${point.target ? 1 : 0}`, point); // oldest report first: the latest wins
    groups.set(key, group);
  };
  for (const i of series) {
    // a span (十四五期间, 2021-2025) is no one year's bar; its figure is in the table
    if (typeof i.input.period !== 'number') continue;
    const measure = measureOf(i);
    const year = yearOf(i.input.period);
    const target = i.input.kind === 'target';
    if (CHARTED.has(measure)) place(`${measure === 'growth' ? 'growth' : 'amount'}:${i.quantity.unit.base}`, { year, target, datum: datum(i, ctx, lang) });
    if (i.change && measure !== 'growth') {
      const text = figureView(i, ctx, lang).change;
      place(`growth:${i.change.unit}`, {
        year,
        target,
        datum: { label: figureView(i, ctx, lang).when, figure: { lower: toNumber(i.change.value), text, target } },
      });
    }
  }
  const charts: ChartView[] = [];
  for (const [key, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (group.size < 2) continue;
    const years = [...new Set([...group.values()].map((p) => p.year))].sort((a, b) => a - b);
    const last = years[years.length - 1] ?? 0;
    const first = Math.max(years[0] ?? 0, last - MAX_YEARS + 1);
    const data: ChartDatum[] = [];
    let gapFrom: number | undefined;
    for (let year = first; year <= last; year++) {
      const target = group.get(`${year}:1`);
      const stated = group.get(`${year}:0`);
      if (!target && !stated) {
        gapFrom ??= year;
        continue;
      }
      if (gapFrom !== undefined) data.push({ label: periodText(ctx, lang, gapFrom === year - 1 ? gapFrom : { from: gapFrom, to: year - 1 }) });
      gapFrom = undefined;
      if (target) data.push(target.datum);
      if (stated) data.push(stated.datum);
    }
    const growth = key.startsWith('growth');
    const vars = { metric: lexicon.t(`metrics:${metric}`), region: lexicon.t(`regions:${region}`) };
    const noFigure = lexicon.t('ui:chart.noFigure');
    charts.push(
      barChart(
        `chart-${metric}-${region}-${growth ? 'growth' : 'amount'}-${key.split(':')[1]}`,
        lexicon.t(growth ? 'ui:chart.growthTitle' : 'ui:chart.title', vars),
        [lexicon.t('ui:chart.desc', vars), ...data.map((d) => lexicon.t('ui:chart.bar', { period: d.label, figure: d.figure?.text ?? noFigure }))].join(
          lexicon.t('ui:separator'),
        ),
        data,
        noFigure,
      ),
    );
  }
  return charts;
}

function datum(indicator: Indicator, ctx: RenderContext, lang: Lang): ChartDatum {
  const figure: Figure = figureView(indicator, ctx, lang);
  const scale = measureOf(indicator) === 'growth' ? 0 : indicator.quantity.unit.scale;
  const number = (d: Decimal) => toNumber(shift(d, scale));
  const upper = upperOf(indicator);
  return {
    label: figure.when,
    figure: { lower: number(indicator.quantity.value), ...(upper && { upper: number(upper) }), text: figure.figure, target: indicator.input.kind === 'target' },
  };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
