import { type Decimal, abs, compare, decimal, shift, toPlain } from '../quantity/decimal';
import { foldFigureText } from '../quantity/normalise';
import { type ChineseVocabulary, type FigureAt, readFigureAt } from '../quantity/parseChinese';
import { parseUnitKey } from '../quantity/unit';
import { listUnitAfter } from '../quantity/vocabulary';
import type { IndicatorInput } from './schema';

/**
 * Every amount and change the figure grammar reads in a quote, as exact totals (value × multiplier):
 * `超2.2万亿元、增长6%` → 2.2 × 10^12 and 6.
 */
export function quoteTotals(written: string, vocabulary: ChineseVocabulary): Decimal[] {
  return quoteFigures(written, vocabulary).flatMap((f) => f.totals);
}

/** A figure of a quote as the grammar reads it: its unit base, its bounds as exact totals, its text. */
export interface QuoteFigure {
  /** The unit base (`yuan`, `mu`) of an amount; `percent`, `points` or `times` for a change. */
  readonly base: string;
  /** value (and upper, for a range), × multiplier, unsigned. */
  readonly totals: readonly Decimal[];
  readonly text: string;
}

export function quoteFigures(written: string, vocabulary: ChineseVocabulary): QuoteFigure[] {
  // layout whitespace (`445 亿元`, a line break mid-figure) is not part of a figure
  const quote = written.replace(/\s+/g, '');
  const figures: QuoteFigure[] = [];
  for (let at = 0; at < quote.length; at++) {
    // a figure starts at a number (or the word before it: 增长, 比上年, 超) and never inside one
    if (isNumberChar(quote[at - 1] ?? '') || !STARTS.test(quote[at] ?? '')) continue;
    const found = readFigureAt(quote, at, vocabulary, { numerals: true });
    if (!found) continue;
    const text = quote.slice(at, at + found.length);
    const read = found.figure.kind === 'amount' ? found.figure.quantity.unit.base : found.figure.change.unit;
    // `分别提高0.3、0.5个百分点`, `快于全国3.4个、1个百分点`: a list writes its unit once, after its last figure.
    const rest = quote.slice(at + found.length);
    const listed = read === 'number' ? listUnitAfter(rest) : read === 'item' && text.endsWith('个') ? listUnitAfter(rest, true) : undefined;
    const base = listed === undefined ? read : listed === '个百分点' ? 'points' : 'percent';
    figures.push({ base, totals: totalsOf(found), text });
  }
  return figures;
}

/** Characters a figure can start with: digits, numerals, and the first characters of the words before numbers. */
const STARTS = /[0-9０-９〇零一二两三四五六七八九十百千万亿上近约超逾突达不控接将力争增提上下降减回比高低翻倍]/;

function isNumberChar(char: string): boolean {
  return /[0-9０-９.．〇零一二两三四五六七八九十百千万亿]/.test(char);
}

function totalsOf({ figure }: FigureAt): Decimal[] {
  const { value, upper } = figure.kind === 'amount' ? figure.quantity : figure.change;
  const scale = figure.kind === 'amount' ? figure.quantity.unit.scale : 0;
  return [value, ...(upper ? [upper] : [])].map((bound) => abs(shift(bound, scale)));
}

/**
 * Why an indicator's figure is not in its own quote, or undefined when it is: a check that the
 * value (and upper bound) an editor typed is the one the source states (`value: 2.3` for `超2.2万亿元`).
 * Ranks are read from `第N位` by their own rule and not checked here.
 */
export function figureNotInQuote(indicator: IndicatorInput, vocabulary: ChineseVocabulary): string | undefined {
  const measured = indicator.kind === 'target' ? (indicator.measure ?? 'level') : indicator.kind;
  const unit = parseUnitKey(indicator.unit);
  if (measured === 'rank' || !unit) return undefined;
  const bounds = [indicator.value, indicator.upper].filter((n): n is number => n !== undefined).map((n) => abs(decimal(n)));
  // Most quotes write the number as the data does (`2.2` in 超2.2万亿元): the grammar reads the rest.
  let compact: string | undefined;
  const unread = bounds.filter((bound) => {
    const plain = toPlain(bound);
    if (writesNumber(indicator.quote, plain)) return false;
    compact ??= foldFigureText(indicator.quote.replace(/\s+/g, ''));
    return !writesNumber(compact, plain);
  });
  if (unread.length === 0) return undefined;
  const totals = quoteTotals(indicator.quote, vocabulary);
  const missing = unread.find((bound) => !totals.some((total) => compare(total, shift(bound, unit.scale)) === 0));
  return missing === undefined ? undefined : `${toPlain(missing)} ${indicator.unit} is not a figure of the quote "${indicator.quote}"`;
}

/** Whether `number` is written in `text` as a whole number, not inside a longer one (2 is not in 2.2). */
function writesNumber(text: string, number: string): boolean {
  for (let at = text.indexOf(number); at >= 0; at = text.indexOf(number, at + 1)) {
    const before = text[at - 1] ?? '';
    const after = text.slice(at + number.length, at + number.length + 2);
    if (!/[\d.]/.test(before) && !/^(?:\d|\.\d)/.test(after)) return true;
  }
  return false;
}
