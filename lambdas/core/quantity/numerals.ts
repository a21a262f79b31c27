import { type Decimal, decimal, shift, toNumber } from './decimal';

/**
 * Chinese numerals, read exactly: `两万` → 2 × 10^4, `一千二百万` → 1200 × 10^4, `十五` → 15,
 * `二〇三〇` → 2030 (digit by digit), `千` → 1000. These are parsing rules of the written
 * language, not display text.
 */
const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 1, 百: 2, 千: 3 };
const BIG_UNITS: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };

export function isNumeralChar(char: string): boolean {
  return char in DIGITS || char in SMALL_UNITS || char in BIG_UNITS;
}

/** `二〇三〇` → `2030`, numeral for digit (fold ○ to 〇 first: quantity/normalise.ts); undefined when a character is not a digit numeral. */
export function numeralDigits(word: string): string | undefined {
  let digits = '';
  for (const char of word) {
    const digit = DIGITS[char];
    if (digit === undefined || char === '两') return undefined;
    digits += digit;
  }
  return digits;
}

export interface NumeralRead {
  /** The value before the trailing multiplier: `两万` → 2, `一千二百万` → 1200. */
  readonly value: Decimal;
  /** Power of ten of the trailing 万/亿/万亿, 0 without: `两万` → 4. */
  readonly scale: number;
  /** Characters read. */
  readonly length: number;
}

/**
 * Reads the Chinese numeral at `text[at]`, longest first; undefined when there is none or it is
 * malformed (`十十`). A trailing 万/亿 is returned as the scale, as a multiplier written with digits
 * would be (`2万` and `两万` are the same figure).
 */
export function readNumeral(text: string, at: number): NumeralRead | undefined {
  let end = at;
  while (end < text.length && isNumeralChar(text[end] as string)) end++;
  // Never end on a bare 〇/零 that is not part of a digit-by-digit number.
  for (; end > at; end--) {
    const read = numeralValue(text.slice(at, end));
    if (read) return { ...read, length: end - at };
  }
  return undefined;
}

function numeralValue(word: string): Omit<NumeralRead, 'length'> | undefined {
  const chars = [...word];
  if (chars.every((c) => c in DIGITS)) {
    // 二〇三〇: digit by digit (a year); a single digit is itself. 两 is never positional.
    if (chars.length > 1 && chars.includes('两')) return undefined;
    return { value: decimal(chars.map((c) => DIGITS[c]).join('')), scale: 0 };
  }
  let total = 0n;
  let section = 0n;
  let digit: bigint | undefined;
  let lastSmall = 4;
  let lastBig = 13;
  let scale = 0;
  let zeroPending = false;
  for (const [i, c] of chars.entries()) {
    if (c in DIGITS) {
      if (digit !== undefined && !zeroPending) return undefined; // 二三: no unit between digits
      if (DIGITS[c] === 0) {
        zeroPending = true;
        continue;
      }
      digit = BigInt(DIGITS[c] as number);
      zeroPending = false;
    } else if (c in SMALL_UNITS) {
      const power = SMALL_UNITS[c] as number;
      if (power >= lastSmall) return undefined; // 十百
      section += (digit ?? 1n) * 10n ** BigInt(power);
      [digit, lastSmall, zeroPending] = [undefined, power, false];
    } else {
      const power = BIG_UNITS[c] as number;
      const group = section + (digit ?? 0n);
      // 万亿: 亿 right after 万 multiplies the whole
      if (c === '亿' && chars[i - 1] === '万') {
        total = total * 10n ** 8n;
        scale = 12;
        lastBig = 12;
        continue;
      }
      if (power >= lastBig || (group === 0n && total === 0n && i > 0)) return undefined;
      total += (group === 0n ? 1n : group) * 10n ** BigInt(power);
      [section, digit, lastSmall, lastBig, zeroPending] = [0n, undefined, 4, power, false];
      if (i === chars.length - 1) scale = power;
    }
  }
  total += section + (digit ?? 0n);
  if (total === 0n) return undefined;
  return { value: shift(decimal(total.toString()), -scale), scale };
}

/** `三分之一`: the denominator written first, both in numerals (never `三分之一百`). */
const FRACTION_IN_WORDS = /^([一二两三四五六七八九十]{1,3})分之([一二三四五六七八九十]{1,3})(?![十百千万亿])/;

export interface FractionRead {
  readonly numerator: number;
  readonly denominator: number;
  /** Characters read. */
  readonly length: number;
}

/** The fraction written in words at `text[at]` (`三分之一` → 1/3), whole numbers only; undefined when there is none. */
export function readFractionInWords(text: string, at: number): FractionRead | undefined {
  const words = FRACTION_IN_WORDS.exec(text.slice(at, at + 9));
  if (!words) return undefined;
  const whole = (numeral: string) => {
    const read = readNumeral(numeral, 0);
    return read && read.scale === 0 && read.length === numeral.length ? toNumber(read.value) : undefined;
  };
  const [denominator, numerator] = [whole(words[1] as string), whole(words[2] as string)];
  return denominator !== undefined && numerator !== undefined ? { numerator, denominator, length: words[0].length } : undefined;
}

const WRITTEN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Writes 1–99 as Chinese numerals (`十五`, `二十一`), for plan names and 翻两番. */
export function chineseNumeral(n: number, options: { liang?: boolean } = {}): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese numeral written for ${n}`);
  if (n === 2 && options.liang) return '两';
  if (n < 10) return WRITTEN_DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : WRITTEN_DIGITS[tens]}十${ones === 0 ? '' : WRITTEN_DIGITS[ones]}`;
}
