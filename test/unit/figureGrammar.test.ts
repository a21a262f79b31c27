import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../lambdas/core/i18n/languages';
import { toPlain } from '../../lambdas/core/quantity/decimal';
import { QuantityFormatter } from '../../lambdas/core/quantity/format';
import { foldFigureText } from '../../lambdas/core/quantity/normalise';
import { chineseNumeral, readNumeral } from '../../lambdas/core/quantity/numerals';
import { type ChineseVocabulary, FigureParseError, chineseVocabulary, formatFigure, parseFigure, readFigureAt } from '../../lambdas/core/quantity/parseChinese';
import { projectLexicons } from '../helpers/lexicons';

let formatters: Record<Lang, QuantityFormatter>;
let vocabulary: ChineseVocabulary;

beforeAll(async () => {
  const lexicons = await projectLexicons();
  formatters = { en: new QuantityFormatter(lexicons.en), zh: new QuantityFormatter(lexicons.zh) };
  vocabulary = chineseVocabulary(lexicons.zh);
});

const format = (text: string, lang: Lang) => formatFigure(parseFigure(text, vocabulary), formatters[lang]);

/** Every form class of issue 7, with examples of our own: [as written, English house style, Chinese regenerated]. */
const FORM_CLASSES: Record<string, Array<[string, string, string]>> = {
  'approximate and bounded counts': [
    ['700多家', 'more than 700 companies', '700多家'],
    ['30余万人', 'more than 300,000 people', '30多万人'],
    ['30万余人', 'more than 300,000 people', '30多万人'],
    ['近12万户', 'nearly 120,000', '近12万户'],
    ['将近8亿元', 'nearly 800 million yuan', '近8亿元'],
    ['接近95%', 'nearly 95%', '近95%'],
    ['上千个', 'at least 1,000', '1000个以上'],
    ['上万人', 'at least 10,000 people', '1万人以上'],
    ['百余项', 'more than 100', '100多项'],
    ['逾300家', 'more than 300 companies', '300多家'],
    ['超4.8万P', 'more than 48,000 PFLOPS', '超4.8万P'],
    ['4800PF', '4,800 PFLOPS', '4800P'],
    ['超160Eflops', 'more than 160 EFLOPS', '超160EFLOPS'],
    ['28.5微克每立方米', '28.5 micrograms per cubic metre', '28.5微克/立方米'],
    ['突破万亿元', 'more than 1 trillion yuan', '超1万亿元'],
    ['近亿人次', 'nearly 100 million visits', '近1亿人次'],
    ['约7万人', 'about 70,000 people', '7万人左右'],
    ['力争1200亿元', 'aiming for 120 billion yuan', '力争1200亿元'],
    ['达到5%以上', 'at least 5%', '5%以上'],
    ['不超过3.5%', 'at most 3.5%', '3.5%以内'],
    ['5%上下', 'about 5%', '5%左右'],
    ['至少1万人', 'at least 10,000 people', '1万人以上'],
    ['达到或超过95%', 'at least 95%', '95%以上'],
  ],
  ranges: [
    ['3%—3.5%', '3-3.5%', '3%—3.5%'],
    ['3%——3.5%', '3-3.5%', '3%—3.5%'],
    ['6%到6.5%', '6-6.5%', '6%—6.5%'],
    ['5.5-6%', '5.5-6%', '5.5%—6%'],
    ['5.5~6%', '5.5-6%', '5.5%—6%'],
    ['30亿至60亿元', '3-6 billion yuan', '30亿至60亿元'],
    ['30至60亿元', '3-6 billion yuan', '30亿至60亿元'],
    ['800亿至1200亿元', '80-120 billion yuan', '800亿至1200亿元'],
    ['6000万至1.5亿元', '60-150 million yuan', '0.6亿至1.5亿元'],
    ['4万至6万人', '40,000-60,000 people', '4万至6万人'],
    ['增长6%—6.5%', 'up 6-6.5%', '增长6%—6.5%'],
    ['下降2%—3%', 'down 2-3%', '下降2%—3%'],
    ['6%—6.5%左右', 'about 6-6.5%', '6%—6.5%左右'],
    ['力争增长5%—5.5%', 'aiming for growth of 5-5.5%', '力争增长5%—5.5%'],
    ['提高0.5—1个百分点', 'up 0.5-1 percentage point', '增长0.5至1个百分点'],
  ],
  ranks: [
    ['第7位', '7th', '第7位'],
    ['第十一位', '11th', '第11位'],
    ['居全国第三', '3rd nationwide', '居全国第3位'],
    ['居西部第1位', '1st in western China', '居西部第1位'],
    ['居副省级城市第2位', '2nd among sub-provincial cities', '居副省级城市第2位'],
    ['前5%', 'top 5%', '前5%'],
    ['前20名', 'top 20', '前20'],
    ['居全国前1%', 'top 1% nationwide', '居全国前1%'],
    ['跻身全国前十', 'top 10 nationwide', '居全国前10'],
    ['进入全国前3名', 'top 3 nationwide', '居全国前3'],
    ['稳居全国第一', '1st nationwide', '居全国第1位'],
  ],
  'proportions and multiples': [
    ['四成', '40%', '4成'],
    ['超6成', 'more than 60%', '超6成'],
    ['翻一番', 'to double', '翻一番'],
    ['翻番', 'to double', '翻一番'],
    ['翻了一番', 'to double', '翻一番'],
    ['倍增', 'to double', '翻一番'],
    ['翻两番', 'up 300%', '翻两番'],
    ['翻三番', 'up 700%', '翻三番'],
    ['力争翻一番', 'aiming to double', '力争翻一番'],
    ['增长3.5倍', 'up 350%', '增长3.5倍'],
    ['增长1倍多', 'up more than 100%', '增长1倍多'],
  ],
  'fractions as shares': [
    ['1/5', '1/5', '1/5'],
    ['2/3', '2/3', '2/3'],
    ['1/8以上', 'at least 1/8', '1/8以上'],
    ['超1/6', 'more than 1/6', '超1/6'],
    ['近1/2', 'nearly 1/2', '近1/2'],
    ['1/7左右', 'about 1/7', '1/7左右'],
    ['达1/20', '1/20', '达到1/20'],
    ['１／４', '1/4', '1/4'],
    ['三分之一', '1/3', '1/3'],
    ['超过四分之一', 'more than 1/4', '超1/4'],
  ],
  'number words': [
    ['百亿级', '10-billion class', '百亿级'],
    ['千亿级', '100-billion class', '千亿级'],
    ['万亿级', '1-trillion class', '万亿级'],
    ['达万亿级规模', 'about 1 trillion', '1万亿左右'],
    ['千亿级规模', 'about 100 billion', '1000亿左右'],
    ['十四五', 'the 14th Five-Year Plan period (2021-2025)', '十四五'],
    ['“十五五”时期', 'the 15th Five-Year Plan period (2026-2030)', '十五五'],
    ['二〇三五年', '2035', '2035年'],
    ['二○二八年', '2028', '2028年'],
    ['2035年', '2035', '2035年'],
    ['2026—2030年', '2026-2030', '2026—2030年'],
    ['2026年至2030年', '2026-2030', '2026—2030年'],
    ['3年', '3 years', '3年'],
    ['三万', '30,000', '3万'],
    ['两万人', '20,000 people', '2万人'],
    ['一千二百万元', '12 million yuan', '1200万元'],
    ['十八万人', '180,000 people', '18万人'],
    ['一百零五家', '105 companies', '105家'],
  ],
  'full-width digits and signs': [
    ['３４．５％', '34.5%', '34.5%'],
    ['１．８∶１', '1.8:1', '1.8:1'],
    ['2.3∶1', '2.3:1', '2.3:1'],
    ['７８９亿元', '78.9 billion yuan', '789亿元'],
    ['３％－４％', '3-4%', '3%—4%'],
  ],
  'rates per thousand': [
    ['6.39‰', '6.39 per 1,000', '6.39‰'],
    ['６．３９‰', '6.39 per 1,000', '6.39‰'],
    ['约5‰', 'about 5 per 1,000', '5‰左右'],
  ],
  'counters with nouns': [
    ['6万名学生', '60,000 students', '6万名学生'],
    ['1名学生', '1 student', '1名学生'],
    ['2.4万套（间）', '24,000 homes', '2.4万套'],
    ['3000余名志愿者', 'more than 3,000 volunteers', '3000多名志愿者'],
    ['1名志愿者', '1 volunteer', '1名志愿者'],
    ['800名教师', '800 teachers', '800名教师'],
    ['5万名', '50,000 people', '5万人'],
  ],
  'compound units': [
    ['28微克/立方米', '28 micrograms per cubic metre', '28微克/立方米'],
    ['0.38吨标准煤/万元', '0.38 tonnes of standard coal equivalent per 10,000 yuan', '0.38吨标煤/万元'],
    ['350万标准箱', '3.5 million TEU', '350万标箱'],
    ['260万标箱', '2.6 million TEU', '260万标箱'],
    ['1200万吨标准煤', '12 million tonnes of standard coal equivalent', '1200万吨标准煤'],
    ['突破50吉瓦', 'more than 50 GW', '超50吉瓦'],
    ['12吉瓦时', '12 GWh', '12吉瓦时'],
    ['1200兆瓦', '1,200 MW', '1200兆瓦'],
    ['801元/月', '801 yuan a month', '801元/月'],
    ['4318元/年', '4,318 yuan a year', '4318元/年'],
    ['12万架次', '120,000 flights', '12万架次'],
    ['8.9小时', '8.9 hours', '8.9小时'],
    ['1小时', '1 hour', '1小时'],
    ['12分钟', '12 minutes', '12分钟'],
    ['16.9万吨/日', '169,000 tonnes a day', '16.9万吨/日'],
    ['20亿立方米/年', '2 billion cubic metres a year', '20亿立方米/年'],
    ['9兆瓦时', '9 MWh', '9兆瓦时'],
    ['72份', '72', '72份'],
    ['9轮', '9 rounds', '9轮'],
    ['1轮', '1 round', '1轮'],
  ],
  comparisons: [
    ['高于全国0.8个百分点', '0.8 percentage points above the national average', '高于全国0.8个百分点'],
    ['低于全国平均水平1.5个百分点', '1.5 percentage points below the national average', '低于全国平均水平1.5个百分点'],
    ['比全国高0.3个百分点', '0.3 percentage points above the national average', '高于全国0.3个百分点'],
    ['比上年提高2.1个百分点', 'up 2.1 percentage points from the previous year', '比上年提高2.1个百分点'],
    ['比上年下降4%', 'down 4% from the previous year', '比上年下降4%'],
    ['比上年同期增长7.5%', 'up 7.5% from the same period of the previous year', '比上年同期增长7.5%'],
  ],
  'changes over years': [
    ['2021—2025年年均增长5.2%', 'up an average of 5.2% a year in 2021-2025', '2021—2025年年均增长5.2%'],
    ['２０２１－２０２５年年均下降３％', 'down an average of 3% a year in 2021-2025', '2021—2025年年均下降3%'],
    ['力争2026—2030年年均增长6%', 'aiming for average growth of 6% a year in 2026-2030', '力争2026—2030年年均增长6%'],
    ['2026—2030年年均增长5%左右', 'up an average of about 5% a year in 2026-2030', '2026—2030年年均增长5%左右'],
    ['2021至2025年累计增长2.4倍', 'up 240% over 2021-2025', '2021—2025年累计增长2.4倍'],
    ['2021—2025年累计提高3个百分点', 'up 3 percentage points over 2021-2025', '2021—2025年累计增长3个百分点'],
  ],
};

describe.each(Object.entries(FORM_CLASSES))('the figure grammar: %s', (_, rows) => {
  it.each(rows)('%s → en "%s", zh "%s"', (written, en, zh) => {
    expect(format(written, 'en')).toBe(en);
    expect(format(written, 'zh')).toBe(zh);
  });

  it.each(rows)('%s: the regenerated Chinese reads back as the same figure', (written) => {
    const figure = parseFigure(written, vocabulary);
    // 5万名 comes back as 5万人, 翻番 as 翻一番: other words, the same typed figure
    expect(parseFigure(formatFigure(figure, formatters.zh), vocabulary)).toEqual(figure);
  });
});

describe('the typed value', () => {
  it('keeps a range as lower value and upper bound in the unit of the upper bound', () => {
    expect(parseFigure('30至60亿元', vocabulary)).toEqual({
      kind: 'amount',
      quantity: {
        value: { sign: 1, digits: '3', exponent: 1 },
        upper: { sign: 1, digits: '6', exponent: 1 },
        unit: { key: 'yuan_1e8', base: 'yuan', scale: 8 },
        qualifier: 'exact',
      },
    });
  });

  it('rescales a lower bound written with another multiplier exactly', () => {
    const figure = parseFigure('6000万至1.5亿元', vocabulary);
    expect(figure.kind === 'amount' && toPlain(figure.quantity.value)).toBe('0.6');
  });

  it('orders a range of falls so that upper > value', () => {
    const figure = parseFigure('下降2%—3%', vocabulary);
    expect(figure.kind === 'change' && [toPlain(figure.change.value), toPlain(figure.change.upper!)]).toEqual(['-3', '-2']);
  });

  it('reads comparisons with what they are measured against', () => {
    expect(parseFigure('比上年提高2.1个百分点', vocabulary)).toMatchObject({
      kind: 'change',
      change: { unit: 'points', against: { reference: 'previous_year', relation: 'change' } },
    });
    expect(parseFigure('低于全国1个百分点', vocabulary)).toMatchObject({
      kind: 'change',
      change: { value: { sign: -1 }, against: { reference: 'national', relation: 'gap' } },
    });
  });

  it('reads a doubling over years as the whole change, written back as the rise it makes', () => {
    const figure = parseFigure('2021—2025年累计翻一番', vocabulary);
    expect(figure).toMatchObject({ kind: 'change', change: { unit: 'doubling', over: { from: 2021, to: 2025 } } });
    expect([formatFigure(figure, formatters.en), formatFigure(figure, formatters.zh)]).toEqual(['up 100% over 2021-2025', '2021—2025年累计增长100%']);
  });

  it('reads a plan name as a period, not a figure', () => {
    expect(parseFigure('十四五', vocabulary)).toEqual({ kind: 'plan', plan: 14, from: 2021, to: 2025 });
  });
});

describe('the figure grammar refuses what it cannot read, naming the text and the part', () => {
  it.each([
    ['亿元', '亿元', /no number found/],
    ['万人', '万人', /no number found/],
    ['数千家', '数千家', /no number found/],
    ['12盏', '盏', /unknown unit "盏"/],
    ['居火星城市第4位', '火星城市', /unknown peer group/],
    ['增长12亿元', '增长12亿元', /change must be in %/],
    ['5%—4%', '5%—4%', /upper bound of a range must be greater/],
    ['5%—', '—', /a range needs a second figure/],
    ['5%以上左右', '左右', /two qualifiers/],
    ['约600多家', '约600多家', /two qualifiers/],
    ['3亿元至5万人', '3亿元至5万人', /different units/],
    ['3亿元至5', '5', /a range ends with its unit/],
    ['3级', '3', /power of ten/],
    ['比火星增长5%', '火星增长5%', /unknown reference/],
    ['翻一番以上', '以上', /nothing may follow 翻番/],
    ['第2.5位', '2.5', /whole number/],
    ['3万%', '3万%', /takes no multiplier/],
    ['2030—2026年', '2030—2026年', /ends after it starts/],
    ['达30亿级规模', '30亿', /power of ten/],
    ['5/4', '5/4', /numerator is at least 1 and less than its denominator/],
    ['0/9', '0/9', /numerator is at least 1/],
    ['1/3万人', '万人', /nothing but a qualifier may follow a fraction/],
    ['约1/3以上', '约1/3以上', /two qualifiers/],
    ['年均增长5%', '年均', /年均 is a change over years: name them/],
    ['力争累计下降3%', '力争累计', /累计 is a change over years: name them/],
    ['2025年年均增长5%', '2025年', /needs a span of two years or more/],
    ['2021—2025年年均翻一番', '翻一番', /never a yearly average/],
    ['力争2021—2025年年均5%', '5%', /年均 needs a change after it/],
    ['2021—2025年年均增长5亿元', '增长5亿元', /change must be in %/],
  ])('%s', (text, part, reason) => {
    let error: unknown;
    try {
      parseFigure(text, vocabulary);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FigureParseError);
    const { message, part: named, text: named2 } = error as FigureParseError;
    expect(named2).toBe(text);
    expect(named).toBe(part);
    expect(message).toMatch(reason);
    expect(message).toContain(`"${text}"`);
  });
});

describe('figures in running text (readFigureAt, for the extractor)', () => {
  it.each([
    ['产值增长6.5%—7%，投资', 2, '增长6.5%—7%', 'up 6.5-7%'],
    ['完成投资30亿至45亿元。', 4, '30亿至45亿元', '3-4.5 billion yuan'],
    ['新增800多家企业', 2, '800多家', 'more than 800 companies'],
    ['占比达到9%，到2030年', 2, '达到9%', '9%'],
    ['比上年提高0.7个百分点，', 0, '比上年提高0.7个百分点', 'up 0.7 percentage points from the previous year'],
    ['增长4%以上。', 0, '增长4%以上', 'up at least 4%'],
  ])('%s at %i reads %s', (text, at, read, en) => {
    const found = readFigureAt(text, at, vocabulary)!;
    expect(text.slice(at, at + found.length)).toBe(read);
    expect(formatFigure(found.figure, formatters.en)).toBe(en);
  });

  it('reads Chinese numerals in running text only when asked', () => {
    expect(readFigureAt('两万人参加', 0, vocabulary)).toBeUndefined();
    expect(readFigureAt('两万人参加', 0, vocabulary, { numerals: true })?.length).toBe(3);
  });

  it('finds nothing where no figure starts', () => {
    expect(readFigureAt('增长12亿元', 0, vocabulary)).toBeUndefined();
    expect(readFigureAt('加快建设', 0, vocabulary)).toBeUndefined();
  });
});

describe('Chinese numerals and folding', () => {
  it.each([
    ['两', '2', 0],
    ['十', '10', 0],
    ['十五', '15', 0],
    ['二十', '20', 0],
    ['一百零五', '105', 0],
    ['三千', '3000', 0],
    ['两万', '2', 4],
    ['一千二百万', '1200', 4],
    ['一亿五千万', '15000', 4],
    ['二十万亿', '20', 12],
    ['二〇三〇', '2030', 0],
  ])('%s is %s × 10^%i', (written, value, scale) => {
    const read = readNumeral(written, 0)!;
    expect([toPlain(read.value), read.scale, read.length]).toEqual([value, scale, written.length]);
  });

  it('writes the numerals of plan names and doublings', () => {
    expect([chineseNumeral(14), chineseNumeral(15), chineseNumeral(20), chineseNumeral(2, { liang: true }), chineseNumeral(2)]).toEqual([
      '十四',
      '十五',
      '二十',
      '两',
      '二',
    ]);
  });

  it('folds full-width digits, signs and dashes character for character', () => {
    const text = '１２．５％～∶–○（）';
    expect(foldFigureText(text)).toBe('12.5%~:—〇()');
    expect(foldFigureText(text)).toHaveLength(text.length);
  });
});
