/**
 * Which year a figure refers to, and whether it is a target. A work report published in year Y
 * reviews Y−1 (its results are Y−1 figures) and sets targets for Y (`今年…预期目标`, the
 * `Y年工作安排` section); `到2030年…` is 2030; a five-year plan's targets are for its last year.
 */
import type { Figure } from './scan';
import { TARGET_WORDS } from './rules';
import type { Structure } from './structure';

export interface ReportTime {
  /** The year the report was written for: its targets' year, the year after its results. */
  readonly year: number;
  /** True when the year was found in the text, false when the caller's fallback was used. */
  readonly found: boolean;
  /** A five-year plan's years (十四五: 2021–2025). */
  readonly plan?: { readonly from: number; readonly to: number };
}

export interface FigureTime {
  readonly target: boolean;
  readonly period: number;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 十四五 → 14; 第十四个五年规划 → 14. */
const PLAN = /(?:第(十[一二三四五六七八九]?|[一二三四五六七八九])个五年规划|“?(十[一二三四五六七八九])五”?(?:规划|时期))/;
const TITLE_AREA = 400;

/** Plan n (十四五 is 14) runs from 1951 + 5(n−1) to 1955 + 5n... i.e. 2021–2025 for the 14th. */
export function planYears(numeral: string): { from: number; to: number } {
  const n = numeral.length === 1 ? (numeral === '十' ? 10 : (CHINESE_DIGITS[numeral] ?? 0)) : 10 + (CHINESE_DIGITS[numeral[1] as string] ?? 0);
  return { from: 1951 + 5 * n, to: 1955 + 5 * n };
}

export function reportTime(text: string, fallbackYear: number, planDocument: boolean): ReportTime {
  const headed = [...text.matchAll(/(\d{4})年工作安排/g)].map((m) => Number(m[1]));
  if (headed.length > 0) return { year: Math.max(...headed), found: true };
  const opening = /(?:^|\n)(\d{4})年是/.exec(text);
  if (opening) return { year: Number(opening[1]), found: true };
  const plan = planDocument ? PLAN.exec(text.slice(0, TITLE_AREA)) : null;
  if (plan) {
    const years = planYears((plan[1] ?? plan[2]) as string);
    return { year: years.from, found: true, plan: years };
  }
  // Otherwise the year the text names most often is the year it reports on (a statistical
  // bulletin, an article): its results are that year's.
  const counts = new Map<number, number>();
  for (const m of text.slice(0, 200_000).matchAll(/(?<!\d)((?:19|20)\d\d)年/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best ? { year: best[0] + 1, found: true } : { year: fallbackYear, found: false };
}

interface Mode {
  readonly target: boolean;
  readonly period: number;
}

/** Period and target status of each figure, from the section, paragraph and sentence it sits in. */
export class Periods {
  private readonly modes: Mode[];
  private readonly targetSentences = new Set<number>();

  constructor(
    private readonly structure: Structure,
    readonly time: ReportTime,
    figures: readonly Figure[],
  ) {
    this.modes = this.sectionModes();
    // A sentence whose figures say "at least" / "at most" is stating targets (`新增就业1万人以上`).
    for (const figure of figures) {
      if (TARGET_WORDS.qualifiers.has(figure.qualifier)) this.targetSentences.add(structure.sentenceStart(figure.start));
    }
  }

  get reviewYear(): number {
    return this.time.plan ? this.time.plan.from - 1 : this.time.year - 1;
  }

  at(figure: Figure): FigureTime {
    const { structure } = this;
    const paragraph = structure.paragraphIndex(figure.start);
    const mode = this.modes[paragraph] as Mode;
    const sentenceStart = structure.sentenceStart(figure.start);
    const before = structure.text.slice(sentenceStart, figure.start);
    const paragraphBefore = structure.text.slice(Math.max((structure.paragraphs[paragraph] as { start: number }).start, figure.start - 600), figure.start);

    const by = [...before.matchAll(/到(\d{4})年/g)].pop();
    if (by && Number(by[1]) > this.reviewYear) return { target: true, period: Number(by[1]) };
    const planEnd = /到“?(十[一二三四五六七八九]?)五”?(?:末|期末|末期)/.exec(before);
    if (planEnd) return { target: true, period: planYears(planEnd[1] as string).to };
    if (mode.target) return mode;

    const thisYear = /今年|年内|本年/.test(before) ? this.time.year : undefined;
    if (TARGET_WORDS.sentence.some((w) => before.includes(w)) || TARGET_WORDS.paragraph.some((w) => paragraphBefore.includes(w)) || this.targetSentences.has(sentenceStart)) {
      return { target: true, period: this.time.plan?.to ?? this.time.year };
    }
    const named = /^(?:[^\d]{0,4})((?:19|20)\d\d)年/.exec(before);
    if (named && Number(named[1]) <= this.time.year) return { target: false, period: Number(named[1]) };
    return { target: false, period: thisYear ?? mode.period };
  }

  /**
   * Walks the paragraphs in order: a `2026年工作安排` heading, a paragraph opening `今年是…` /
   * `2024年是…`, or a `未来五年` heading starts the outlook; a top-level heading (`# …`, `第三章`)
   * returns to the document's base (results for a report, targets for a plan).
   */
  private sectionModes(): Mode[] {
    const { time } = this;
    const base: Mode = time.plan ? { target: true, period: time.plan.to } : { target: false, period: this.reviewYear };
    let mode = base;
    return this.structure.paragraphs.map((paragraph) => {
      const text = this.structure.text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 60));
      const heading = paragraph.heading;
      const headed = heading ? /(\d{4})年(?:工作安排|发展目标|目标|主要目标)/.exec(heading.text) : null;
      if (headed && Number(headed[1]) >= time.year) mode = { target: true, period: Number(headed[1]) };
      else if (/^[#*]*(?:未来五年|今后五年)/.test(text)) mode = { target: true, period: time.year + 4 };
      else if (/^(?:今年是|(\d{4})年是)/.test(text) && Number(/^(\d{4})/.exec(text)?.[1] ?? time.year) >= time.year) mode = { target: true, period: time.year };
      else if (/^(?:过去一年|去年|回首过去)/.test(text)) mode = { target: false, period: this.reviewYear };
      else if (heading && (/^#(?!#)/.test(text) || /^第[一二三四五六七八九十百]+章/.test(text))) mode = base;
      return mode;
    });
  }
}
