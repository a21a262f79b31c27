/**
 * An exact decimal: `sign × digits × 10^exponent`, with `digits` free of leading and trailing zeros.
 *
 * Quantities are rescaled between Chinese (万, 亿, 万亿) and English (million, billion, trillion)
 * magnitudes by moving the decimal point, never by floating-point arithmetic, so that every
 * significant digit written in the source survives: `7489.8` × 10^8 → `748.98` × 10^9.
 */
export interface Decimal {
  readonly sign: 1 | -1;
  /** Significant digits, e.g. "74898"; "0" for zero. */
  readonly digits: string;
  readonly exponent: number;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

export class DecimalSyntaxError extends Error {
  override name = 'DecimalSyntaxError';
}

/** Parses "7489.8", "-14.5", "1e21" or a JS number (via its shortest round-trip text). */
export function decimal(value: number | string): Decimal {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new DecimalSyntaxError(`not a finite number: ${value}`);
  }
  const text = typeof value === 'number' ? String(value) : value.trim();
  const match = DECIMAL_TEXT.exec(text);
  const [, signText = '', intPart = '', fracPart = '', expText = '0'] = match ?? [];
  if (!match || intPart.length + fracPart.length === 0) {
    throw new DecimalSyntaxError(`not a decimal number: "${text}"`);
  }
  return normalise(signText === '-' ? -1 : 1, intPart + fracPart, Number(expText) - fracPart.length);
}

function normalise(sign: 1 | -1, rawDigits: string, exponent: number): Decimal {
  const lead = rawDigits.replace(/^0+/, '');
  if (lead === '') return { sign: 1, digits: '0', exponent: 0 };
  const digits = lead.replace(/0+$/, '');
  return { sign, digits, exponent: exponent + (lead.length - digits.length) };
}

/** Multiplies by 10^power exactly. */
export function shift(value: Decimal, power: number): Decimal {
  return isZero(value) ? value : { ...value, exponent: value.exponent + power };
}

export function isZero(value: Decimal): boolean {
  return value.digits === '0';
}

/** Position of the most significant digit: 10^magnitude <= |value| < 10^(magnitude+1). */
export function magnitude(value: Decimal): number {
  return isZero(value) ? 0 : value.exponent + value.digits.length - 1;
}

export function abs(value: Decimal): Decimal {
  return { ...value, sign: 1 };
}

export function toNumber(value: Decimal): number {
  return Number(`${value.sign < 0 ? '-' : ''}${value.digits}e${value.exponent}`);
}

export interface PlainOptions {
  /** Thousands separator for the integer part ("," in English, none in Chinese reports). */
  readonly group?: string;
}

/** Writes the exact value without exponent: "748.98", "3,375.793", "-14.5". */
export function toPlain(value: Decimal, options: PlainOptions = {}): string {
  const { digits, exponent } = value;
  let intPart: string;
  let fracPart: string;
  if (exponent >= 0) {
    intPart = digits + '0'.repeat(exponent);
    fracPart = '';
  } else if (-exponent < digits.length) {
    intPart = digits.slice(0, digits.length + exponent);
    fracPart = digits.slice(digits.length + exponent);
  } else {
    intPart = '0';
    fracPart = '0'.repeat(-exponent - digits.length) + digits;
  }
  if (options.group) intPart = groupThousands(intPart, options.group);
  const sign = value.sign < 0 && !isZero(value) ? '-' : '';
  return sign + intPart + (fracPart ? `.${fracPart}` : '');
}

function groupThousands(intPart: string, separator: string): string {
  return intPart.replace(/\B(?=(\d{3})+$)/g, separator);
}

/** Rounds half away from zero to `places` decimals (a gloss, never the stated figure). */
export function round(value: Decimal, places: number): Decimal {
  const keep = value.digits.length + value.exponent + places;
  if (value.exponent >= -places) return value;
  if (keep < 0) return decimal(0);
  const head = value.digits.slice(0, keep) || '0';
  const roundUp = (value.digits[keep] ?? '0') >= '5';
  const rounded = roundUp ? (BigInt(head) + 1n).toString() : head;
  return normalise(value.sign, rounded, -places);
}

/** Orders two decimals exactly: −1, 0 or 1. */
export function compare(a: Decimal, b: Decimal): number {
  const sa = isZero(a) ? 0 : a.sign;
  const sb = isZero(b) ? 0 : b.sign;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  const low = Math.min(a.exponent, b.exponent);
  const x = BigInt(a.digits) * 10n ** BigInt(a.exponent - low);
  const y = BigInt(b.digits) * 10n ** BigInt(b.exponent - low);
  const order = x < y ? -1 : x > y ? 1 : 0;
  return sa < 0 ? -order : order;
}

export function negate(value: Decimal): Decimal {
  return isZero(value) ? value : { ...value, sign: value.sign < 0 ? 1 : -1 };
}

/** Exact sum. */
export function add(a: Decimal, b: Decimal): Decimal {
  const exponent = Math.min(a.exponent, b.exponent);
  const total = scaledInteger(a, exponent) + scaledInteger(b, exponent);
  return normalise(total < 0n ? -1 : 1, (total < 0n ? -total : total).toString(), exponent);
}

/** Exact product. */
export function multiply(a: Decimal, b: Decimal): Decimal {
  return normalise(a.sign === b.sign ? 1 : -1, (BigInt(a.digits) * BigInt(b.digits)).toString(), a.exponent + b.exponent);
}

function scaledInteger(value: Decimal, exponent: number): bigint {
  const magnitude = BigInt(value.digits) * 10n ** BigInt(value.exponent - exponent);
  return value.sign < 0 ? -magnitude : magnitude;
}
