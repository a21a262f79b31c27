/**
 * Finds the figures of a report in its compact text: a number with its multiplier and unit, the
 * qualifier and verb words around it, or a rank `第N位`. One left-to-right pass; every look-around
 * is bounded, so a 10 MB report costs time in proportion to its size.
 */
import { toNumber, toPlain } from '../quantity/decimal';
import { readFractionInWords, readNumeral } from '../quantity/numerals';
import { type ChineseVocabulary, readFigureAt, readUnit } from '../quantity/parseChinese';
import { listUnitAfter } from '../quantity/vocabulary';
import type { Qualifier } from '../quantity/types';
import { FRACTION_BASES, type Unit, parseUnitKey, sameUnitFamily, unitKey } from '../quantity/unit';
import { measureOf } from './metrics';
import {
  CHANGE_WORDS,
  CLAUSE_END,
  COMPANY_NOUNS,
  COMPARISON,
  comparisonReference,
  RATE_NOUNS,
  comparisonVerb,
  COMPARISON_FALLS,
  COMPARISON_QUALIFIER,
  countsStepsCrossed,
  INFIX_OVER,
  INSTITUTION_NOUNS,
  PASSENGER_NOUNS,
  PERSON_TIME_NOUNS,
  STORE_NOUNS,
  VISITOR_NOUNS,
  LEVEL_VERBS,
  type Measured,
  POLICY_NOUNS,
  SET_NOUNS,
  PREDICATE_ONLY_BASES,
  CLOCK_BASES,
  PREFIX_QUALIFIERS,
  RANK_FILLER,
  BEFORE_TOP_SHARE,
  RANK_PEERS_ALONE,
  RANK_VERBS,
  STREAK_PREFIXES,
  statesAMeasure,
  SUFFIX_QUALIFIERS,
  suffixQualifierAt,
  figureKind,
} from './rules';
import unitWords from './unitWords.json' with { type: 'json' };

export interface Figure {
  /** Compact span: the words before (verb, qualifier), the number, its unit and the words after. */
  readonly start: number;
  readonly end: number;
  readonly numberStart: number;
  /** The number as written: "7489.8"; a range's lower bound. */
  readonly number: string;
  /** A range's upper bound as written (`4.5%—5%`: number 4.5, upper 5). */
  readonly upper?: string;
  /** Glossary unit; undefined when the unit word has none (`盏`, `平方米/人`). */
  readonly unit?: Unit;
  /** The unit as written after the number, multiplier included: "亿元", "%", "盏"; "" for a bare number. */
  readonly unitWord: string;
  readonly kind: Measured;
  readonly qualifier: Qualifier;
  /** −1 for a fall (`下降`); applies to growth figures. */
  readonly sign: 1 | -1;
  /** The change or level verb before the figure, if any. */
  readonly verb?: string;
  readonly verbKind?: 'change' | 'level' | 'qualifier';
  /** Rank figures: where the rank verb is (居, 排名, …) and the peer group as written after it. */
  readonly rank?: { readonly verbAt: number; readonly peers: string };
  /** A gap in points to a reference (`高于全国0.7个百分点`): the reference as written (`全国`, `国家考核目标`). */
  readonly reference?: string;
  /**
   * Set when the qualifier is the comparison verb's, not written (`超过全国0.28个百分点` is "over" by the labelling
   * rules): the gap itself is exact.
   */
  readonly verbQualified?: true;
  /** `上千个`: "at least" said by a word of size, as results are reported, not the bound of a goal (`1万人以上`). */
  readonly atLeastInWords?: true;
}

/** The vocabulary the scanner reads with: the glossary's unit words plus the extractor's aliases. */
export interface ScanVocabulary extends ChineseVocabulary {
  readonly untyped: ReadonlyArray<readonly [string, Measured]>;
}

export function scanVocabulary(base: ChineseVocabulary): ScanVocabulary {
  const known = new Set(base.units.map(([word]) => word));
  const aliases = Object.entries(unitWords.aliases).filter(([word]) => !known.has(word));
  const units = [...base.units, ...aliases].sort((a, b) => b[0].length - a[0].length);
  const untyped = Object.entries(unitWords.untyped as Record<string, Measured>)
    .filter(([word]) => !known.has(word))
    .sort((a, b) => b[0].length - a[0].length);
  return { ...base, units, untyped };
}

const MAX_UNTYPED_WORD = 8;
/** Longest quoted name or title (`“…”`, `《…》`) whose digits are part of the name. */
const MAX_QUOTED = 60;

/**
 * Every figure in `text`, in order. `masked[i]` marks characters inside names, slogans and titles
 * (`“800米覆盖通勤比”`, `全国168个重点城市`), whose digits are not figures.
 */
export function scanFigures(text: string, vocabulary: ScanVocabulary, masked: Uint8Array): Figure[] {
  const figures: Figure[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isDigit(text.charCodeAt(i))) {
      // Ranks in words: `居全国第二`, `保持全国首位`.
      const ranked = (text[i] === '第' || text[i] === '首') && !masked[i] ? readWordRank(text, i) : undefined;
      const worded =
        ranked ??
        (!masked[i]
          ? (readDoubling(text, i) ?? readWordFigure(text, i, vocabulary) ?? readWordFraction(text, i) ?? readNumeralFigure(text, i, vocabulary))
          : undefined);
      if (worded) {
        figures.push(worded);
        i = worded.end - 1;
      }
      continue;
    }
    let end = i;
    while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    if (text[end] === '.' && isDigit(text.charCodeAt(end + 1))) {
      end++;
      while (end < text.length && isDigit(text.charCodeAt(end))) end++;
    }
    const figure = masked[i] ? undefined : readFigure(text, i, end, vocabulary);
    if (figure) {
      figures.push(continuesList(text, figures[figures.length - 1], figure));
      i = figure.end - 1;
    } else {
      i = end - 1;
    }
  }
  return figures;
}

/**
 * A % written right after a growth and a list mark, with no verb of its own, is a growth too:
 * `国内游客人次、总花费增长5.6%、7.5%` (both are changes).
 */
function continuesList(text: string, previous: Figure | undefined, figure: Figure): Figure {
  // `创新平台分别达到22家、182家`: the second 家 counts what the first does.
  if (
    previous?.unit &&
    figure.unit?.base === 'company' &&
    (previous.unit.base === 'institution' || previous.unit.base === 'store') &&
    /^[、和及与]$/.test(text.slice(previous.end, figure.start))
  ) {
    return { ...figure, unit: parseUnitKey(unitKey(previous.unit.base, figure.unit.scale))! };
  }
  // `普及率超过98%、85%`: the bound word before a list of figures bounds each of them (of fractions too: `超过1/3、2/5`).
  if (
    previous &&
    previous.qualifier !== 'exact' &&
    previous.verbKind === 'qualifier' &&
    figure.qualifier === 'exact' &&
    figure.verb === undefined &&
    sameUnitFamily(previous.unit, figure.unit) &&
    /^[、和]$/.test(text.slice(previous.end, figure.start))
  ) {
    figure = { ...figure, qualifier: previous.qualifier };
  }
  if (previous?.kind !== 'growth' || figure.kind !== 'share' || figure.verb !== undefined) return figure;
  if (!/^[、和及与]$/.test(text.slice(previous.end, figure.start)) || previous.unit?.key !== figure.unit?.key) return figure;
  return { ...figure, kind: 'growth', sign: previous.sign };
}

/** `翻一番` (or a bare `翻番`) doubles: +100%; `翻两番` quadruples: +300%; `翻三番`: +700%. */
const DOUBLING = /^翻了?([一两二三])?番/;
const DOUBLINGS: Readonly<Record<string, number>> = { 一: 1, 两: 2, 二: 2, 三: 3 };

function readDoubling(text: string, at: number): Figure | undefined {
  const match = text[at] === '翻' ? DOUBLING.exec(text.slice(at, at + 4)) : null;
  if (!match) return undefined;
  const times = DOUBLINGS[match[1] ?? '一'] as number;
  return {
    start: at,
    end: at + match[0].length,
    numberStart: at,
    number: String(2 ** times * 100 - 100),
    unit: parseUnitKey('percent')!,
    unitWord: '翻番',
    kind: 'growth',
    qualifier: 'exact',
    sign: 1,
    verb: '翻番',
    verbKind: 'change',
  };
}

/**
 * A figure in Chinese numerals (`提高两个百分点`, `增长两倍`, `新增就业十万人`, `营收超过五百亿元`). Numerals
 * run through names and set phrases (`一带一路`, `三大行动`, `五个一`), so only a measure no set phrase
 * uses makes one a figure: percentage points, 倍, or a unit with 万/亿 before it.
 */
function readNumeralFigure(text: string, at: number, vocabulary: ScanVocabulary): Figure | undefined {
  if (!NUMERAL_START.test(text[at] ?? '') || NOT_AFTER.test(text[at - 1] ?? '')) return undefined;
  const numeral = readNumeral(text, at);
  if (!numeral) return undefined;
  // The trailing 万/亿 is read with the unit, as after digits (`十万人` is 10 of 万人).
  const multiplier = numeral.scale === 12 ? 2 : numeral.scale > 0 ? 1 : 0;
  const numberEnd = at + numeral.length - multiplier;
  const figure = readFigure(text, at, numberEnd, vocabulary, toPlain(numeral.value));
  return statesAMeasure(figure?.unit) ? figure : undefined;
}

/**
 * A numeral that may open a figure: not 〇/零, nor a bare 百/千/万/亿, which name size classes and steps
 * (`千亿元台阶`, `百万亩良田`; `突破千亿元` is read above, after its bound word).
 */
const NUMERAL_START = /[一二两三四五六七八九十]/;
/** What a figure's numeral never follows: another numeral, an ordinal or a date word. */
const NOT_AFTER = /[〇零一二两三四五六七八九十百千万亿第周初每\d.]/;

/** How far back a clause is looked at for a count before a round figure (a bound keeps the scan linear). */
const MAX_CLAUSE_BACK = 40;
const TENTH_NUMERALS = '二三四五六七八九';
const TENTHS_IN_WORDS = new RegExp(`^([${TENTH_NUMERALS}])成`);

/** A scale word standing for its number, after a bound word or before 余/多: `超万亿元`, `千余家`, `近百个`. */
const WORD_SCALE = /^(万亿|千亿|百亿|千万|百万|亿|万|千|百)(?=[余多]?)/;
/** Bounds written after a figure's unit, which make a scale word a number as a bound word before it does. */
const BOUND_AFTER_WORD = /(?:以上|左右|以内|以下)$/;
const WORD_FIGURE_PREFIX = /(?:超过|突破|超|逾|近|将近|接近)$/;
/** 上 before 百, 千 or 万 (`上千个`): at least that many; not the 上 of 以上, 线上 or 向上. */
const AT_LEAST_WORD = /(?<![以线向之而])上$/;
/** A number word right after part of a number is part of that number (`二十三成`, `几百万`), not a figure of its own. */
const NUMBER_BEFORE = /[\d一二三四五六七八九十两零〇几数上百千万亿.]/;

function readWordFigure(text: string, at: number, vocabulary: ScanVocabulary): Figure | undefined {
  const sized = readSizeClass(text, at);
  if (sized) return sized;
  // `三成`, `超六成`: tenths written in words (never 一成, the idiom's 一成不变).
  const tenths = text[at + 1] === '成' ? TENTHS_IN_WORDS.exec(text.slice(at, at + 2))?.[1] : undefined;
  if (tenths && !NUMBER_BEFORE.test(text[at - 1] ?? '')) {
    const figure = readFigure(text, at, at + 1, vocabulary, String(TENTH_NUMERALS.indexOf(tenths) + 2));
    return figure?.unit?.base === 'tenth' ? figure : undefined;
  }
  const scale = WORD_SCALE.exec(text.slice(at, at + 3))?.[1];
  if (!scale) return undefined;
  const atLeast = !scale.includes('亿') && AT_LEAST_WORD.test(text.slice(Math.max(0, at - 2), at));
  if (NUMBER_BEFORE.test(text[at - 1] ?? '') && !atLeast) return undefined;
  const more = INFIX_OVER.includes(text[at + scale.length] ?? '');
  // A scale word alone is a number only with 余/多 (`千余家`) or after a bound word (`超万亿元`, `近百个`, `上千家`).
  const counted = scale.startsWith('千') || scale.startsWith('百');
  const bound = WORD_FIGURE_PREFIX.test(text.slice(Math.max(0, at - 2), at));
  // `超千场`, `近百家`, `上千个`: a bound word makes a hundred or a thousand a count (`上`: at least that many); so does a
  // bound after the unit (`稳定在千万吨以上`, `千亿元左右`; not `亿元以上项目`, a class of projects).
  const boundBefore = more || atLeast || bound;
  if (!boundBefore && !counted) return undefined;
  // 千/百 are the number (千余亿元 is 1000 of 亿元); 万/亿 are the multiplier of one (万亿元 is 1 of 万亿元).
  const number = counted ? (scale.startsWith('千') ? '1000' : '100') : '1';
  const unitAt = counted ? at + 1 : at;
  const figure = readFigure(text, at, unitAt, vocabulary, number);
  if (!boundBefore && !(figure && BOUND_AFTER_WORD.test(text.slice(at, figure.end)))) return undefined;
  // `191家工业企业营业收入超百亿元`: after a count in its clause, a round figure is the threshold of what was counted.
  if (counted && !more && /\d/.test(text.slice(Math.max(0, at - MAX_CLAUSE_BACK), at).replace(/^[\s\S]*[,;:。!?\n、]/, ''))) return undefined;
  if (!figure || figure.kind === 'share') return undefined;
  // Words only: a bare number word is never a figure, nor a class word (`万亿级`).
  if (figure.unitWord === '' || /级/.test(figure.unitWord)) return undefined;
  return atLeast ? { ...figure, start: Math.min(figure.start, at - 1), qualifier: 'at_least', atLeastInWords: true } : figure;
}

/** `达万亿级规模`: a money total stated by its size class, about one of it (万亿 is 1 of 万亿元, 千亿 is 1000 of 亿元). */
const SIZE_CLASS = /^(万亿|千亿|百亿)级规模/;
const SIZE_CLASS_UNITS: Readonly<Record<string, readonly [string, string]>> = {
  万亿: ['1', 'yuan_1e12'],
  千亿: ['1000', 'yuan_1e8'],
  百亿: ['100', 'yuan_1e8'],
};

function readSizeClass(text: string, at: number): Figure | undefined {
  const match = text[at + 2] === '级' ? SIZE_CLASS.exec(text.slice(at, at + 6)) : null;
  if (!match) return undefined;
  const end = at + match[0].length;
  const verb = ['达到', '达'].find((word) => text.endsWith(word, at));
  // Only as the stated value of its clause (`收入达万亿级规模，`), and only of money: `形成万亿级规模产业集群` names a class.
  if (!verb || !(CLAUSE_END.has(text[end] ?? '\n') || text[end] === '、')) return undefined;
  let subjectStart = at - verb.length;
  while (subjectStart > 0 && at - subjectStart < 24 && !CLAUSE_END.has(text[subjectStart - 1] ?? '')) subjectStart--;
  if (measureOf(text.slice(subjectStart, at - verb.length)) !== 'money') return undefined;
  const [number, key] = SIZE_CLASS_UNITS[match[1] as string] as readonly [string, string];
  return {
    start: at - verb.length,
    end,
    numberStart: at,
    number,
    unit: parseUnitKey(key)!,
    unitWord: match[0],
    kind: 'level',
    qualifier: 'about',
    sign: 1,
    verb,
    verbKind: 'level',
  };
}

/** Whether the Latin letters at `at` are a unit word of the vocabulary, whole (`4000P`, `160Eflops`), not a code (5G, T3). */
function latinUnitAt(text: string, at: number, vocabulary: ScanVocabulary): boolean {
  const letters = /^[A-Za-z]+(?![0-9])/.exec(text.slice(at, at + 12))?.[0];
  return letters !== undefined && vocabulary.units.some(([word]) => word === letters);
}

function readFigure(text: string, numberStart: number, numberEnd: number, vocabulary: ScanVocabulary, worded?: string): Figure | undefined {
  const before = text[numberStart - 1] ?? '';
  const after = text[numberEnd] ?? '';
  if (worded !== undefined) return readAmount(text, numberStart, numberEnd, worded, vocabulary);
  // Codes and names, not figures: PM2.5, 5G, S12, **1**, list numbers "1.", ranges "0-3", times "11:25".
  // A unit written in Latin letters is no code: computing power in petaflops (`4000P`, `4800PF`).
  if (/[A-Za-z*.\-~:/+]/.test(before) || (/[A-Za-z*+]/.test(after) && !latinUnitAt(text, numberEnd, vocabulary))) return undefined;
  if ((after === '.' || after === '-' || after === '~') && !isDigit(text.charCodeAt(numberEnd + 1))) return undefined;
  // `下降1-2个百分点`, `增长5~6%`: a range of a change or of an amount in 万/亿; `0-3岁`, `3-5号线` are attributes and codes.
  if (after === '-' || after === '~') {
    const range = readRange(text, numberStart, vocabulary);
    return statesAMeasure(range?.unit) ? range : undefined;
  }
  if (after === ':' && !text.startsWith(':1', numberEnd)) return undefined;
  const number = text.slice(numberStart, numberEnd);

  if (before === '第') return readRank(text, numberStart - 1, numberEnd, number);
  // `ESI全球排名前1%的学科`, `进入全国前10%`: the top share of a ranking, not a share (rules.ts TOP_SHARE).
  if ((after === '%' || after === '‰') && BEFORE_TOP_SHARE.test(text.slice(Math.max(0, numberStart - 3), numberStart))) return undefined;
  if (STREAK_PREFIXES.some((word) => text.endsWith(word, numberStart))) return undefined;
  if (TIME_SPENT.test(text.slice(Math.max(0, numberStart - 8), numberStart)) && SPAN_OF_TIME.test(text.slice(numberEnd, numberEnd + 10))) return undefined;
  // `每10万人`: the denominator of a rate, not a figure.
  if (before === '每') return undefined;

  if (after === '/') return readFraction(text, numberStart, numberEnd, number);

  const range = readRange(text, numberStart, vocabulary);
  if (range) return range;
  return readAmount(text, numberStart, numberEnd, number, vocabulary);
}

/**
 * `占全国1/3以上`, `占全国增量的1/4`: a share written as a proper fraction of whole numbers: the numerator is
 * the value and `/denominator` the unit word, a glossary unit for the denominators it names (`fraction_over3`).
 */
function readFraction(text: string, numberStart: number, numberEnd: number, number: string): Figure | undefined {
  const denominator = /^\/(\d+)(?![\d./%A-Za-z])/.exec(text.slice(numberEnd, numberEnd + 8))?.[1];
  if (!denominator || /\./.test(number)) return undefined;
  return fractionFigure(text, numberStart, numberEnd + denominator.length + 1, number, denominator);
}

/** `占全国三分之一`, `超过四分之一`: the same share in words, read as the figure grammar reads it. */
function readWordFraction(text: string, at: number): Figure | undefined {
  // Checked per character of the text: the cheap tests first.
  const words = !NUMERAL_START.test(text[at] ?? '') || NOT_AFTER.test(text[at - 1] ?? '') ? undefined : readFractionInWords(text, at);
  return words && fractionFigure(text, at, at + words.length, String(words.numerator), String(words.denominator));
}

/** A proper fraction of whole numbers as a share, its numerator the value (from numberStart; the fraction ends at `end`). */
function fractionFigure(text: string, numberStart: number, fractionEnd: number, number: string, denominator: string): Figure | undefined {
  if (Number(number) < 1 || Number(number) >= Number(denominator)) return undefined;
  const unitWord = `/${denominator}`;
  const base = `fraction_over${denominator}`;
  const unit = FRACTION_BASES.has(base) ? parseUnitKey(base) : undefined;
  let end = fractionEnd;
  const suffix = suffixQualifierAt(text, end);
  if (suffix) end += suffix[0].length;
  const prefix = readPrefix(text, numberStart);
  return {
    start: prefix.start,
    end,
    numberStart,
    number,
    ...(unit && { unit }),
    unitWord,
    kind: 'share',
    qualifier: suffix?.[1] ?? prefix.qualifier ?? 'exact',
    sign: 1,
    ...(prefix.verb && { verb: prefix.verb, verbKind: prefix.verbKind }),
  };
}

/** Verbs that set out a plan's targets, before how many there are (`提出6项指标`). */
const PLAN_SET_VERB = /(?:提出|设置|设定|共计|明确)$/;

/** A stretch of time spent, not a quantity: `用13年时间`, `经过3个月时间`, `用3至5年时间` (not `节省3天时间`). */
const TIME_SPENT = /(?:用|经过|花了?|历时|耗时)(?:\d+[至到—~-])?$/;
const SPAN_OF_TIME = /^(?:[至到—~-]\d+)?(?:多|余)?(?:年|个月|个多月|天|周)(?:多)?时间/;

/** Words before `N位` that make it places in a ranking, not people: `排名提升17位`, `前10位`. */
const RANK_PLACES = /(?:排名|排位|位次|名次)[\u4e00-\u9fff\n]{0,6}$|[前后]$/;

/**
 * People a measure reached and businesses added, written with no counter: `惠及23.6万婴幼儿`, `带动3.78万农牧民就业`,
 * `新增3万市场主体`.
 */
const PEOPLE_REACHED =
  /^([万亿])(?:余|多)?(各族群众|困难群众|受灾群众|群众|婴幼儿|儿童|农牧民|农民|居民|学生|残疾人|老年人|妇女|职工|脱贫人口|监测对象|市场主体|经营主体)/;
/** The verbs that say a measure reached them or added them (`为` only as `为…发放`: `为138万残疾人发放补贴`). */
const REACHES = /(?:惠及|帮助|带动|安置|覆盖|资助|救助|培训|吸纳|服务|为|新增|净增|新登记)$/;

/**
 * A count of the people a measure reached, with no counter of its own: the multiplier and the noun are its unit word
 * (`万婴幼儿`, with no glossary unit: the statement is the editor's to place). Only after a verb that says so:
 * `2100多万成都市民` only says who.
 */
function peopleReached(text: string, numberStart: number, at: number, number: string, infix: Qualifier): Figure | undefined {
  const noun = PEOPLE_REACHED.exec(text.slice(at, at + 8));
  if (!noun) return undefined;
  const prefix = readPrefix(text, numberStart);
  const verb = REACHES.exec(text.slice(Math.max(0, prefix.start - 2), prefix.start))?.[0];
  if (!verb || (verb === '为' && !/^.{0,8}发放/.test(text.slice(at + noun[0].length)))) return undefined;
  const more = /^[万亿](?:余|多)/.test(noun[0]) ? 'more_than' : undefined;
  return {
    start: prefix.start - verb.length,
    end: at + noun[0].length,
    numberStart,
    number,
    unitWord: `${noun[1]}${noun[2]}`,
    kind: 'count',
    qualifier: more ?? (infix !== 'exact' ? infix : (prefix.qualifier ?? 'exact')),
    sign: 1,
    verb,
    verbKind: 'level',
  };
}

/** The unit, qualifiers and verb of a number written from numberStart to numberEnd. */
function readAmount(text: string, numberStart: number, numberEnd: number, number: string, vocabulary: ScanVocabulary): Figure | undefined {
  // Unit: 多/余 may stand between the number and its multiplier (2100多万, 2万余名).
  let at = numberEnd;
  let qualifier: Qualifier = 'exact';
  if (INFIX_OVER.includes(text[at] ?? '') && (readUnit(text, at + 1, vocabulary) || /[万亿千]/.test(text[at + 1] ?? ''))) {
    qualifier = 'more_than';
    at++;
  }
  let read = readUnitAt(text, at, vocabulary) ?? readFigureUnit(text, at, vocabulary);
  const reached = read ? undefined : peopleReached(text, numberStart, at, number, qualifier);
  if (reached) return reached;
  if (!read) {
    // 2万余名, 2100多万人: 多/余 after the multiplier.
    const multiplier = vocabulary.multipliers.find(([word]) => text.startsWith(word, at) && INFIX_OVER.includes(text[at + word.length] ?? ''));
    const probe = multiplier && `${multiplier[0]}${text.slice(at + multiplier[0].length + 1, at + multiplier[0].length + 1 + MAX_UNTYPED_WORD)}`;
    const unit = probe ? readUnitAt(probe, 0, vocabulary) : undefined;
    if (multiplier && unit) {
      read = { ...unit, word: text.slice(at, at + unit.word.length + 1) };
      qualifier = 'more_than';
    }
  }
  // `分别提高0.3、0.5个百分点`, `快于全国3.4个、1个百分点`: a list writes its unit once, after its last figure.
  const listed = read === undefined ? listUnitAfter(text.slice(at)) : read.word === '个' ? listUnitAfter(text.slice(at + 1), true) : undefined;
  if (listed) {
    const shared = readUnitAt(listed, 0, vocabulary);
    if (shared) read = { ...shared, word: read?.word ?? '' };
  }
  let unit = read?.unit;
  const unitWord = read?.word ?? '';
  let untypedKind = read?.untypedKind;
  at += unitWord.length;
  // `30万千瓦级机组`, `300万吨级CCUS项目`: a class of size names what follows; it states no amount.
  if (unitWord !== '' && text[at] === '级' && !/^级(?:别|次)/.test(text.slice(at, at + 2))) return undefined;
  if (read && text[at] === '余') {
    qualifier = 'more_than';
    at++;
  }

  const suffix = suffixQualifierAt(text, at);
  const prefix = readPrefix(text, numberStart);
  if (!read && vocabulary.multipliers.some(([word]) => word === text.slice(at, at + word.length)) && number === '1') {
    // `海洋生产总值突破万亿`: a scale word alone at the end of its clause, kept untyped.
    const word = vocabulary.multipliers.find(([w]) => text.startsWith(w, at))![0];
    if (!(CLAUSE_END.has(text[at + word.length] ?? '\n') || text[at + word.length] === '、')) return undefined;
    return {
      start: readPrefix(text, numberStart).start,
      end: at + word.length,
      numberStart,
      number,
      unitWord: word,
      kind: 'level',
      qualifier: readPrefix(text, numberStart).qualifier ?? 'exact',
      sign: 1,
    };
  }
  if (!read) {
    // A bare number is a figure only as a stated value at the end of its clause: `控制在103左右`, `达到81.13。`
    const close = at + (suffix?.[0].length ?? 0);
    if (!prefix.verb || !(CLAUSE_END.has(text[close] ?? '\n') || close >= text.length)) return undefined;
    const subject = text.slice(Math.max(0, prefix.start - 12), prefix.start);
    if (subject.includes('指数')) unit = parseUnitKey('index_prev100');
    else untypedKind = 'level';
  }
  if (unit?.base === 'year' && /^(19|20)\d\d$/.test(number)) return undefined; // a date: 2025年
  if (unit?.base === 'year' && text[numberStart - 1] === '近') return undefined; // 近3年: a stretch of time
  // `院士增至123位` counts people; `排名上升10位`, `前10位` move or bound a rank.
  if (unit?.base === 'person' && text[at - 1] === '位' && RANK_PLACES.test(text.slice(Math.max(0, numberStart - 8), numberStart))) return undefined;
  if (unit && PREDICATE_ONLY_BASES.has(unit.base) && !prefix.verb) return undefined; // 60岁以上老年人
  // `提升15分钟健身圈`: a stretch of hours or minutes before a noun names a radius of time, not a figure.
  if (unit && CLOCK_BASES.has(unit.base) && /^[\u4e00-\u9fff]/.test(text.slice(at + (suffix?.[0].length ?? 0)))) return undefined;
  if ((unit?.base === 'item_tiao' || unit?.base === 'item_xiang') && POLICY_NOUNS.some((noun) => text.startsWith(noun, at))) return undefined; // 70条措施, 84项政策措施
  if (unit?.base === 'item' && SET_NOUNS.some((noun) => text.startsWith(noun, at))) return undefined; // 做好9个方面工作
  // `提出6项指标`, `共设置26项指标`: the size of a plan's set of targets, not a figure of its own.
  if (unit?.base === 'item_xiang' && /^(?:主要)?指标/.test(text.slice(at)) && PLAN_SET_VERB.test(text.slice(Math.max(0, numberStart - 4), numberStart)))
    return undefined;
  if (suffix) {
    qualifier = suffix[1];
    at += suffix[0].length;
  }
  if (prefix.qualifier && !suffix && !countsStepsCrossed(prefix.verb, unit, text.slice(at, at + 12))) qualifier = prefix.qualifier;

  // `优于全国约1个百分点`: a qualifier may stand between the reference and the figure.
  const compared = prefix.verbKind === 'qualifier' ? prefix.start : numberStart;
  const comparable = unit?.base === 'points' && (!prefix.verb || prefix.verbKind === 'qualifier' || RATE_NOUNS.has(prefix.verb));
  const comparison = comparable ? COMPARISON.exec(text.slice(Math.max(0, compared - 12), compared)) : null;
  if (comparison) {
    const verb = comparisonVerb(comparison);
    const reference = comparisonReference(comparison);
    const qualified = COMPARISON_QUALIFIER[verb];
    const verbQualified = qualified !== undefined && !suffix && !prefix.qualifier; // the qualifier next to the figure wins
    if (verbQualified) qualifier = qualified;
    return {
      start: compared - comparison[0].length,
      end: at,
      numberStart,
      number,
      unit: unit!,
      unitWord,
      kind: 'growth',
      qualifier,
      sign: COMPARISON_FALLS.has(verb) ? -1 : 1,
      verb,
      verbKind: 'change',
      ...(reference && { reference }),
      ...(verbQualified && { verbQualified: true as const }),
    };
  }
  if (unit?.base === 'company') unit = counted(text, prefix.start, at, unit.scale, HOUSEHOLD_CLASSES) ?? unit;
  else if (unit?.base === 'visit') unit = counted(text, prefix.start, at, unit.scale, TRIP_CLASSES, { before: 30, acrossList: true }) ?? unit;
  const kind = figureKind(unit, prefix.verbKind, untypedKind);
  // The figure grammar states a change in %, 个百分点 or 倍 only (`增长三成` is not read, as `briefings format` refuses it).
  if (kind === 'growth' && unit?.base === 'tenth') return undefined;
  return {
    start: prefix.start,
    end: at,
    numberStart,
    number,
    ...(unit && { unit }),
    unitWord,
    kind,
    qualifier,
    sign: prefix.sign,
    ...(prefix.verb && { verb: prefix.verb, verbKind: prefix.verbKind }),
  };
}

/** Noun classes of what a counter counts, the nearest named wins; the last class is the counter's own reading. */
type NounClasses = ReadonlyArray<readonly [RegExp, string]>;
/** 家: companies unless the noun is an institution's or a shop's (see `INSTITUTION_NOUNS`). */
const HOUSEHOLD_CLASSES: NounClasses = [
  [INSTITUTION_NOUNS, 'institution'],
  [STORE_NOUNS, 'store'],
  [COMPANY_NOUNS, 'company'],
];
/** 人次: visits unless passengers were carried or a programme reached people (see `PASSENGER_NOUNS`). */
const TRIP_CLASSES: NounClasses = [
  [PASSENGER_NOUNS, 'passenger_trip'],
  [PERSON_TIME_NOUNS, 'person_time'],
  [VISITOR_NOUNS, 'visit'],
];

/**
 * What a counter counts, by the noun after the figure or else the nearest noun of the subject before it. Undefined
 * when no class is named or the counter's own reading is (`company` for 家, `visit` for 人次): the figure keeps its unit.
 */
function counted(
  text: string,
  subjectEnd: number,
  figureEnd: number,
  scale: number,
  classes: NounClasses,
  reach: { readonly before: number; readonly acrossList: boolean } = { before: 20, acrossList: false },
): Unit | undefined {
  const stop = (from: number, step: 1 | -1, limit: number, acrossList: boolean) => {
    let at = from;
    while (Math.abs(at - from) < limit && at >= 0 && at < text.length) {
      const c = text[step === 1 ? at : at - 1] ?? '\n';
      if (CLAUSE_END.has(c) || (c === '、' && !acrossList)) break;
      at += step;
    }
    return at;
  };
  const after = text.slice(figureEnd, stop(figureEnd, 1, 14, false)).replace(/^(?:左右|以上|余)/, '');
  const nouns = (words: string) =>
    classes.flatMap(([pattern, base]) => [...words.matchAll(pattern)].map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length, base })));
  const first = nouns(after).sort((a, b) => a.at - b.at || b.end - a.end)[0];
  const before = text.slice(stop(subjectEnd, -1, reach.before, reach.acrossList), subjectEnd);
  const last = first ? undefined : nouns(before).sort((a, b) => b.end - a.end || a.at - b.at)[0];
  const base = first?.base ?? last?.base;
  return base && base !== classes[classes.length - 1]?.[1] ? parseUnitKey(unitKey(base, scale)) : undefined;
}

/** Between a range's bounds: `4.5%—5%`, `4.5-5%`, `50亿至80亿元`, `5%到5.5%`. */
const RANGE_MARK = /^[\d.]*(?:[万亿千百]*[^\d\s,;:。、]{0,4}?)(?:——|—|–|-|~|至|到)\d/;

/**
 * A range, read by the figure grammar from its lower bound: `4.5%—5%左右` (about 4.5 to 5 percent).
 * The verb and qualifier before it are read as for any figure.
 */
function readRange(text: string, numberStart: number, vocabulary: ScanVocabulary): Figure | undefined {
  if (!RANGE_MARK.test(text.slice(numberStart, numberStart + 16))) return undefined;
  const read = readFigureAt(text, numberStart, vocabulary);
  const bounds = read?.figure.kind === 'amount' ? read.figure.quantity : read?.figure.kind === 'change' ? read.figure.change : undefined;
  if (!read || !bounds?.upper) return undefined;
  const unit = read.figure.kind === 'amount' ? read.figure.quantity.unit : parseUnitKey(read.figure.change.unit);
  if (!unit) return undefined;
  if (unit.base === 'year' && /^(19|20)\d\d$/.test(String(toNumber(bounds.value)))) return undefined; // dates: 2020年到2025年
  const written = text.slice(numberStart, numberStart + read.length);
  const suffix = SUFFIX_QUALIFIERS.find(([word]) => written.endsWith(word));
  const unitWord = written.slice(0, suffix ? -suffix[0].length : undefined).replace(/^.*\d/, '');
  const prefix = readPrefix(text, numberStart);
  const kind = figureKind(unit, prefix.verbKind);
  const qualifier = bounds.qualifier !== 'exact' ? bounds.qualifier : (prefix.qualifier ?? 'exact');
  return {
    start: prefix.start,
    end: numberStart + read.length,
    numberStart,
    number: String(toNumber(bounds.value)),
    upper: String(toNumber(bounds.upper)),
    unit,
    unitWord,
    kind,
    qualifier,
    sign: prefix.sign,
    ...(prefix.verb && { verb: prefix.verb, verbKind: prefix.verbKind }),
  };
}

interface UnitRead {
  readonly unit?: Unit;
  readonly word: string;
  readonly untypedKind?: Measured;
}

/** After a unit word, a character that makes it another unit: 千瓦 + 时 is energy (kWh), not power. */
const UNIT_CONTINUES = /^瓦时/;

/**
 * A unit word read only right after a number (`4成`, `numbers.json` `inFigureOnly`), unless the word
 * runs on into an ordinary one (`5成员单位`, `3成果`).
 */
function readFigureUnit(text: string, at: number, vocabulary: ScanVocabulary): UnitRead | undefined {
  const match = vocabulary.figureUnits.find(([word]) => text.startsWith(word, at));
  if (!match || WORD_GOES_ON.test(text[at + match[0].length] ?? '')) return undefined;
  const unit = parseUnitKey(match[1]);
  return unit && { unit, word: match[0] };
}

/** What a rate is per when no unit says it: a period, a head, a household, an area. */
const PER_WORD = /^(?:年|月|日|天|小时|人|户|亩|次|床)/;

/** What follows 成 in the words it starts (成果, 成员, 成本, 成效, 成交, 成为, 成都…). */
const WORD_GOES_ON = /[果员本效交为都立功熟型绩长品片]/;

function readUnitAt(text: string, at: number, vocabulary: ScanVocabulary): UnitRead | undefined {
  const read = readUnit(text, at, vocabulary);
  const continued = read !== undefined && UNIT_CONTINUES.test(text.slice(at + read.length - 1, at + read.length + 1));
  // A longer unit the glossary lacks: kept whole, untyped, rather than read as the shorter one.
  if (continued) return { word: text.slice(at, at + read.length + 1), untypedKind: 'level' };
  const typed = read;
  if (typed && text[at + typed.length] !== '/') return { unit: typed.unit, word: text.slice(at, at + typed.length) };
  // A rate the glossary has no unit for (平方米/人): keep it whole, untyped.
  const slash = text.slice(at, at + 6).indexOf('/') + at;
  if (slash > at && !/[\d,;:。!?\n]/.test(text.slice(at, slash))) {
    // The denominator is a unit (`平方米/人`, `吨/万元`) or a period (`亿方/年`), not the words after it (天然气产能);
    // one neither names is kept as written, up to a few characters.
    const per = readUnit(text, slash + 1, vocabulary)?.length ?? PER_WORD.exec(text.slice(slash + 1, slash + 4))?.[0].length;
    if (per !== undefined) return { word: text.slice(at, slash + 1 + per), untypedKind: 'level' };
    let end = slash + 1;
    while (end < text.length && end - slash <= 6 && /[\u4e00-\u9fff]/.test(text[end] ?? '')) end++;
    if (end > slash + 1) return { word: text.slice(at, end), untypedKind: 'level' };
  }
  if (typed) return { unit: typed.unit, word: text.slice(at, at + typed.length) };
  for (const [multiplier] of [...vocabulary.multipliers, ['', 0] as const]) {
    if (!text.startsWith(multiplier, at)) continue;
    const word = vocabulary.untyped.find(([w]) => text.startsWith(w, at + multiplier.length));
    if (word && multiplier.length + word[0].length <= MAX_UNTYPED_WORD) return { word: multiplier + word[0], untypedKind: word[1] };
  }
  return undefined;
}

interface Prefix {
  readonly start: number;
  readonly qualifier?: Qualifier;
  readonly verb?: string;
  readonly verbKind?: 'change' | 'level' | 'qualifier';
  readonly sign: 1 | -1;
}

/** The qualifier and verb written right before a figure: `增长不低于`, `提高至`, `超`. */
function readPrefix(text: string, at: number): Prefix {
  let start = at;
  const qualifier = PREFIX_QUALIFIERS.find(([word]) => text.endsWith(word, start));
  if (qualifier) start -= qualifier[0].length;
  if (text[start - 1] === '了') start--;
  const level = LEVEL_VERBS.find((word) => text.endsWith(word, start));
  const change = CHANGE_WORDS.find(([word]) => text.endsWith(word, start));
  if (level && (!change || level.length >= change[0].length)) {
    return { start: start - level.length, verb: level, verbKind: 'level', sign: 1, ...(qualifier && { qualifier: qualifier[1] }) };
  }
  if (change) return { start: start - change[0].length, verb: change[0], verbKind: 'change', sign: change[1], ...(qualifier && { qualifier: qualifier[1] }) };
  if (qualifier) return { start, verb: qualifier[0], verbKind: 'qualifier', sign: 1, qualifier: qualifier[1] };
  return { start: at, sign: 1 };
}

/** `第二` / `第二位` / `首位` after a rank verb, as `第2位` would be; `第十四届`, `第一批` are not ranks. */
function readWordRank(text: string, at: number): Figure | undefined {
  if (text[at] === '首') return text[at + 1] === '位' ? readRank(text, at, at + 1, '1') : undefined;
  if (!/[一二三四五六七八九十]/.test(text[at + 1] ?? '')) return undefined;
  const numeral = readNumeral(text, at + 1);
  if (numeral?.scale !== 0) return undefined;
  return readRank(text, at, at + 1 + numeral.length, String(toNumber(numeral.value)));
}

/** Ranks listed before the last of a list (`第二、第七、`第九): no peer group. */
const LISTED_RANKS = /(?:第[一二三四五六七八九十\d]+[位名]?、)+$/;

/** `第N位` / `第N名` after a rank verb; `第12届`, `第2个` are ordinals in names, not ranks. */
function readRank(text: string, ordinalStart: number, numberEnd: number, number: string): Figure | undefined {
  let end = numberEnd;
  if (text[end] === '位' || text[end] === '名') end++;
  else if (!(CLAUSE_END.has(text[end] ?? '\n') || text[end] === '、' || end >= text.length)) return undefined;
  // The rank verb: the last one in the clause before 第.
  let clauseStart = ordinalStart;
  while (clauseStart > 0 && ordinalStart - clauseStart < 80 && !CLAUSE_END.has(text[clauseStart - 1] ?? '')) clauseStart--;
  const clause = text.slice(clauseStart, ordinalStart);
  let verbAt = -1;
  let verb = '';
  for (const word of RANK_VERBS) {
    const found = clause.lastIndexOf(word);
    // 居 of 位居, and 列 of 列入 or 列车, are no rank verbs of their own.
    const notRank = (word === '居' && clause[found - 1] === '位') || (word === '列' && /[入车表]/.test(clause[found + 1] ?? ''));
    if (found >= 0 && found + word.length > verbAt + verb.length && !notRank) [verbAt, verb] = [found, word];
  }
  const streak = verbAt < 0 ? RANK_PEERS_ALONE.exec(clause) : null;
  if (streak) [verbAt, verb] = [clause.length - (streak[1] as string).length, ''];
  if (verbAt < 0) return undefined; // 成为国内第2…: an ordinal, not a rank
  // `居全国第二、第七、第九`: the ranks listed before this one are no part of the peer group.
  let peers = clause
    .slice(verbAt + verb.length)
    .replace(LISTED_RANKS, '')
    .replace(RANK_FILLER, '');
  // `在全国168个重点城市排名…`: the peer group before the verb.
  if (peers === '') peers = /在([^在]+)$/.exec(clause.slice(0, verbAt))?.[1] ?? '';
  verbAt += clauseStart;
  return {
    start: ordinalStart,
    end,
    numberStart: ordinalStart + 1,
    number,
    unit: parseUnitKey('ordinal')!,
    unitWord: text.slice(numberEnd, end),
    kind: 'rank',
    qualifier: 'exact',
    sign: 1,
    rank: { verbAt, peers },
  };
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * Marks what is not running text for figures: quoted names and slogans `“…”`, titles `《…》`
 * (closed within 60 characters), and every occurrence of the given names (peer groups, metric
 * names) that contain digits.
 */
export function maskNames(text: string, names: readonly string[]): Uint8Array {
  const masked = new Uint8Array(text.length);
  // A quoted name or title is short; an opening mark with no close nearby is a stray, not a name.
  for (const [open, close] of [
    ['“', '”'],
    ['《', '》'],
  ] as const) {
    for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
      const end = text.slice(at + 1, at + 1 + MAX_QUOTED).indexOf(close);
      if (end >= 0) masked.fill(1, at + 1, at + 1 + end);
    }
  }
  for (const name of names) {
    if (!/\d/.test(name)) continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) masked.fill(1, at, at + name.length);
  }
  return masked;
}
