/**
 * A unit key names a base unit and the Chinese multiplier the source wrote it with:
 * `yuan_1e8` is 亿元 (base `yuan`, scale 8), `person_1e4` is 万人, `company` is 家.
 * The base words live in `locales/<lang>/units.json`; the key itself carries the number facts.
 */
import { type Decimal, decimal, multiply, shift } from './decimal';

export interface Unit {
  readonly key: string;
  readonly base: string;
  /** Power of ten of the multiplier as written (8 for 亿). */
  readonly scale: number;
}

const UNIT_KEY = /^([a-z][a-z0-9]*(?:_[a-z][a-z0-9]*)*?)(?:_1e(\d{1,2}))?$/;

export function parseUnitKey(key: string): Unit | undefined {
  const match = UNIT_KEY.exec(key);
  if (!match) return undefined;
  const [, base = '', scale = '0'] = match;
  return { key, base, scale: Number(scale) };
}

export function unitKey(base: string, scale: number): string {
  return scale === 0 ? base : `${base}_1e${scale}`;
}

/**
 * Shares written as a fraction of whole numbers, one base per denominator the glossary names
 * (`fraction_over3` is `/3`: `占全国1/3` is 1 of it). Fractions stay fractions in both languages.
 */
export const FRACTION_DENOMINATORS: readonly number[] = [2, 3, 4, 5, 6, 8, 10, 12];
export const FRACTION_BASES: ReadonlySet<string> = new Set(FRACTION_DENOMINATORS.map((d) => `fraction_over${d}`));

/** Units that state a figure the same way: one key, or fractions of any denominator (`超过1/3、2/5`). */
export function sameUnitFamily(a: Unit | undefined, b: Unit | undefined): boolean {
  return a?.key === b?.key || (FRACTION_BASES.has(a?.base ?? '') && FRACTION_BASES.has(b?.base ?? ''));
}

/** Bases whose numbers are never rescaled to million/billion (they are rates, not amounts). */
export const RATE_BASES: ReadonlySet<string> = new Set(['percent', 'permille', 'points', 'ratio', 'ordinal', 'times', 'tenth', 'doubling', ...FRACTION_BASES]);

/**
 * Derived figures some unit patterns use. A `divisor` gives a rounded gloss beside the stated
 * figure (`215,000 mu (14,333 ha)`); a `shift` rescales exactly by a power of ten, for units
 * English writes differently (`增长1.4倍`, grew by 1.4 times, is `up 140%`).
 */
export type Conversion = { readonly variable: string } & ({ readonly divisor: number } | { readonly shift: number });

/**
 * Bases that measure what another base measures, by an exact factor, so that figures in either can
 * be ranked together, and a language may write the figure in the other beside it (`variable`):
 * a 市斤 (jin) is exactly half a kilogram, 0.0005 tonnes.
 */
export const COMMENSURABLE: Readonly<Record<string, { readonly base: string; readonly factor: string; readonly variable: string }>> = {
  jin: { base: 'tonne', factor: '0.0005', variable: 'tonnes' },
};

/** A figure in a commensurable base, as a count of the other base (1600 × 亿斤 → 80,000,000 tonnes); none for other bases. */
export function inOtherBase(value: Decimal, unit: Unit): { readonly value: Decimal; readonly base: string } | undefined {
  const same = COMMENSURABLE[unit.base];
  return same && { value: multiply(shift(value, unit.scale), decimal(same.factor)), base: same.base };
}

export const CONVERSIONS: Readonly<Record<string, Conversion>> = {
  mu: { variable: 'hectares', divisor: 15 },
  times: { variable: 'percent', shift: 2 },
  /** 成 is a tenth: `三成` is 30%. */
  tenth: { variable: 'percent', shift: 1 },
};
