import type { Lexicon } from '../i18n/lexicon';
import { foldFigureText } from './normalise';
import type { Qualifier } from './types';
import { type Unit, unitKey, parseUnitKey } from './unit';

/**
 * Words that qualify a figure, as Chinese reports write them (parsing rules, not display text).
 * Exported for the extractor, which reads the same words around figures in running text.
 */
export const QUALIFIER_PREFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['超过', 'over'],
  ['突破', 'over'],
  ['超', 'over'],
  ['大约', 'about'],
  ['约', 'about'],
  ['将近', 'nearly'],
  ['接近', 'nearly'],
  ['近', 'nearly'],
  ['不低于', 'at_least'],
  ['不少于', 'at_least'],
  ['至少', 'at_least'],
  ['达到或超过', 'at_least'],
  ['不超过', 'under'],
  ['控制在', 'under'],
  ['达到', 'reached'],
  ['达', 'reached'],
];
export const QUALIFIER_SUFFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['以上', 'at_least'],
  ['左右', 'about'],
  ['上下', 'about'],
  ['以内', 'under'],
  ['以下', 'under'],
];
/** Words that start with a suffix qualifier but are words of their own: `300家上下游企业` is not "about 300". */
export const NOT_QUALIFIERS = /^上下游/;
/** Written right after a number or its multiplier: `600多家`, `20余万人`, `逾`: more than. */
export const MORE_THAN_INFIXES: readonly string[] = ['多', '余'];
/** Words of aim before a target (`力争增长6%`): the figure is aimed for, unless a bound word says more. */
export const AIM_PREFIXES: readonly string[] = ['力争', '争取'];
export const CHANGE_VERBS: ReadonlyArray<readonly [string, 1 | -1]> = [
  ['增长', 1],
  ['上升', 1],
  ['提高', 1],
  ['增加', 1],
  ['下降', -1],
  ['降低', -1],
  ['减少', -1],
  ['回落', -1],
];

/**
 * The unit a list of figures writes once, after its last figure, given the text after a figure: `、0.5个百分点` after
 * the 0.3 of `分别提高0.3、0.5个百分点`, `、7.7%` after the 5.3 of `分别增长5.3、7.7%`. After a figure that wrote 个
 * (`分别快于全国3.4个、1个百分点`) only 个百分点 continues it. Only a change's units: a bare `3、5号线` is no list of figures.
 */
export function listUnitAfter(rest: string, afterCounter = false): string | undefined {
  const unit = LIST_UNIT_REST.exec(rest)?.[1];
  return afterCounter && unit !== '个百分点' ? undefined : unit;
}
const LIST_UNIT_REST = /^(?:、\d+(?:\.\d+)?个?)*、\d+(?:\.\d+)?(个百分点|[%％])/;

/** What the parser knows of Chinese words, all derived from `locales/zh-CN/`. */
export interface ChineseVocabulary {
  /** [word, power], longest first: 万亿 before 万. */
  readonly multipliers: ReadonlyArray<readonly [string, number]>;
  /** [word, unit base], longest first: 人次 before 人. */
  readonly units: ReadonlyArray<readonly [string, string]>;
  /** [word, peers key]. */
  readonly peers: ReadonlyArray<readonly [string, string]>;
  /** [word, reference key] of `ui:reference`, longest first: 全国平均水平 before 全国. */
  readonly references: ReadonlyArray<readonly [string, string]>;
  /**
   * Unit words read only inside a figure, right after a bare number (`三成`, `4成`): in running
   * text they are ordinary words (`2100多万成都市民`). `numbers.json` `inFigureOnly` lists their bases.
   */
  readonly figureUnits: ReadonlyArray<readonly [string, string]>;
}

export class AmbiguousUnitError extends Error {
  override name = 'AmbiguousUnitError';
}

/**
 * Builds the parser's word lists from `locales/zh-CN/`. Several units may share a Chinese word
 * (家 counts companies, institutions and stores); `numbers.json` `readAs` names the one a bare
 * figure is read as, and `aliases` adds words that mean a unit (标准箱 is 标箱). Words are folded
 * like the text they are matched against (`套（间）` → `套(间)`).
 */
export function chineseVocabulary(zh: Lexicon): ChineseVocabulary {
  const byLength = <T>(pairs: Array<readonly [string, T]>) => pairs.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const numbers = zh.namespace('numbers') as {
    scales?: Record<string, string>;
    readAs?: Record<string, string>;
    aliases?: Record<string, string>;
    inFigureOnly?: string[];
  };
  const bases = new Map<string, string[]>();
  const figureUnits: Array<readonly [string, string]> = [];
  for (const [base, pattern] of Object.entries(zh.namespace('units') as Record<string, string>)) {
    const word = foldFigureText(pattern.replace('{{n}}', ''));
    if (numbers.inFigureOnly?.includes(base)) figureUnits.push([word, base]);
    else if (word !== '') bases.set(word, [...(bases.get(word) ?? []), base]);
  }
  const units = [...bases].map(([word, candidates]) => {
    if (candidates.length === 1) return [word, candidates[0] as string] as const;
    const chosen = numbers.readAs?.[word];
    if (!chosen || !candidates.includes(chosen)) {
      throw new AmbiguousUnitError(`"${word}" is the Chinese word of ${candidates.join(', ')}: name one in locales/zh-CN/numbers.json readAs`);
    }
    return [word, chosen] as const;
  });
  const aliases = Object.entries(numbers.aliases ?? {})
    .map(([word, base]) => [foldFigureText(word), base] as const)
    .filter(([word]) => !bases.has(word));
  // A word two keys share reads as the first (全国 is `national`; `national_rate` is only written, for a growth's gap).
  const references = new Map<string, string>();
  for (const [key, word] of Object.entries((zh.namespace('ui') as { reference?: Record<string, string> }).reference ?? {}))
    if (!references.has(word)) references.set(word, key);
  return {
    multipliers: byLength(Object.entries(numbers.scales ?? {}).map(([power, pattern]) => [pattern.replace('{{n}}', ''), Number(power)] as const)),
    units: byLength([...units, ...aliases]),
    peers: Object.entries(zh.namespace('peers') as Record<string, string>).map(([key, word]) => [word, key] as const),
    references: byLength([...references]),
    figureUnits: byLength(figureUnits),
  };
}

/** Words that start with a counter but are not one: `迈上5万亿台阶` is a step, not 5 trillion machines (台). */
const NOT_UNIT_WORDS: readonly string[] = ['台阶', '台账'];

/**
 * The unit written at `text[at]`, for scanning running text: the longest multiplier + unit word
 * of the vocabulary (`万亿元`, `亿人次`, `%`, `:1`). A unit word ending in a digit (`:1`) must not
 * run on into more digits (`10:15` is a time, not a ratio).
 */
export function readUnit(text: string, at: number, vocabulary: ChineseVocabulary): { unit: Unit; length: number } | undefined {
  for (const [word, power] of [...vocabulary.multipliers, ['', 0] as const]) {
    if (!text.startsWith(word, at)) continue;
    const from = at + word.length;
    const match = vocabulary.units.find(
      ([unitWord]) =>
        text.startsWith(unitWord, from) &&
        !(/\d$/.test(unitWord) && /[\d.]/.test(text[from + unitWord.length] ?? '')) &&
        !NOT_UNIT_WORDS.some((other) => other.startsWith(unitWord) && text.startsWith(other, from)),
    );
    if (match) return { unit: parseUnitKey(unitKey(match[1], power))!, length: word.length + match[0].length };
  }
  return undefined;
}
