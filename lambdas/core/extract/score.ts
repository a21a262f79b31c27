/**
 * Precision and recall of extracted statements against a hand-labelled list. An extracted
 * statement is right when its quote overlaps a labelled one (code-point ranges intersect) and
 * value, upper bound, unit and kind agree; each label is matched at most once. Indicators are
 * scored the same way with more that must agree: metric, qualifier and period
 * (test/fixtures/extract/README.md, "Scoring").
 */
import type { Period } from '../model/schema';
import { INCREMENT } from './rules';

export interface Labelled {
  readonly quote: string;
  readonly offset: number;
  readonly value: number;
  readonly upper?: number;
  /** Unit key; null when the glossary has no unit for what was written (`unitWord`). */
  readonly unit: string | null;
  readonly unitWord?: string;
  readonly kind: string;
  /** Seed labels: the glossary key. */
  readonly metric?: string;
  /** Provincial labels: the concept's Chinese name, resolved to a key when scoring. */
  readonly metricZh?: string;
  readonly qualifier?: string;
  readonly period?: Period;
  /** Extracted statements: the proposal, when `metric` is not a glossary key. */
  readonly proposed?: { readonly zh: string; readonly en: string };
}

/** What scoring needs from the glossary and the grammar. */
export interface ScoringVocabulary {
  /** The glossary key a Chinese metric name (or alias) stands for. */
  metricKey(zh: string): string | undefined;
  /** A glossary metric's Chinese name and aliases. */
  namesOf(key: string): readonly string[];
  /** The unit key a written unit word reads as today, if any (`万套` → dwelling_1e4 once 套 is a unit). */
  unitOf(word: string): string | undefined;
}

export interface Scored<T extends Labelled = Labelled> {
  readonly labelled: number;
  readonly extracted: number;
  readonly right: number;
  readonly precision: number;
  readonly recall: number;
  /** Labels nothing matched. */
  readonly missed: readonly Labelled[];
  /** Extracted statements that matched no label. */
  readonly wrong: readonly T[];
  /** Each label with the statement that matched it. */
  readonly pairs: ReadonlyArray<readonly [Labelled, T]>;
}

type Agree = (label: Labelled, extracted: Labelled) => boolean;

/** Statements: where, value, upper bound, unit and kind. */
export function score<T extends Labelled>(labels: readonly Labelled[], extracted: readonly T[], vocabulary?: ScoringVocabulary): Scored<T> {
  return match(labels, extracted, (label, e) => statementAgrees(label, e, vocabulary));
}

/** Indicators: a statement that also has the label's metric, qualifier and period. */
export function scoreIndicators<T extends Labelled>(labels: readonly Labelled[], extracted: readonly T[], vocabulary: ScoringVocabulary): Scored<T> {
  // Seed labels carry no qualifier or period: only what a label states is compared.
  return match(
    labels,
    extracted,
    (label, e) =>
      statementAgrees(label, e, vocabulary) &&
      (label.qualifier === undefined || label.qualifier === e.qualifier) &&
      (label.period === undefined || samePeriod(label.period, e.period)) &&
      sameMetric(label, e, vocabulary),
  );
}

/**
 * Why an indicator label was missed: no statement agreed with it, which of its fields the agreeing indicator got
 * wrong, or none (`taken`: the indicator that agrees was matched to another label first).
 */
export type MissReason = 'statement' | 'metric' | 'period' | 'qualifier' | 'taken';

/**
 * For each missed indicator label, what the nearest reading got wrong: `statement` when no overlapping
 * indicator agrees on value, bound, unit and kind; else every field (metric, period, qualifier) that the
 * best such indicator (the one with fewest wrong fields) has wrong. Counts by reason set (`metric+period`).
 */
export function missReasons(missed: readonly Labelled[], extracted: readonly Labelled[], vocabulary: ScoringVocabulary): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const label of missed) {
    let best: MissReason[] = ['statement'];
    for (const e of extracted) {
      if (!overlaps(label, e) || !statementAgrees(label, e, vocabulary)) continue;
      const wrong: MissReason[] = [];
      if (!sameMetric(label, e, vocabulary)) wrong.push('metric');
      if (label.period !== undefined && !samePeriod(label.period, e.period)) wrong.push('period');
      if (label.qualifier !== undefined && label.qualifier !== e.qualifier) wrong.push('qualifier');
      if (best[0] === 'statement' || wrong.length < best.length) best = wrong;
    }
    const reason = (best.length > 0 ? best : ['taken']).join('+');
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return counts;
}

function match<T extends Labelled>(labels: readonly Labelled[], extracted: readonly T[], agrees: Agree): Scored<T> {
  const used = new Set<number>();
  const missed: Labelled[] = [];
  const pairs: Array<readonly [Labelled, T]> = [];
  for (const label of labels) {
    const index = extracted.findIndex((e, i) => !used.has(i) && overlaps(label, e) && agrees(label, e));
    if (index < 0) missed.push(label);
    else {
      used.add(index);
      pairs.push([label, extracted[index] as T]);
    }
  }
  const right = used.size;
  return {
    labelled: labels.length,
    extracted: extracted.length,
    right,
    precision: extracted.length === 0 ? 1 : right / extracted.length,
    recall: labels.length === 0 ? 1 : right / labels.length,
    missed,
    wrong: extracted.filter((_, i) => !used.has(i)),
    pairs,
  };
}

function overlaps(a: Labelled, b: Labelled): boolean {
  return a.offset < b.offset + length(b.quote) && b.offset < a.offset + length(a.quote);
}

function statementAgrees(label: Labelled, e: Labelled, vocabulary: ScoringVocabulary | undefined): boolean {
  if (Math.abs(label.value - e.value) > 1e-9 || label.kind !== e.kind) return false;
  if ((label.upper === undefined) !== (e.upper === undefined) || (label.upper !== undefined && Math.abs(label.upper - (e.upper as number)) > 1e-9))
    return false;
  if (label.unit !== null) return label.unit === e.unit;
  // A label written when the glossary had no unit: what the grammar reads the word as now, else the word itself.
  const word = fold(label.unitWord ?? '');
  const now = vocabulary?.unitOf(word);
  return now !== undefined ? e.unit === now : e.unit === null && fold(e.unitWord ?? '') === word;
}

function samePeriod(a: Period | undefined, b: Period | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (typeof a === 'number' || typeof b === 'number') return a === b;
  return a.from === b.from && a.to === b.to;
}

/**
 * Seed labels name a key. A provincial label names a concept: the key its Chinese name resolves to
 * through the glossary's names and aliases; a concept with no key of that exact name is matched by
 * an indicator whose metric (its proposed name, or a glossary metric's name or alias) is the same concept (equal once normalised, or one holding every character of
 * the other, in any order, and the shorter at least two thirds as long).
 */
function sameMetric(label: Labelled, e: Labelled, vocabulary: ScoringVocabulary): boolean {
  if (label.metricZh === undefined) return label.metric === undefined || label.metric === e.metric;
  const key = vocabulary.metricKey(label.metricZh);
  if (key !== undefined) return e.metric === key && e.proposed === undefined;
  // `X全国位次` with no key of its own is the rank of X: a rank indicator on X names it (its peers say 全国).
  const stem = e.kind === 'rank' ? label.metricZh.replace(RANK_CONCEPT, '') : label.metricZh;
  if (stem !== label.metricZh && stem.length >= 2 && sameMetric({ ...label, metricZh: stem }, e, vocabulary)) return true;
  // No key has exactly that name: the indicator's metric must name the same concept, proposed or not.
  if (e.proposed) return sameConcept(label.metricZh, e.proposed.zh) || sameIncrement(label.metricZh, e.proposed.zh, vocabulary);
  const metricZh = label.metricZh;
  return e.metric !== undefined && vocabulary.namesOf(e.metric).some((name) => sameConcept(metricZh, name));
}

/** New ones of one stock, the stock named either way (`新增“两山”实践创新基地`, `新增“绿水青山就是金山银山”实践创新基地`). */
function sameIncrement(a: string, b: string, vocabulary: ScoringVocabulary): boolean {
  const [x, y] = [INCREMENT.exec(a), INCREMENT.exec(b)];
  if (!x || !y || x[0] !== y[0]) return false;
  const stock = vocabulary.metricKey(a.slice(x[0].length));
  return stock !== undefined && stock === vocabulary.metricKey(b.slice(y[0].length));
}

/** How a rank label names its concept: 规模以上工业增加值增速全国位次, 区域创新能力排名. */
const RANK_CONCEPT = /(?:全国|全球|全省|世界)?(?:位次|排名|排位)$/;

export function sameConcept(a: string, b: string): boolean {
  const [x, y] = [conceptForm(a), conceptForm(b)];
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 2 && short.length * 3 >= long.length * 2 && holds(long, short);
}

/** Every character of `part` is in `whole` as often: the same words, in any order (建成通车高速公路, 高速公路建成通车). */
function holds(whole: string, part: string): boolean {
  const counts = new Map<string, number>();
  for (const c of whole) counts.set(c, (counts.get(c) ?? 0) + 1);
  for (const c of part) {
    const n = counts.get(c) ?? 0;
    if (n === 0) return false;
    counts.set(c, n - 1);
  }
  return true;
}

/** Marks, spaces, 的 and the words that join a list (`A、B`, `A和B`) do not change a name. */
function conceptForm(name: string): string {
  return fold(name).replace(/[“”‘’"'《》()（）\s的、和与及]/g, '');
}

function fold(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

function length(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
