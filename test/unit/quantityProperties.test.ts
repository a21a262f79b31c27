import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decimal, multiply, toPlain } from '../../lambdas/core/quantity/decimal';
import { QuantityFormatter } from '../../lambdas/core/quantity/format';
import { parseUnitKey } from '../../lambdas/core/quantity/unit';
import { projectLexicons } from '../helpers/lexicons';

let en: QuantityFormatter;
let zh: QuantityFormatter;
beforeAll(async () => {
  const lexicons = await projectLexicons();
  en = new QuantityFormatter(lexicons.en);
  zh = new QuantityFormatter(lexicons.zh);
});

const ENGLISH_SCALE: Record<string, bigint> = { '': 1n, million: 10n ** 6n, billion: 10n ** 9n, trillion: 10n ** 12n };

/** A figure as a Chinese report writes it: up to 6 integer digits, up to 4 decimals, no leading zeros. */
const writtenFigure = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.option(fc.integer({ min: 1, max: 9999 }), { nil: undefined }))
  .map(([int, frac]) => (frac === undefined ? String(int) : `${int}.${String(frac).padStart(4, '0').replace(/0+$/, '')}`))
  .filter((text) => text !== '0');

/** Exact value of "1,234.5 million" as a fraction (numerator, power of ten below it). */
function readEnglish(text: string): { units: bigint; decimals: number } {
  const match = /^([\d,]+)(?:\.(\d+))? ?(million|billion|trillion)?$/.exec(text);
  if (!match) throw new Error(`not an English figure: ${text}`);
  const [, int = '', frac = '', scale = ''] = match;
  return { units: BigInt(int.replace(/,/g, '') + frac) * (ENGLISH_SCALE[scale] as bigint), decimals: frac.length };
}

describe('quantity formatting, for any figure', () => {
  it.each([
    ['yuan_1e8', 8],
    ['yuan_1e4', 4],
    ['yuan_1e12', 12],
    ['person_1e4', 4],
    ['company', 0],
  ])('keeps every significant digit of %s in English: value × multiplier is exactly the English number', (key, power) => {
    fc.assert(
      fc.property(writtenFigure, (written) => {
        const unit = parseUnitKey(key)!;
        const english = en.number(decimal(written), unit);
        const { units, decimals } = readEnglish(english);
        const [int = '', frac = ''] = written.split('.');
        const stated = BigInt(int + frac) * 10n ** BigInt(power);
        // english = units / 10^decimals; stated = (int.frac) × 10^power = BigInt(int+frac) × 10^power / 10^frac.length
        expect(units * 10n ** BigInt(frac.length)).toBe(stated * 10n ** BigInt(decimals));
      }),
      { numRuns: 500 },
    );
  });

  it('writes Chinese exactly as the source did: the figure, then the multiplier', () => {
    fc.assert(
      fc.property(writtenFigure, fc.constantFrom(['yuan_1e8', '亿'], ['yuan_1e4', '万'], ['yuan_1e12', '万亿'], ['yuan', '']), (written, [key, word]) => {
        expect(zh.number(decimal(written), parseUnitKey(key!)!)).toBe(`${written}${word}`);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips decimals through their plain text', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (value) => {
        expect(Number(toPlain(decimal(value)))).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 500 },
    );
  });

  it('multiplies decimals exactly, as integers of their digits would', () => {
    const scaled = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: -6, max: 6 }));
    fc.assert(
      fc.property(scaled, scaled, ([a, ea], [b, eb]) => {
        const product = multiply(decimal(`${a}e${ea}`), decimal(`${b}e${eb}`));
        expect(product).toEqual(decimal(`${a * b}e${ea + eb}`));
      }),
      { numRuns: 300 },
    );
    expect(toPlain(multiply(decimal('830e8'), decimal('0.0005')))).toBe('41500000');
  });
});
