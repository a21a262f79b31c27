import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Decimal, compare, decimal, negate } from '../../lambdas/core/quantity/decimal';
import { QuantityFormatter } from '../../lambdas/core/quantity/format';
import { type ChineseVocabulary, chineseVocabulary, formatFigure, parseFigure } from '../../lambdas/core/quantity/parseChinese';
import type { Change, Qualifier, Quantity } from '../../lambdas/core/quantity/types';
import { parseUnitKey } from '../../lambdas/core/quantity/unit';
import { projectLexicons } from '../helpers/lexicons';

let en: QuantityFormatter;
let zh: QuantityFormatter;
let vocabulary: ChineseVocabulary;
beforeAll(async () => {
  const lexicons = await projectLexicons();
  en = new QuantityFormatter(lexicons.en);
  zh = new QuantityFormatter(lexicons.zh);
  vocabulary = chineseVocabulary(lexicons.zh);
});

/** A figure as a Chinese report writes it: up to 6 integer digits, up to 3 decimals. */
const written = fc
  .tuple(fc.integer({ min: 0, max: 999_999 }), fc.option(fc.integer({ min: 1, max: 999 }), { nil: undefined }))
  .map(([int, frac]) => (frac === undefined ? String(int) : `${int}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`))
  .filter((text) => text !== '0');

/** One figure or a range (lower < upper), as decimals. */
const bounds = fc.tuple(written, fc.option(written, { nil: undefined })).map(([a, b]) => {
  const [x, y] = [decimal(a), b === undefined ? undefined : decimal(b)];
  if (!y || compare(x, y) === 0) return { value: x };
  return compare(x, y) < 0 ? { value: x, upper: y } : { value: y, upper: x };
});

const UNITS = ['yuan_1e8', 'yuan_1e4', 'yuan_1e12', 'person_1e4', 'company', 'percent', 'student_1e4', 'teu_1e4', 'points'];
const QUALIFIERS: Qualifier[] = ['exact', 'over', 'about', 'at_least', 'under', 'reached', 'more_than', 'nearly', 'aim'];
const EN_QUALIFIER: Record<Qualifier, string> = {
  exact: '',
  reached: '',
  over: 'more than ',
  more_than: 'more than ',
  about: 'about ',
  nearly: 'nearly ',
  at_least: 'at least ',
  under: 'at most ',
  aim: 'aiming for ',
};

const quantity = fc
  .tuple(bounds, fc.constantFrom(...UNITS), fc.constantFrom(...QUALIFIERS))
  .map(([b, key, qualifier]): Quantity => ({ ...b, unit: parseUnitKey(key)!, qualifier }));

const SCALE: Record<string, bigint> = { '': 1n, million: 10n ** 6n, billion: 10n ** 9n, trillion: 10n ** 12n };

/** Both bounds of an English figure, exactly, as value × 10^-decimals: "5-8 billion yuan", "4.5-5%". */
function englishBounds(text: string): Array<{ units: bigint; decimals: number }> {
  const match = /([\d,]+(?:\.\d+)?)(?:-([\d,]+(?:\.\d+)?))?(?: (million|billion|trillion))?/.exec(text);
  if (!match) throw new Error(`no figure in ${text}`);
  const scale = SCALE[match[3] ?? ''] as bigint;
  return [match[1], match[2]]
    .filter((n): n is string => n !== undefined)
    .map((n) => {
      const [int = '', frac = ''] = n.replace(/,/g, '').split('.');
      return { units: BigInt(int + frac) * scale, decimals: frac.length };
    });
}

function exactly(value: Decimal, scale: number): { units: bigint; decimals: number } {
  const power = value.exponent + scale;
  return power >= 0 ? { units: BigInt(value.digits) * 10n ** BigInt(power), decimals: 0 } : { units: BigInt(value.digits), decimals: -power };
}

const same = (a: { units: bigint; decimals: number }, b: { units: bigint; decimals: number }) =>
  a.units * 10n ** BigInt(b.decimals) === b.units * 10n ** BigInt(a.decimals);

describe('the figure grammar, for any figure', () => {
  it('reads back the Chinese it writes: value → zh → value, and zh → value → zh', () => {
    fc.assert(
      fc.property(quantity, (q) => {
        const text = zh.amount(q);
        const figure = parseFigure(text, vocabulary);
        expect(figure).toEqual({ kind: 'amount', quantity: q });
        expect(formatFigure(figure, zh)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes English with every digit of both bounds and the right qualifier: value → en', () => {
    fc.assert(
      fc.property(quantity, (q) => {
        const text = en.amount(q);
        expect(text.startsWith(EN_QUALIFIER[q.qualifier])).toBe(true);
        const read = englishBounds(text.slice(EN_QUALIFIER[q.qualifier].length));
        const stated = [q.value, ...(q.upper ? [q.upper] : [])].map((v) =>
          exactly(v, q.unit.base === 'percent' || q.unit.base === 'points' ? 0 : q.unit.scale),
        );
        expect(read).toHaveLength(stated.length);
        for (const [i, r] of read.entries()) expect(same(r, stated[i]!), `${text}: bound ${i}`).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back changes, rises and falls, ranges and qualifiers', () => {
    const change = fc
      .tuple(
        bounds,
        fc.constantFrom<Change['unit']>('percent', 'points', 'times'),
        fc.constantFrom<Qualifier>('exact', 'about', 'at_least', 'under', 'nearly', 'aim', 'over'),
        fc.boolean(),
      )
      .map(([b, unit, qualifier, fall]): Change => {
        const ordered = fall ? { value: b.upper ? negate(b.upper) : negate(b.value), ...(b.upper && { upper: negate(b.value) }) } : b;
        return { ...ordered, unit, qualifier };
      });
    fc.assert(
      fc.property(change, (c) => {
        const text = zh.change(c);
        expect(parseFigure(text, vocabulary)).toEqual({ kind: 'change', change: c });
        expect(en.change(c)).toMatch(c.value.sign < 0 ? /^(down|aiming for a fall of) / : /^(up|aiming for growth of) /);
      }),
      { numRuns: 500 },
    );
  });

  it('reads any text either as a figure it can write in both languages or not at all (a FigureParseError)', () => {
    const pieces = [
      '1',
      '0',
      '5',
      '.',
      '%',
      '—',
      '-',
      '至',
      '多',
      '余',
      '近',
      '超',
      '约',
      '以上',
      '左右',
      '万',
      '亿',
      '千',
      '两',
      '十',
      '三',
      '〇',
      '元',
      '人',
      '家',
      '名学生',
      '第',
      '位',
      '前',
      '居全国',
      '增长',
      '下降',
      '比上年',
      '高于全国',
      '个百分点',
      '倍',
      '成',
      '翻',
      '番',
      '级',
      '年',
      '五',
      ':1',
      '力争',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 7 }), (parts) => {
        const text = parts.join('');
        let figure: ReturnType<typeof parseFigure>;
        try {
          figure = parseFigure(text, vocabulary);
        } catch (error) {
          expect((error as Error).name, `${text}: ${(error as Error).message}`).toBe('FigureParseError');
          return;
        }
        expect(formatFigure(figure, en), text).not.toBe('');
        expect(formatFigure(figure, zh), text).not.toBe('');
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the same figure from full-width digits and signs', () => {
    const wide = (text: string) => text.replace(/[0-9.%:-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(quantity, (q) => {
        const text = zh.amount(q);
        expect(parseFigure(wide(text), vocabulary)).toEqual(parseFigure(text, vocabulary));
      }),
      { numRuns: 300 },
    );
  });
});
