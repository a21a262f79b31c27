import { type Decimal, compare, decimal, isZero, negate, shift, toNumber } from './decimal';
import { foldFigureText } from './normalise';
import { readFractionInWords, readNumeral } from './numerals';
import type { Change, Qualifier, Quantity, Rank, Reference } from './types';
import { RATE_BASES, parseUnitKey, unitKey } from './unit';
import { AIM_PREFIXES, CHANGE_VERBS, type ChineseVocabulary, MORE_THAN_INFIXES, NOT_QUALIFIERS, QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES } from './vocabulary';

/**
 * One figure of a Chinese report, typed: what `parseFigure` reads and `formatFigure` writes.
 *
 *     "50亿至80亿元"          → amount 50..80 yuan_1e8
 *     "600多家"              → amount more_than 600 company
 *     "比上年提高1.2个百分点"  → change +1.2 points against previous_year
 *     "居全国第二"            → rank 2 among nationwide
 *     "前10%"                → top 10%
 *     "千亿级"                → tier 10^11
 *     "达万亿级规模"          → amount about 1 × 万亿
 *     "1/10以上"              → fraction at_least 1/10 (a share written as a fraction)
 *     "二〇三〇年"            → period 2030 (from = to)
 *     "2026—2030年"          → period 2026..2030
 *     "十五五"                → plan 15 (2026–2030)
 *     "2021—2025年年均增长5.2%" → change +5.2 percent, a yearly average over 2021..2025
 *     "2021—2025年累计增长2.4倍" → change +2.4 times over 2021..2025, the whole change
 */
export type Figure =
  | { readonly kind: 'amount'; readonly quantity: Quantity }
  | { readonly kind: 'change'; readonly change: Change }
  | { readonly kind: 'rank'; readonly rank: Rank }
  | { readonly kind: 'top'; readonly value: Decimal; readonly percent: boolean; readonly peers?: string }
  | { readonly kind: 'tier'; readonly power: number }
  | { readonly kind: 'fraction'; readonly numerator: number; readonly denominator: number; readonly qualifier: Qualifier }
  | { readonly kind: 'period'; readonly from: number; readonly to: number }
  | { readonly kind: 'plan'; readonly plan: number; readonly from: number; readonly to: number };

/** The name the extractor and older callers know. */
export type Statement = Figure;

/** A text the grammar cannot read: which text, which part of it (and where), and why. */
export class FigureParseError extends Error {
  override name = 'FigureParseError';

  constructor(
    readonly text: string,
    /** Offset of the unreadable part in `text`, in UTF-16 units. */
    readonly at: number,
    readonly part: string,
    readonly reason: string,
  ) {
    super(`"${text}": ${part ? `cannot read "${part}" (character ${at + 1}): ` : ''}${reason}`);
  }
}
export const ChineseParseError = FigureParseError;

const byLength = <T>(pairs: ReadonlyArray<readonly [string, T]>) => [...pairs].sort((a, b) => b[0].length - a[0].length);
const PREFIXES = byLength<Qualifier>([...QUALIFIER_PREFIXES, ['逾', 'more_than']]);
const SUFFIXES = byLength(QUALIFIER_SUFFIXES);
const VERBS = byLength(CHANGE_VERBS);
const AIMS = AIM_PREFIXES.map((w) => [w, true] as const);
const MORE_THAN = MORE_THAN_INFIXES.map((w) => [w, true] as const);
/** Between the bounds of a range: `4%—4.5%`, `4.5-5%`, `50亿至80亿元`, `5%到5.5%`. */
const RANGE_SEPARATORS = byLength([
  ['——', true],
  ['—', true],
  ['-', true],
  ['~', true],
  ['至', true],
  ['到', true],
] as const);
/** After 比 + reference: a gap (`比全国高0.5个百分点`), not a change. */
const GAP_WORDS = byLength<1 | -1>([
  ['高于', 1],
  ['低于', -1],
  ['高出', 1],
  ['高', 1],
  ['低', -1],
]);
/** Verbs of standing (`居全国第三`) and of entering a top group (`跻身全国前十`): the figure is the place, not the move. */
const RANK_VERBS = ['位居', '位列', '排名', '排在', '稳居', '跃居', '跻身', '进入', '居', '排'];
const NUMERAL_CLASS = '〇零一二两三四五六七八九十百千';

const PLAN = /^["“]?(十[一二三四五六七八九]?)五["”]?(?:规划|时期|期间)?$/;
const YEAR_WORD = '(\\d{4}|[〇一二三四五六七八九]{4})';
const YEARS = new RegExp(`^${YEAR_WORD}(?:年?(?:—|-|~|至|到)${YEAR_WORD})?年$`);
const TIER = /^(.+)级$/;
/** `2021—2025年年均增长5.2%`, `力争2026—2030年累计增长1倍`: a change over the years that stand before it. */
const SPANNED = new RegExp(`^(力争)?(${YEAR_WORD}(?:年?(?:—|-|~|至|到)${YEAR_WORD})?年)(年均|累计)`);
/** 年均 or 累计 with no years before it: a change over years the text does not name. */
const UNSPANNED = /^(?:力争)?(年均|累计)(?=增长|下降|提高|降低|减少|增加)/;
const RANK = new RegExp(`^(${RANK_VERBS.join('|')})?(.*?)(第|前)(\\d+(?:\\.\\d+)?|[${NUMERAL_CLASS}]+)(%|位|名)?$`);

/**
 * Reads one figure as Chinese reports write it (full-width digits and signs folded first).
 * Never guesses: a text it cannot read throws a FigureParseError naming the part it could not read.
 */
export function parseFigure(input: string, vocabulary: ChineseVocabulary): Figure {
  const lead = input.length - input.trimStart().length;
  const reader = new Reader(foldFigureText(input.trim()), input, lead);
  if (reader.text === '') reader.fail('no number found');
  return (
    plan(reader) ??
    period(reader) ??
    sizeClass(reader, vocabulary) ??
    tier(reader, vocabulary) ??
    fraction(reader) ??
    rankOrTop(reader, vocabulary) ??
    spannedChange(reader, vocabulary) ??
    changeOrAmount(reader, vocabulary)
  );
}

/** The older name: same grammar. */
export const parseChinese = parseFigure;

export interface FigureAt {
  readonly figure: Extract<Figure, { kind: 'amount' | 'change' }>;
  /** UTF-16 units read from `at`. */
  readonly length: number;
}

export interface RunningTextOptions {
  /** Read Chinese numerals (`两万`, `三成`, `上千`) too; off by default, since running text is full of 一/两/三 words. */
  readonly numerals?: boolean;
}

/**
 * For running text (the extractor): the longest amount or change that starts at `text[at]`, e.g.
 * at `增长4.5%—5%，` → change 4.5..5 percent, length 10. The text must be folded like the
 * extractor's compact text (full-width ASCII → ASCII); dashes are folded here. Undefined when no
 * figure starts there; a range that does not read as one falls back to its first bound.
 */
export function readFigureAt(text: string, at: number, vocabulary: ChineseVocabulary, options: RunningTextOptions = {}): FigureAt | undefined {
  const window = foldFigureText(text.slice(at, at + MAX_FIGURE_LENGTH));
  const reader = new Reader(window, window, 0, { partial: true, numerals: options.numerals ?? false });
  try {
    const figure = changeOrAmount(reader, vocabulary);
    return figure.kind === 'amount' || figure.kind === 'change' ? { figure, length: reader.at } : undefined;
  } catch (error) {
    if (error instanceof FigureParseError) return undefined;
    throw error;
  }
}

/** What a running-text read throws where no figure starts (readFigureAt answers undefined). */
const NO_FIGURE_HERE = new FigureParseError('', 0, '', 'no figure starts here');

/** Longer than any figure a report writes (`比上年同期增长不低于12345.6789%—23456.789%左右`). */
const MAX_FIGURE_LENGTH = 64;

class Reader {
  at = 0;

  constructor(
    readonly text: string,
    readonly original: string,
    readonly lead: number,
    /** Running text: the figure may be followed by more text, and Chinese numerals are read only when asked. */
    readonly running: { readonly partial: boolean; readonly numerals: boolean } = { partial: false, numerals: true },
  ) {}

  /** The figure must end here, unless it is read from running text. */
  end(reason: string): void {
    if (!this.running.partial && !this.done()) this.fail(reason);
  }

  get rest(): string {
    return this.text.slice(this.at);
  }

  done(): boolean {
    return this.at >= this.text.length;
  }

  /** The value of the longest word of `pairs` at the cursor, which moves past it. */
  eat<T>(pairs: ReadonlyArray<readonly [string, T]>): T | undefined {
    const found = pairs.find(([word]) => word !== '' && this.text.startsWith(word, this.at));
    if (!found) return undefined;
    this.at += found[0].length;
    return found[1];
  }

  fail(reason: string, from = this.at, length?: number): never {
    // In running text a miss is routine (most places are not figures) and its reason unread (readFigureAt answers
    // undefined): one shared error, no stack to capture. A size class's sub-reader (powerOfTen) still builds its own.
    if (this.running.partial) throw NO_FIGURE_HERE;
    const part = this.text.slice(from, length === undefined ? undefined : from + length);
    throw new FigureParseError(this.original.trim(), from + this.lead, part, reason);
  }
}

function plan(reader: Reader): Figure | undefined {
  const match = PLAN.exec(reader.text);
  const number = match && readNumeral(match[1] ?? '', 0)?.value;
  if (!number) return undefined;
  // Plans run in five-year steps from the 3rd (1966–1970); the 1963–65 gap comes before it.
  const n = toNumber(number);
  const from = 1966 + 5 * (n - 3);
  return { kind: 'plan', plan: n, from, to: from + 4 };
}

/** `2030年`, `二〇三〇年`, `2026—2030年`: a year or a span of years, not an amount of years. */
function period(reader: Reader): Figure | undefined {
  const match = YEARS.exec(reader.text);
  if (!match) return undefined;
  const yearOf = (written: string) => {
    const numeral = readNumeral(written, 0);
    return /^\d+$/.test(written) ? Number(written) : numeral && numeral.length === written.length ? toNumber(numeral.value) : NaN;
  };
  const from = yearOf(match[1] ?? '');
  const to = match[2] === undefined ? from : yearOf(match[2]);
  if (!Number.isInteger(from) || !Number.isInteger(to)) return undefined;
  if (to <= from && match[2] !== undefined) reader.fail('a span of years ends after it starts');
  return { kind: 'period', from, to };
}

/** `千亿级`, `百亿级`, `10亿级`: a size class, a power of ten. */
function tier(reader: Reader, vocabulary: ChineseVocabulary): Figure | undefined {
  const inner = TIER.exec(reader.text)?.[1];
  const size = inner ? powerOfTen(reader, inner, vocabulary) : undefined;
  return size ? { kind: 'tier', power: shift(size.value, size.scale).exponent } : undefined;
}

/** The power of ten a size class (`千亿`, `10亿` before 级) names, as written; none when `inner` is not a bare amount. */
function powerOfTen(reader: Reader, inner: string, vocabulary: ChineseVocabulary) {
  const sub = new Reader(inner, reader.text, 0);
  const bound = readBound(sub, vocabulary, { bareMultiplier: true });
  if (!bound || !sub.done() || bound.base || bound.moreThan || bound.atLeast) return undefined;
  const total = shift(bound.value, bound.scale);
  if (total.digits !== '1' || total.exponent < 1) reader.fail('a size class (级) is a power of ten', reader.text.indexOf(inner), inner.length);
  return bound;
}

const FRACTION = /^(\d+)\/(\d+)/;

/**
 * `1/3`, `超1/4`, `1/10以上`, `三分之一`: a share written as a proper fraction of whole numbers, kept as
 * written (1/3 has no exact decimal).
 */
function fraction(reader: Reader): Figure | undefined {
  const prefix = reader.eat(PREFIXES);
  const digits = FRACTION.exec(reader.rest);
  const words = digits ? undefined : readFractionInWords(reader.rest, 0);
  if (!digits && !words) {
    reader.at = 0;
    return undefined;
  }
  const written = digits?.[0] ?? reader.rest.slice(0, words?.length);
  const [numerator, denominator] = digits ? [Number(digits[1]), Number(digits[2])] : [words!.numerator, words!.denominator];
  if (numerator < 1 || numerator >= denominator)
    reader.fail('a fraction is a share: its numerator is at least 1 and less than its denominator', reader.at, written.length);
  reader.at += written.length;
  const suffix = eatSuffix(reader);
  reader.end(`nothing but a qualifier may follow a fraction (${written})`);
  if (prefix && suffix && prefix !== 'reached') reader.fail(`two qualifiers (${prefix}, ${suffix}): say which one the figure has`, 0);
  return { kind: 'fraction', numerator, denominator, qualifier: suffix ?? prefix ?? 'exact' };
}

const SIZE_CLASS = /^(?:达到|达)?(.+)级规模$/;

/** `达万亿级规模`: an amount stated by its size class is about one of it (`千亿级规模` is about 1000亿). */
function sizeClass(reader: Reader, vocabulary: ChineseVocabulary): Figure | undefined {
  const inner = SIZE_CLASS.exec(reader.text)?.[1];
  const size = inner ? powerOfTen(reader, inner, vocabulary) : undefined;
  return size ? { kind: 'amount', quantity: { value: size.value, unit: parseUnitKey(unitKey('number', size.scale))!, qualifier: 'about' } } : undefined;
}

function rankOrTop(reader: Reader, vocabulary: ChineseVocabulary): Figure | undefined {
  const match = RANK.exec(reader.text);
  if (!match) return undefined;
  const [, , peersWord = '', mark, written = '', suffix] = match;
  const at = reader.text.length - written.length - (suffix?.length ?? 0);
  const ascii = /^\d/.test(written);
  const numeral = ascii ? undefined : readNumeral(written, 0);
  if (!ascii && (!numeral || numeral.length !== written.length || numeral.scale > 0)) reader.fail('not a number', at, written.length);
  const value = numeral ? numeral.value : decimal(written);
  const peers = peersWord === '' ? undefined : lookupPeers(peersWord, vocabulary, reader);
  if (mark === '前') return { kind: 'top', value, percent: suffix === '%', ...(peers && { peers }) };
  if (suffix === '%' || value.exponent < 0 || isZero(value)) reader.fail('a rank is a whole number', at, written.length);
  return { kind: 'rank', rank: { position: toNumber(value), ...(peers && { peers }) } };
}

function lookupPeers(word: string, vocabulary: ChineseVocabulary, reader: Reader): string {
  const key = vocabulary.peers.find(([peerWord]) => peerWord === word)?.[1];
  if (!key) reader.fail('unknown peer group (add it to locales/*/peers.json)', reader.text.indexOf(word), word.length);
  return key;
}

/**
 * A change over the years written before it, as `formatFigure` writes one in Chinese: 年均 makes it the average
 * change a year, 累计 the whole change. Without its years the claim has no period, so it is refused, not guessed.
 */
function spannedChange(reader: Reader, vocabulary: ChineseVocabulary): Figure | undefined {
  const unspanned = UNSPANNED.exec(reader.text);
  if (unspanned) reader.fail(`${unspanned[1]} is a change over years: name them (2021—2025年${unspanned[1]}增长5%)`, unspanned.index, unspanned[0].length);
  const match = SPANNED.exec(reader.text);
  if (!match) return undefined;
  const [whole, aim = '', years = '', , , marker] = match;
  const span = period(new Reader(years, reader.original, reader.lead + aim.length));
  if (span?.kind !== 'period' || span.from === span.to) reader.fail(`${marker} needs a span of two years or more`, aim.length, years.length);
  // The change reads from 力争 (its aim) on, with its offsets still those of the whole text.
  const rest: Reader = new Reader(aim + reader.text.slice(whole.length), reader.original, reader.lead + whole.length - aim.length);
  const figure = changeOrAmount(rest, vocabulary);
  if (figure.kind !== 'change') rest.fail(`${marker} needs a change after it (增长, 下降, …)`, aim.length);
  if (marker === '年均' && figure.change.unit === 'doubling') rest.fail('a doubling (翻番) is a whole change, never a yearly average: write 累计', aim.length);
  const { from, to } = span;
  return { kind: 'change', change: { ...figure.change, ...(marker === '年均' ? { averageOver: { from, to } } : { over: { from, to } }) } };
}

/** A qualifier written after the figure (`以上`, `左右`), unless it starts a word of its own (`上下游`). */
function eatSuffix(reader: Reader): Qualifier | undefined {
  return NOT_QUALIFIERS.test(reader.rest) ? undefined : reader.eat(SUFFIXES);
}

function changeOrAmount(reader: Reader, vocabulary: ChineseVocabulary): Figure {
  const aim = reader.eat(AIMS) ?? false;
  // 翻一番, 翻了一番, 翻两番, 翻番; 倍增 is one doubling
  const doubling = /^(?:翻了?(一|两|二|三|四|[1-9])?番|倍增)/.exec(reader.rest);
  if (doubling) {
    reader.at += doubling[0].length;
    const n = doubling[1] ? Number(readNumeral(doubling[1], 0)?.value.digits ?? doubling[1]) : 1;
    reader.end('nothing may follow 翻番');
    return { kind: 'change', change: { value: decimal(n), unit: 'doubling', qualifier: aim ? 'aim' : 'exact' } };
  }

  let against: Reference | undefined;
  let sign: 1 | -1 | undefined;
  const start = reader.at;
  const referenceAt = (word: string) =>
    reader.rest.startsWith(word) && vocabulary.references.some(([ref]) => reader.text.startsWith(ref, reader.at + word.length));
  if (reader.eat([['比', true]])) {
    const reference = reader.eat(vocabulary.references) ?? reader.fail('unknown reference after 比 (add it to locales/*/ui.json reference)');
    const gap = reader.eat(GAP_WORDS);
    if (gap) [sign, against] = [gap, { reference, relation: 'gap' }];
    else {
      sign = reader.eat(VERBS) ?? reader.fail('a comparison with 比 needs a verb (增长, 提高, 下降, …) or 高/低');
      against = { reference, relation: 'change' };
    }
  } else if (referenceAt('高于') || referenceAt('低于')) {
    sign = reader.eat(GAP_WORDS);
    against = { reference: reader.eat(vocabulary.references) as string, relation: 'gap' };
  } else {
    sign = reader.eat(VERBS);
  }

  const amount = readAmount(reader, vocabulary, aim);
  if (sign === undefined) return { kind: 'amount', quantity: amount };
  const { unit } = amount;
  if (unit.scale !== 0 || !['percent', 'points', 'times'].includes(unit.base)) {
    reader.fail('a change must be in %, 个百分点 or 倍', start);
  }
  const { value, upper } =
    sign > 0 ? amount : { value: amount.upper ? negate(amount.upper) : negate(amount.value), upper: amount.upper && negate(amount.value) };
  const change: Change = { value, unit: unit.base as Change['unit'], qualifier: amount.qualifier, ...(upper && { upper }), ...(against && { against }) };
  return { kind: 'change', change };
}

interface Bound {
  readonly start: number;
  readonly value: Decimal;
  /** Power of ten of the multiplier written (万 = 4), 0 without. */
  readonly scale: number;
  readonly scaleWritten: boolean;
  readonly base?: string;
  /** 多/余 after the number or its multiplier. */
  readonly moreThan: boolean;
  /** 上千, 上万: at least a thousand. */
  readonly atLeast: boolean;
}

const ASCII_NUMBER = /^\d+(?:\.\d+)?/;

/** A number with what is written right after it: `20余万人`, `两万`, `4000余名志愿者`, `3.2万套(间)`. */
function readBound(reader: Reader, vocabulary: ChineseVocabulary, options: { bareMultiplier?: boolean } = {}): Bound | undefined {
  const start = reader.at;
  const atLeast = /^上[百千万亿]/.test(reader.rest);
  if (atLeast) reader.at++;
  let value: Decimal;
  let scale = 0;
  const ascii = ASCII_NUMBER.exec(reader.rest)?.[0];
  if (ascii) {
    value = decimal(ascii);
    reader.at += ascii.length;
  } else {
    const numeral = reader.running.numerals ? readNumeral(reader.text, reader.at) : undefined;
    // 万人 or 亿元 alone state no number; 上万人 (at least ten thousand) and 万亿级 do.
    const bare = /^[万亿]/.test(reader.rest) && !atLeast && !options.bareMultiplier;
    if (!numeral || bare) {
      reader.at = start;
      return undefined;
    }
    ({ value, scale } = numeral);
    reader.at += numeral.length;
  }
  const scaleWritten = scale > 0;
  let moreThan = reader.eat(MORE_THAN) ?? false;
  if (!scaleWritten) {
    const power = reader.eat(vocabulary.multipliers);
    if (power !== undefined) scale = power;
  }
  moreThan = (reader.eat(MORE_THAN) ?? false) || moreThan;
  const base = reader.eat(vocabulary.units) ?? (scale === 0 ? reader.eat(vocabulary.figureUnits) : undefined);
  if (base && RATE_BASES.has(base)) moreThan = (reader.eat(MORE_THAN) ?? false) || moreThan; // 1倍多, 5%多
  return { start, value, scale, scaleWritten: scaleWritten || scale > 0, ...(base && { base }), moreThan, atLeast };
}

/** `[qualifier] bound [— bound] [qualifier]`: one figure or a range, in the unit of its upper bound. */
function readAmount(reader: Reader, vocabulary: ChineseVocabulary, aim: boolean): Quantity {
  const prefix = reader.eat(PREFIXES);
  const negative = /^[-+]\d/.test(reader.rest) && reader.text[reader.at++] === '-';
  // 突破万亿元: after a qualifier a bare 万/亿 is one of it; 万人 alone states no number.
  const read = readBound(reader, vocabulary, { bareMultiplier: prefix !== undefined }) ?? reader.fail('no number found');
  const first = negative ? { ...read, value: negate(read.value) } : read;
  const separatorAt = reader.at;
  let second = reader.eat(RANGE_SEPARATORS) ? (readBound(reader, vocabulary) ?? reader.fail('a range needs a second figure', separatorAt)) : undefined;
  // In running text `5%，到2030年` is a figure and then a date, not a range.
  if (second && reader.running.partial && !(second.base && (!first.base || first.base === second.base))) {
    [second, reader.at] = [undefined, separatorAt];
  }
  const suffix = eatSuffix(reader);
  const suffixAt = reader.at;
  const another = eatSuffix(reader);
  if (another) reader.fail(`two qualifiers (${suffix}, ${another}): say which one the figure has`, suffixAt);
  reader.end(`unknown unit "${reader.rest}" (units are in locales/*/units.json)`);

  const qualifiers = new Set<Qualifier>();
  for (const q of [prefix, suffix]) if (q) qualifiers.add(q);
  if (first.moreThan || second?.moreThan) qualifiers.add('more_than');
  if (first.atLeast || second?.atLeast) qualifiers.add('at_least');
  // 达到 states a level; any bound word says more about it.
  if (qualifiers.size > 1) qualifiers.delete('reached');
  if (qualifiers.size > 1) reader.fail(`two qualifiers (${[...qualifiers].join(', ')}): say which one the figure has`, 0);
  const qualifier: Qualifier = [...qualifiers][0] ?? (aim ? 'aim' : 'exact');

  const last = second ?? first;
  if (last.base && RATE_BASES.has(last.base) && last.scale > 0) reader.fail('a rate (%, 个百分点, 倍, 成, :1) takes no multiplier', last.start);
  if (!second) {
    return { value: first.value, unit: parseUnitKey(unitKey(first.base ?? 'number', first.scale))!, qualifier };
  }
  if (!second.base && first.base) reader.fail('a range ends with its unit', second.start);
  if (first.base && second.base && first.base !== second.base) reader.fail('the bounds of a range are in different units', first.start);
  // 50至80亿元: the first bound takes the multiplier of the second unless it writes its own.
  const value = first.scaleWritten || first.base ? shift(first.value, first.scale - second.scale) : first.value;
  if (compare(value, second.value) >= 0) reader.fail('the upper bound of a range must be greater than the lower', first.start);
  return { value, upper: second.value, unit: parseUnitKey(unitKey(second.base ?? 'number', second.scale))!, qualifier };
}
