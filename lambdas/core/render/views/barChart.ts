/** One row of a bar chart: a category (a region, a year) and its figure, or a gap where none was stated. */
export interface ChartDatum {
  readonly label: string;
  readonly figure?: {
    readonly lower: number;
    /** The top of a stated range ("5%–5.5%"): drawn as a range, not a bar. */
    readonly upper?: number;
    /** The figure as written, unit and qualifier included ("about 5.5%"). */
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
 * Horizontal bars, one text line above each bar, so labels keep their size at any width and long
 * figures never collide. The SVG is about as wide as a phone screen.
 */
const WIDTH = 400;
const SIDE = 4;
const LINE = 22;
const BAR = 14;
const ROW = LINE + BAR + 10;
const TOP = 4;

/**
 * A bar chart as inline SVG (no script, nothing the CSP forbids): the zero baseline always in
 * view, a range drawn as a band from its lower to its upper bound on top of the bar to its lower
 * bound, a <title> and <desc> for screen readers. Pure layout over ready-made labels.
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
    const bar = { x: Math.min(zeroX, x(lower)), y: barY, w: round(Math.max(Math.abs(x(lower) - zeroX), 1)), h: BAR, target };
    const range = upper === undefined ? undefined : { x: x(Math.min(lower, upper)), y: barY, w: round(Math.max(Math.abs(x(upper) - x(lower)), 1)), h: BAR, target };
    return { labelY, label: d.label, text, bar, ...(range && { range }) };
  });
  const height = TOP + data.length * ROW;
  return { id, title, desc, width: WIDTH, height, zeroX, top: TOP, bottom: height, rows };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
