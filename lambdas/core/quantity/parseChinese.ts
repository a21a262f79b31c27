import type { Lexicon } from '../i18n/lexicon';
import { decimal } from './decimal';
import type { QuantityFormatter } from './format';
import { CHANGE_UNITS, type Change, type Qualifier, type Quantity, type Rank } from './types';
import { type Unit, unitKey, parseUnitKey } from './unit';

/** One quantitative phrase of a Chinese report, typed. */
export type Statement =
  | { readonly kind: 'amount'; readonly quantity: Quantity }
  | { readonly kind: 'change'; readonly change: Change }
  | { readonly kind: 'rank'; readonly rank: Rank };

export class ChineseParseError extends Error {
  override name = 'ChineseParseError';
}

/**
 * Words that qualify a figure, as Chinese reports write them (parsing rules, not display text).
 * Exported for the extractor, which reads the same words around figures in running text.
 */
export const QUALIFIER_PREFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['超过', 'over'], ['突破', 'over'], ['超', 'over'], ['大约', 'about'], ['约', 'about'], ['将近', 'about'], ['近', 'about'],
  ['不低于', 'at_least'], ['不少于', 'at_least'], ['控制在', 'under'], ['达到', 'reached'], ['达', 'reached'],
];
export const QUALIFIER_SUFFIXES: ReadonlyArray<readonly [string, Qualifier]> = [
  ['以上', 'at_least'], ['左右', 'about'], ['以内', 'under'], ['以下', 'under'],
];
export const CHANGE_VERBS: ReadonlyArray<readonly [string, 1 | -1]> = [
  ['增长', 1], ['上升', 1], ['提高', 1], ['增加', 1], ['下降', -1], ['降低', -1], ['减少', -1], ['回落', -1],
];

const NUMBER = /^[+-]?\d+(?:\.\d+)?/;
const RANK = /^居(.+?)第(\d+)位$/;

/** What the parser knows of Chinese words, all derived from `locales/zh-CN/`. */
export interface ChineseVocabulary {
  /** [word, power], longest first: 万亿 before 万. */
  readonly multipliers: ReadonlyArray<readonly [string, number]>;
  /** [word, unit base], longest first: 人次 before 人. */
  readonly units: ReadonlyArray<readonly [string, string]>;
  /** [word, peers key]. */
  readonly peers: ReadonlyArray<readonly [string, string]>;
}

export class AmbiguousUnitError extends Error {
  override name = 'AmbiguousUnitError';
}

/**
 * Builds the parser's word lists from `locales/zh-CN/`. Several units may share a Chinese word
 * (家 counts companies, institutions and stores); `numbers.json` `readAs` names the one a bare
 * figure is read as.
 */
export function chineseVocabulary(zh: Lexicon): ChineseVocabulary {
  const byLength = <T>(pairs: Array<readonly [string, T]>) => pairs.sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  const numbers = zh.namespace('numbers') as { scales?: Record<string, string>; readAs?: Record<string, string> };
  const bases = new Map<string, string[]>();
  for (const [base, pattern] of Object.entries(zh.namespace('units') as Record<string, string>)) {
    const word = pattern.replace('{{n}}', '');
    if (word !== '') bases.set(word, [...(bases.get(word) ?? []), base]);
  }
  const units = [...bases].map(([word, candidates]) => {
    if (candidates.length === 1) return [word, candidates[0] as string] as const;
    const chosen = numbers.readAs?.[word];
    if (!chosen || !candidates.includes(chosen)) {
      throw new AmbiguousUnitError(`"${word}" is the Chinese word of ${candidates.join(', ')}: name one in locales/zh-CN/numbers.json readAs`);
    }
    return [word, chosen] as const;
  });
  return {
    multipliers: byLength(Object.entries(numbers.scales ?? {}).map(([power, pattern]) => [pattern.replace('{{n}}', ''), Number(power)] as const)),
    units: byLength(units),
    peers: Object.entries(zh.namespace('peers') as Record<string, string>).map(([key, word]) => [word, key] as const),
  };
}

/**
 * Reads one quantitative phrase:
 *
 *     "7489.8亿元"         → amount 7489.8 yuan_1e8
 *     "超2.2万亿元"        → amount over 2.2 yuan_1e12
 *     "增长5.5%左右"       → change about +5.5 percent
 *     "下降0.3个百分点"    → change −0.3 points
 *     "居副省级城市第4位"  → rank 4 among sub_provincial_cities
 *     "1.76:1"            → amount 1.76 ratio
 */
export function parseChinese(input: string, vocabulary: ChineseVocabulary): Statement {
  const text = normaliseWidth(input.trim());
  const rank = RANK.exec(text);
  if (rank) return { kind: 'rank', rank: { peers: lookupPeers(rank[1] ?? '', vocabulary, input), position: Number(rank[2]) } };

  const verb = CHANGE_VERBS.find(([word]) => text.startsWith(word));
  const rest = verb ? text.slice(verb[0].length) : text;
  const quantity = parseAmount(rest, vocabulary, input);
  if (!verb) return { kind: 'amount', quantity };
  const unit = CHANGE_UNITS.find((u) => u === quantity.unit.base && quantity.unit.scale === 0);
  if (!unit) throw new ChineseParseError(`"${input}": a change must be in %, 个百分点 or 倍`);
  const value = verb[1] < 0 ? { ...quantity.value, sign: -quantity.value.sign as 1 | -1 } : quantity.value;
  return { kind: 'change', change: { value, unit, qualifier: quantity.qualifier } };
}

/**
 * The unit written at `text[at]`, for scanning running text: the longest multiplier + unit word
 * of the vocabulary (`万亿元`, `亿人次`, `%`, `:1`). A unit word ending in a digit (`:1`) must not
 * run on into more digits (`10:15` is a time, not a ratio).
 */
export function readUnit(text: string, at: number, vocabulary: ChineseVocabulary): { unit: Unit; length: number } | undefined {
  for (const [word, power] of [...vocabulary.multipliers, ['', 0] as const]) {
    if (!text.startsWith(word, at)) continue;
    const from = at + word.length;
    const match = vocabulary.units.find(([unitWord]) => text.startsWith(unitWord, from) && !(/\d$/.test(unitWord) && /[\d.]/.test(text[from + unitWord.length] ?? '')));
    if (match) return { unit: parseUnitKey(unitKey(match[1], power))!, length: word.length + match[0].length };
  }
  return undefined;
}

function parseAmount(text: string, vocabulary: ChineseVocabulary, input: string): Quantity {
  let rest = text;
  let qualifier: Qualifier = 'exact';
  const prefix = QUALIFIER_PREFIXES.find(([word]) => rest.startsWith(word));
  if (prefix) [rest, qualifier] = [rest.slice(prefix[0].length), prefix[1]];
  const suffix = QUALIFIER_SUFFIXES.find(([word]) => rest.endsWith(word));
  if (suffix) [rest, qualifier] = [rest.slice(0, -suffix[0].length), suffix[1]];

  const number = NUMBER.exec(rest)?.[0];
  if (!number) throw new ChineseParseError(`"${input}": no number found`);
  const tail = rest.slice(number.length);
  for (const [word, power] of [...vocabulary.multipliers, ['', 0] as const]) {
    if (!tail.startsWith(word)) continue;
    const base = vocabulary.units.find(([unitWord]) => unitWord === tail.slice(word.length))?.[1];
    if (base) return { value: decimal(number), unit: parseUnitKey(unitKey(base, power))!, qualifier };
  }
  throw new ChineseParseError(`"${input}": unknown unit "${tail}" (known: ${vocabulary.units.map(([w]) => w).join(' ')})`);
}

function lookupPeers(word: string, vocabulary: ChineseVocabulary, input: string): string {
  const key = vocabulary.peers.find(([peerWord]) => peerWord === word)?.[1];
  if (!key) throw new ChineseParseError(`"${input}": unknown peer group "${word}" (add it to locales/*/peers.json)`);
  return key;
}

function normaliseWidth(text: string): string {
  return text.replace(/[０-９．％：＋－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function formatStatement(statement: Statement, formatter: QuantityFormatter): string {
  switch (statement.kind) {
    case 'amount':
      return formatter.amount(statement.quantity);
    case 'change':
      return formatter.change(statement.change);
    case 'rank':
      return formatter.rank(statement.rank);
  }
}
