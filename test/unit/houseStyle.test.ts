import { beforeAll, describe, expect, it } from 'vitest';
import { QuantityFormatter } from '../../lambdas/core/quantity/format';
import { chineseVocabulary, formatStatement, parseChinese, type ChineseVocabulary } from '../../lambdas/core/quantity/parseChinese';
import type { Lang } from '../../lambdas/core/i18n/languages';
import { projectLexicons } from '../helpers/lexicons';
import { decimal } from '../../lambdas/core/quantity/decimal';
import type { Change, Qualifier, Quantity } from '../../lambdas/core/quantity/types';
import { FRACTION_BASES, FRACTION_DENOMINATORS, parseUnitKey } from '../../lambdas/core/quantity/unit';

let formatters: Record<Lang, QuantityFormatter>;
let vocabulary: ChineseVocabulary;

beforeAll(async () => {
  const lexicons = await projectLexicons();
  formatters = { en: new QuantityFormatter(lexicons.en), zh: new QuantityFormatter(lexicons.zh) };
  vocabulary = chineseVocabulary(lexicons.zh);
});

const format = (text: string, lang: Lang) => formatStatement(parseChinese(text, vocabulary), formatters[lang]);

// Every example of the English house style the project was specified with (README "Numbers in two languages"), then more.
const HOUSE_STYLE: Array<[string, string]> = [
  ['2.2万亿元', '2.2 trillion yuan'],
  ['7489.8亿元', '748.98 billion yuan'],
  ['650.7亿元', '65.07 billion yuan'],
  ['140亿元', '14 billion yuan'],
  ['7300万元', '73 million yuan'],
  ['33757.93亿元', '3.375793 trillion yuan'],
  ['6.9万人', '69,000 people'],
  ['31.1万人', '311,000 people'],
  ['2.8亿人次', '280 million visits'],
  ['120万标箱', '1.2 million TEU'],
  ['21.5万亩', '215,000 mu (14,333 ha)'],
  ['4408家', '4,408 companies'],
  ['增长6%', 'up 6%'],
  ['下降14.5%', 'down 14.5%'],
  ['提高0.5个百分点', 'up 0.5 percentage points'],
  ['下降1个百分点', 'down 1 percentage point'],
  ['1.76:1', '1.76:1'],
  ['1.76：1', '1.76:1'],
  ['居副省级城市第4位', '4th among sub-provincial cities'],
  ['居副省级城市第1位', '1st among sub-provincial cities'],
  ['居副省级城市第2位', '2nd among sub-provincial cities'],
  ['居副省级城市第3位', '3rd among sub-provincial cities'],
  ['居副省级城市第11位', '11th among sub-provincial cities'],
  ['居副省级城市第22位', '22nd among sub-provincial cities'],
  ['超2.2万亿元', 'more than 2.2 trillion yuan'],
  ['超过4100亿元', 'more than 410 billion yuan'],
  ['突破2000亿元', 'more than 200 billion yuan'],
  ['约800万人次', 'about 8 million visits'],
  ['增长5.5%左右', 'up about 5.5%'],
  ['3000亿元以上', 'at least 300 billion yuan'],
  ['不低于3000亿元', 'at least 300 billion yuan'],
  ['控制在3%以内', 'at most 3%'],
  ['5.5%以内', 'at most 5.5%'],
  ['1家', '1 company'],
  ['1人', '1 person'],
  ['0.5万亩', '5,000 mu (333 ha)'],
  ['3亩', '3 mu (0.2 ha)'],
  // A jin is exactly half a kilogram: the tonnes beside it are exact, never a rounded gloss.
  ['1600亿斤以上', 'at least 160 billion jin (80 million tonnes)'],
  ['615亿斤左右', 'about 61.5 billion jin (30.75 million tonnes)'],
  ['5亿至6亿斤', '500-600 million jin (250,000-300,000 tonnes)'],
  ['2000斤', '2,000 jin (1 tonne)'],
  ['1234.5678万元', '12.345678 million yuan'],
  ['0.0012亿元', '120,000 yuan'],
  ['99.9万人', '999,000 people'],
  ['100万人', '1 million people'],
  ['5.8万亿元', '5.8 trillion yuan'],
  ['12000亿元', '1.2 trillion yuan'],
  ['增长0%', 'unchanged'],
  ['增长1.4倍', 'up 140%'],
  ['增长4.5倍', 'up 450%'],
  ['18.2万人次', '182,000 visits'],
  ['居全国超大城市第2位', '2nd among China’s megacities'],
];

describe('English house style', () => {
  it.each(HOUSE_STYLE)('formats %s as %s', (zh, en) => {
    expect(format(zh, 'en')).toBe(en);
  });
});

describe('a share in a fraction unit (fraction_overN) stays a fraction in both languages', () => {
  it.each<[string, Qualifier, string, string]>([
    ['fraction_over3', 'at_least', 'at least 1/3', '1/3以上'],
    ['fraction_over10', 'exact', '1/10', '1/10'],
    ['fraction_over4', 'about', 'about 1/4', '1/4左右'],
  ])('%s %s', (key, qualifier, en, zh) => {
    const quantity: Quantity = { value: decimal('1'), unit: parseUnitKey(key)!, qualifier };
    expect([formatters.en.amount(quantity), formatters.zh.amount(quantity)]).toEqual([en, zh]);
  });

  it('the glossary names no fraction unit the code does not know', async () => {
    const units = Object.keys((await projectLexicons()).zh.namespace('units') as Record<string, string>).filter((key) => key.startsWith('fraction'));
    expect(units.sort()).toEqual([...FRACTION_BASES].sort());
  });

  it('every fraction base is the unit of its Chinese word, and the figure grammar still reads the fraction as one', () => {
    for (const denominator of FRACTION_DENOMINATORS) {
      expect(parseChinese(`1/${denominator}`, vocabulary)).toEqual({ kind: 'fraction', numerator: 1, denominator, qualifier: 'exact' });
      expect(vocabulary.units.find(([word]) => word === `/${denominator}`)?.[1]).toBe(`fraction_over${denominator}`);
    }
  });
});

describe('a change over years (年均, or the whole change of a five-year review) says so and names its years, in both languages', () => {
  const over = { from: 2021, to: 2025 };
  it.each<[string, Partial<Change>, string, string]>([
    ['a rise', { value: decimal('5.2') }, 'up an average of 5.2% a year in 2021-2025', '2021—2025年年均增长5.2%'],
    ['a fall', { value: decimal('-7.4') }, 'down an average of 7.4% a year in 2021-2025', '2021—2025年年均下降7.4%'],
    ['an approximate rise', { value: decimal('5'), qualifier: 'about' }, 'up an average of about 5% a year in 2021-2025', '2021—2025年年均增长5%左右'],
    ['an aim', { value: decimal('6'), qualifier: 'aim' }, 'aiming for average growth of 6% a year in 2021-2025', '力争2021—2025年年均增长6%'],
    [
      'the whole change over the years',
      { value: decimal('2.4'), unit: 'times', averageOver: undefined, over },
      'up 240% over 2021-2025',
      '2021—2025年累计增长2.4倍',
    ],
    ['a whole fall over the years', { value: decimal('-13.5'), averageOver: undefined, over }, 'down 13.5% over 2021-2025', '2021—2025年累计下降13.5%'],
    [
      'a doubling over the years, as the rise it makes',
      { value: decimal('1'), unit: 'doubling', averageOver: undefined, over },
      'up 100% over 2021-2025',
      '2021—2025年累计增长100%',
    ],
  ])('%s', (_what, given, en, zh) => {
    const change: Change = { value: decimal('0'), unit: 'percent', qualifier: 'exact', averageOver: over, ...given };
    expect([formatters.en.change(change), formatters.zh.change(change)]).toEqual([en, zh]);
    // Without the span it is the year's own change: "up 5.2%", never an average or a change over years.
    const { averageOver: _average, over: _over, ...yearly } = change;
    expect(formatters.en.change(yearly)).not.toMatch(/average|2021/);
  });
});

describe('Chinese keeps the multiplier the source wrote', () => {
  it.each([
    ['2.2万亿元', '2.2万亿元'],
    ['7489.8亿元', '7489.8亿元'],
    ['33757.93亿元', '33757.93亿元'],
    ['4408家', '4408家'],
    ['超2.2万亿元', '超2.2万亿元'],
    ['超过4100亿元', '超4100亿元'],
    ['增长6%', '增长6%'],
    ['下降14.5%', '下降14.5%'],
    ['增长5.5%左右', '增长5.5%左右'],
    ['居副省级城市第4位', '居副省级城市第4位'],
    ['1.76:1', '1.76:1'],
    ['控制在3%以内', '3%以内'],
    ['下降0.3个百分点', '下降0.3个百分点'],
    ['增长1.4倍', '增长1.4倍'],
  ])('writes %s as %s', (input, zh) => {
    expect(format(input, 'zh')).toBe(zh);
  });
});

describe('parseChinese rejects what it cannot read', () => {
  it.each([
    ['亿元', /no number/],
    ['12盏', /unknown unit "盏"/],
    ['居火星城市第4位', /unknown peer group/],
    ['增长12亿元', /change must be in %/],
  ])('rejects %s', (input, message) => {
    expect(() => parseChinese(input, vocabulary)).toThrow(message);
  });
});
