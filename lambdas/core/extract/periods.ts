/**
 * Which year a figure refers to, and whether it is a target. A work report published in year Y
 * reviews Y−1 (its results are Y−1 figures) and sets targets for Y (`今年…预期目标`, the
 * `Y年工作安排` section); `到2030年…` is 2030; a five-year plan's targets are for its last year.
 */
import type { Period } from '../model/schema';
import type { Figure } from './scan';
import { TARGET_WORDS, listHead } from './rules';
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
  readonly period: Period;
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

/** Where a report says when it was written: its title (`2026年四川省政府工作报告`) or delivery line (`——2026年1月28日在…人民代表大会`). */
const TITLE_YEAR =
  /(?:^|\n)[^\n]{0,20}?((?:19|20)\d\d)年[^\n]{0,20}?政府工作报告|(?:^|\n)[—―-]{0,2}((?:19|20)\d\d)年\d{1,2}月\d{1,2}日在[^\n]{0,40}人民代表大会/;

export function reportTime(text: string, fallbackYear: number, planDocument: boolean): ReportTime {
  const titled = TITLE_YEAR.exec(text.slice(0, 2 * TITLE_AREA));
  if (titled) return { year: Number(titled[1] ?? titled[2]), found: true };
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
  readonly period: Period;
  /** Set by a review heading or opening (`一、2025年工作回顾`, `过去一年`): its figures are results even with 以上. */
  readonly review?: boolean;
}

/** The plan named in a phrase: `“十四五”`, `第十五个五年规划` → its numeral (十四, 十五). */
const PLAN_NAMED = /“?(十[一二三四五六七八九]?)五”?|第(十[一二三四五六七八九]?)个五年规划/;
/** Paragraph openings that set what follows (first words of a paragraph). */
const REVIEW_YEAR_OPENING = /^(?:各位代表[!,]?)?(?:过去一年|过去的一年|刚刚过去的(?:一年|\d{4}年)|去年|一年来|回首过去|回顾过去一年)/;
/** The last five years, their plan unnamed: `五年来`, `过去5年`, `这五年间`. */
const LAST_FIVE_YEARS = '(?:(?:回望|回顾|回首)?过去的?[五5]年|这[五5]年|[五5]年(?=[来间里中]))';
const REVIEW_PLAN_OPENING = new RegExp(
  `^(?:各位代表[!,]?)?(?:${LAST_FIVE_YEARS}|这是[^。]{2,30}的五年|回顾“?十[一二三四五六七八九]?五”?|“?十[一二三四五六七八九]?五”?(?:时期|期间|以来))`,
);
const OUTLOOK_PLAN_OPENING = /^(?:#+)?(?:未来五年|今后五年)/;
const THIS_YEAR_OPENING = /^(?:今年|本年)/;
/** Section headings: a review (回顾, 成就), a plan (“十五五”时期, 五年规划), the year's work (2026年工作安排, 开好局). */
const REVIEW_HEADING = /回顾|成就|成绩|总结|进展|成效/;
const YEAR_WORK_HEADING = /工作|任务|安排|目标|开好局|起好步|开局/;
/** Words of what accrues over a period, not a stock at its end. */
const FLOW_WORDS =
  /累计|年均|新增|净增|新建|改建|扩建|建成|建设|完成|获批|实施|改造|开行|开工|落地|举办|开展|下乡|服务(?!业)|培育|引进|保持|稳定在|共建|创建|认定|入选|减少|增加(?!值)|提高|提升|下降|降低|五年|布局|承担|办理|审议|改善|治理|治沙|就业|[较比]“?十[一二三四五六七八九]?五”?末|(?<![今去当明])年(?:产|销|接待|吞吐)量/;
/** Verbs right before a figure that state the total at the end: `增至14个`, `达到29个`, `由66户整合至12户`. */
const END_VERB = /^(?:达到?|[\u4e00-\u9fff]{1,2}(?:至|到))$/;
/** What the words before a figure end with when it is the end of a move: `由66户整合至`, `从39家增加到`. */
const END_OF_MOVE = /(?:至|到|整合为|调整为|合并为)(?:每人每月|每人每年|每月|每年|每人)?$/;
const ACCRUED = /累计|年均|每年|五年/;
/** What a plan's goal adds over its years rather than reaches at its end: `新增城镇就业300万人`. */
const PLAN_FLOW = /新增|净增|再?增加(?![值到至])/;
/** Words of a total held at the end: `增至14个`, `总数达`, `在建8座`. */
const STOCK_WORDS = /达到?|增至|总数|总量|保有|拥有|突破|超过?|规模|在建|现有/;
/** Verbs that hold a level through a period rather than reach it: `控制在5.5%左右`, `稳定在95%以上`. */
const HELD_VERBS = /^(?:控制在|保持在?|稳定在|稳定|维持在?)$/;
/** The years a level is held for, right before the figure: `连续7年保持`, `连续5年稳定在`. */
const HELD_FOR = /连续(\d{1,2}|[两三四五六七八九十])年(?:保持在?|稳定在?|维持在?)$/;
/** A span written before a change: `近3年提升21个百分点`, `3年增长58.6%`, `五年累计`. */
const SPAN_BEFORE_CHANGE = /(?:近|这|过去)?(?<![\d.])(\d{1,2}|[两三四五六七八九十])年(?:来|间|内)?(?:累计|共)?$/;
/** After a count: what it counts are a plan's indicators (`28项主要指标`). */
const INDICATOR_NOUN = /^(?:个|项)?(?:主要)?指标/;
/** `近3年森林覆盖率提升…`: the recent years a clause opens with. */
const RECENT_YEARS = /^(?:近|过去)(\d{1,2}|[两三四五六七八九十])年(?:来|间)?/;
/** A comparison with a reference (`高于全国平均水平4.9个百分点`, `优于国家考核目标`): a gap at the end, not a change over time. */
const COMPARISON_VERBS = /^(?:高于|低于|优于|好于|快于|慢于|超过|超出|领先)$/;
/** A part of the current year, so far: `今年以来`, `今年一季度`, `今年上半年`, `今年前三季度`, `今年1-10月`. */
const PART_OF_THIS_YEAR = /今年(?:[^,;。]{0,8}以来|[一二三四]季度|上半年|前[三两二]季度|\d+(?:[-—]\d+)?月)/;
/** The year a change is measured from, right before it: `比2020年`增长, `较2020年末分别`下降. */
const BASE_YEAR = /(?:比|较)((?:19|20)\d\d)年(?:末|底)?(?:分别|均)?$/;
/** Words that name the last five years without naming their plan: `过去五年`, `五年来`. */
const FIVE_YEARS = new RegExp(`${LAST_FIVE_YEARS}|近五年`);
const SENTENCE_PLAN_REVIEW = new RegExp(`${LAST_FIVE_YEARS}|五年累计|“?十[一二三四五六七八九]?五”?(?:时期|期间|以来)`);

/** What joins a listed figure to the one before it: `37座、14座`, `24.1%和50.2%`. */
const LIST_JOINERS = new Set(['、', '和', '及']);

/**
 * True when a paragraph word of target language (`预期目标`) sets targets there: not when a result is measured
 * against them (`增速高于预期目标`, `好于预期目标`) or they are reported met (`预期目标全面完成`).
 */
function setsTargets(paragraph: string, word: string): boolean {
  for (let at = paragraph.indexOf(word); at >= 0; at = paragraph.indexOf(word, at + 1)) {
    const measured = /(?:高于|低于|好于|优于|快于|超过|超出|超额完成|完成|实现|达到)$/.test(paragraph.slice(Math.max(0, at - 4), at));
    const met = /^[^,，。;；]{0,6}(?:完成|实现|达成)/.test(paragraph.slice(at + word.length));
    if (!measured && !met) return true;
  }
  return false;
}

/** `3` or `三` (years) → 3; 0 when it is not a count. */
function yearCount(written: string): number {
  return /^\d+$/.test(written) ? Number(written) : written === '两' ? 2 : written === '十' ? 10 : (CHINESE_DIGITS[written] ?? 0);
}

/** Period and target status of each figure, from the section, paragraph and sentence it sits in. */
export class Periods {
  private readonly modes: Mode[];
  private readonly targetSentences = new Set<number>();
  private readonly review: { readonly from: number; readonly to: number };
  /** Figures by where they end: the figure a listed one follows. */
  private readonly byEnd = new Map<number, Figure>();

  constructor(
    private readonly structure: Structure,
    readonly time: ReportTime,
    figures: readonly Figure[],
  ) {
    // The plan whose years the review covers (五年来 in a 2026 report is 十四五).
    this.review = planOfYear(this.reviewYear);
    this.modes = this.sectionModes();
    for (const figure of figures) this.byEnd.set(figure.end, figure);
    // A sentence whose figures say "at least" / "at most" is stating targets (`新增就业1万人以上`).
    for (const figure of figures) {
      if (TARGET_WORDS.qualifiers.has(figure.qualifier) && !figure.atLeastInWords) this.targetSentences.add(structure.sentenceStart(figure.start));
    }
  }

  get reviewYear(): number {
    return this.time.plan ? this.time.plan.from - 1 : this.time.year - 1;
  }

  at(figure: Figure): FigureTime {
    // `分别增至37座、14座`, `增长5.3%、7.7%`: a figure listed right after another shares its verb, so its time.
    const listed = LIST_JOINERS.has(this.structure.text[figure.start - 1] ?? '') ? this.byEnd.get(figure.start - 1) : undefined;
    if (listed && listed.verb !== undefined && figure.verb === undefined) return this.at(listed);
    const { structure } = this;
    const time = this.timeOf(figure);
    // `提出28项主要指标`, `约束性指标8项`: how many indicators a plan sets describes the plan; it is no target.
    if (
      time.target &&
      figure.kind === 'count' &&
      (INDICATOR_NOUN.test(structure.text.slice(figure.end, figure.end + 4)) || /指标$/.test(structure.text.slice(figure.start - 6, figure.start)))
    )
      return { target: false, period: time.period };
    return time;
  }

  private timeOf(figure: Figure): FigureTime {
    const { structure } = this;
    const paragraph = structure.paragraphIndex(figure.start);
    const mode = this.modes[paragraph] as Mode;
    const sentenceStart = structure.sentenceStart(figure.start);
    const before = structure.text.slice(sentenceStart, figure.start);
    const paragraphBefore = structure.text.slice(Math.max((structure.paragraphs[paragraph] as { start: number }).start, figure.start - 600), figure.start);

    // Explicit years win: `到2030年` is a horizon; `2025年，…` dates what follows.
    // Within a plan's goals a horizon at the plan's end dates its levels; what grows or is held runs over the plan.
    const by = [...before.matchAll(/到(\d{4})年/g)].pop();
    if (by && Number(by[1]) > this.reviewYear)
      return { target: true, period: planEnds(mode, Number(by[1])) && this.overPlan(figure, before, mode) ? mode.period : Number(by[1]) };
    const planEnd = /到“?(十[一二三四五六七八九]?)五”?(?:末|期末|末期)/.exec(before);
    if (planEnd) return { target: true, period: planYears(planEnd[1] as string).to };
    // `提高到2025年的7.4万元`, `2025年末的…`: the year written right before the figure.
    const dated = /((?:19|20)\d\d)年(?:底|末)?的$/.exec(before);
    if (dated) return { target: Number(dated[1]) > this.reviewYear, period: Number(dated[1]) };
    // `2020年到2025年，…从17.9%提升到35.5%`: a span named at the head of the sentence.
    const spanNamed = /^[^\d]{0,6}((?:19|20)\d\d)年?(?:到|至|—|-|－)((?:19|20)\d\d)年/.exec(before);
    if (spanNamed && !mode.target && Number(spanNamed[2]) <= this.reviewYear) {
      const [from, to] = [Number(spanNamed[1]), Number(spanNamed[2])];
      return this.planResult(figure, before, { from: to - from === 5 ? from + 1 : from, to });
    }
    // `2021年以来，…`: from a year before the one under review up to it, as a span named at the head would be.
    const since = /^[^\d]{0,6}((?:19|20)\d\d)年以来/.exec(before);
    if (since && !mode.target && Number(since[1]) < this.reviewYear) return this.planResult(figure, before, { from: Number(since[1]), to: this.reviewYear });
    const named = /^(?:[^\d]{0,6})(?<![比较])((?:19|20)\d\d)年(?![底末])/.exec(before);
    // `比2020年增长30%`, `2025年…较2020年提高14个百分点`: a change against a base year runs from the year after it to
    // the year the sentence names, else the year under review.
    const baseYear = figure.kind === 'growth' && !mode.target ? BASE_YEAR.exec(before) : null;
    const until = named && Number(named[1]) <= this.reviewYear ? Number(named[1]) : this.reviewYear;
    if (baseYear && Number(baseYear[1]) < until)
      return { target: false, period: Number(baseYear[1]) + 1 === until ? until : { from: Number(baseYear[1]) + 1, to: until } };
    if (named) {
      const year = Number(named[1]);
      if (year > this.reviewYear && !mode.target) return { target: true, period: year };
      if (year <= this.reviewYear && !SENTENCE_PLAN_REVIEW.test(before)) return { target: false, period: year };
    }
    // `近3年提升21个百分点`, `3年增长58.6%`: a change over the years it names, ending with the year under review.
    const clause = lastClause(before, LIST_ITEM);
    const span = figure.kind === 'growth' ? SPAN_BEFORE_CHANGE.exec(before) : null;
    const recent = figure.kind === 'growth' ? RECENT_YEARS.exec(clause) : null;
    // `连续7年保持98%以上`: a level held through the years it names (a rank held so is now's: `连续4年保持全国首位`).
    // The verb may open the figure itself (`连续18年`保持在100万吨以上).
    const heldVerb = figure.verb && structure.text.startsWith(figure.verb, figure.start) ? figure.verb : '';
    const held = figure.kind !== 'growth' && figure.kind !== 'rank' ? HELD_FOR.exec(clause + heldVerb) : null;
    const years =
      span && !/连续$/.test(before.slice(0, span.index))
        ? yearCount(span[1] as string)
        : recent
          ? yearCount(recent[1] as string)
          : held
            ? yearCount(held[1] as string)
            : 0;
    if (years >= 2 && !mode.target) {
      const end = Math.min(typeof mode.period === 'number' ? mode.period : mode.period.to, this.reviewYear);
      return { target: false, period: { from: end - years + 1, to: end } };
    }
    // `比“十三五”时期增长78.9%`, `较“十三五”末净增1万亿元`: measured against the previous plan, so over the next one.
    const base = /[比较]“?(十[一二三四五六七八九]?)五”?(?:时期|期间|末期?)/.exec(before);
    if (!mode.target && base) {
      const previous = planYears(base[1] as string);
      if (previous.to + 5 <= this.reviewYear) return this.planResult(figure, before, { from: previous.from + 5, to: previous.to + 5 });
    }
    if (!mode.target && SENTENCE_PLAN_REVIEW.test(before)) {
      const plan = PLAN_NAMED.exec(before);
      return this.planResult(figure, before, plan ? planYears((plan[1] ?? plan[2]) as string) : this.review);
    }
    // A plan's goals opened by `到2030年，…`: a level or share is the horizon's, a growth the plan's span.
    const horizon = [...paragraphBefore.matchAll(/到(\d{4})年[,，]/g)].pop();
    // A level held through the plan (`失业率控制在5.5%左右`) is the plan's too.
    if (horizon && planEnds(mode, Number(horizon[1])) && !this.overPlan(figure, before, mode)) return { target: true, period: Number(horizon[1]) };
    // A plan's goal for a level, share or stock is the level at the plan's end (`城镇化率达到71%` → 2030), as a review's
    // level is its last year's; what grows, accrues or is held runs over the plan (README, "Decisions of December 2026").
    if (mode.target) return { target: true, period: typeof mode.period !== 'number' && !this.overPlan(figure, before, mode) ? mode.period.to : mode.period };
    if (typeof mode.period !== 'number') return this.planResult(figure, before, mode.period);

    const thisYear = /今年|年内|本年/.test(before) ? this.time.year : undefined;
    if (
      TARGET_WORDS.sentence.some((w) => before.includes(w)) ||
      TARGET_WORDS.paragraph.some((w) => setsTargets(paragraphBefore, w)) ||
      (!mode.review && this.targetSentences.has(sentenceStart))
    ) {
      return { target: true, period: this.time.plan?.to ?? this.time.year };
    }
    // A figure for the report's own year (`今年…增长5%左右`) is a target even inside the review: the year has not been
    // lived yet. Only 今年 says so (年内/本年 also mean the year under review), and not a part of it so far
    // (`今年以来`, `今年一季度`, `今年1-10月`: results of an analysis).
    if (/今年/.test(before) && !PART_OF_THIS_YEAR.test(before)) return { target: true, period: this.time.year };
    // `年均增长5.5%` with no years named is no one year's change: it averages the years of the plan under way; a
    // `累计下降17.3%` is the whole change over them.
    if (figure.kind === 'growth' && /(?:年均|累计)$/.test(before) && typeof mode.period === 'number' && this.review.from < this.reviewYear)
      return { target: false, period: { from: this.review.from, to: this.reviewYear } };
    return { target: false, period: thisYear ?? mode.period };
  }

  /** A plan goal that runs over the plan's years: a growth (`年均增长5%`), a total (`累计`), a level held (`控制在5.5%左右`). */
  private overPlan(figure: Figure, before: string, mode: Mode): boolean {
    // A figure with a verb of its own (`年均增长5%左右、迈上3万亿元`) is not governed by the list item before it.
    const clause = lastClause(before, figure.verb !== undefined && figure.kind !== 'growth' ? LIST_ITEM : CLAUSE);
    return (
      typeof mode.period !== 'number' &&
      (figure.kind === 'growth' || HELD_VERBS.test(figure.verb ?? '') || ACCRUED.test(clause) || PLAN_FLOW.test(clause + (figure.verb ?? '')))
    );
  }

  /**
   * A result of a five-year review: what accrued over the plan (a growth, `累计`, `年均`, `新增`,
   * what was built, won or held) is the plan's; a level or stock it ended with is the last year's.
   */
  private planResult(figure: Figure, before: string, plan: { from: number; to: number }): FigureTime {
    const end = Math.min(plan.to, this.reviewYear);
    // The clause's words up to the figure, its own verb included (`稳定在95%以上` is held, `达4.7个` reached).
    const clause = lastClause(before.slice(-40), LIST_ITEM) + (figure.verb ?? '');
    const verb = figure.verb ?? '';
    // A total the plan ended with (`增至3022家`, `分别达到69家`, `由66户整合至12户`) is the last year's, unless it is
    // summed (`累计达`). So is a rank held now (`连续4年保持全国首位`), and a gap to a reference (`高于全国4.9个百分点`).
    const reachedEnd = figure.kind !== 'growth' && (END_VERB.test(verb) || (verb === '' && END_OF_MOVE.test(before)));
    if ((figure.kind === 'rank' || reachedEnd) && !ACCRUED.test(clause)) return { target: false, period: end };
    if (figure.kind === 'growth' && COMPARISON_VERBS.test(verb)) return { target: false, period: end };
    if (figure.kind === 'growth' || FLOW_WORDS.test(clause) || this.summedByListHead(figure, before)) return { target: false, period: plan };
    // Visits, trips and trainings (`外出务工1610万人次`) happen over time: a number of them is a flow, never a stock.
    if (figure.unit?.base === 'person_time' && !ACCRUED.test(clause) && !reachedEnd) return { target: false, period: plan };
    // A count with no verb of a total (`卓越级智能工厂67家`) is what the five years added.
    if (figure.kind === 'count' && !STOCK_WORDS.test(clause)) return { target: false, period: plan };
    return { target: false, period: end };
  }

  /**
   * `累计接待游客17.52亿人次、旅游花费1.27万亿元`: 累计 heading a list sums every item after it that states only its
   * figure, as an increment verb heading a list makes each item new ones.
   */
  private summedByListHead(figure: Figure, before: string): boolean {
    return /^累计/.test(listHead(`${lastClause(before, CLAUSE)}${this.structure.text.slice(figure.start, figure.end)}`) ?? '');
  }

  /**
   * Walks the paragraphs in order. Section headings set the default: a review (`一、2025年工作回顾`,
   * `“十四五”时期工作回顾`) holds results, a plan section (`“十五五”时期主要目标任务`) targets for the
   * plan's years, the year's work (`2026年工作安排`, `全力推动“十五五”开好局`) targets for the year.
   * Paragraph openings switch within a section: `过去一年` / `2025年` (results of the year under
   * review), `五年来` / `“十四五”时期` (results of the plan), `“十五五”时期` / `未来五年` (the plan
   * ahead), `今年是…` (the year). A top-level markdown heading returns to the document's base.
   */
  private sectionModes(): Mode[] {
    const { time } = this;
    const base: Mode = time.plan ? { target: true, period: time.plan.to } : { target: false, period: this.reviewYear };
    let mode = base;
    return this.structure.paragraphs.map((paragraph) => {
      const text = this.structure.text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 100));
      const heading = paragraph.heading && paragraph.heading.level <= 1 ? paragraph.heading.text : /^[一二三四五六七八九十]+、[^。]{0,60}/.exec(text)?.[0];
      const sectioned = heading === undefined ? undefined : this.headingMode(heading);
      if (sectioned) mode = sectioned;
      else if (heading !== undefined && paragraph.heading && /^#(?!#)/.test(text)) mode = base;
      else if (heading === undefined || paragraph.heading?.level !== 1) {
        // Only a review heading makes a section a review; an opening (`过去一年`) inside one keeps it.
        const opened = this.openingMode(text);
        if (opened) mode = { target: opened.target, period: opened.period, ...(!opened.target && mode.review && { review: true }) };
      }
      return mode;
    });
  }

  private headingMode(heading: string): Mode | undefined {
    const { time } = this;
    const year = /((?:19|20)\d\d)年/.exec(heading);
    const plan = PLAN_NAMED.exec(heading);
    const planYearsNamed = plan ? planYears((plan[1] ?? plan[2]) as string) : undefined;
    if (/^(?:#*|[一二三四五六七八九十]+、)(?:未来五年|今后五年)/.test(heading))
      return { target: true, period: time.plan ? time.plan.to : { from: time.year, to: time.year + 4 } };
    if (REVIEW_HEADING.test(heading)) {
      // `一、2025年和“十四五”时期工作回顾`: the year's results first; `“十四五”时期工作回顾`: the plan's.
      if (year && Number(year[1]) <= this.reviewYear) return { target: false, period: Number(year[1]), review: true };
      if (planYearsNamed && planYearsNamed.to <= this.reviewYear) return { target: false, period: planYearsNamed, review: true };
      // `一、过去五年工作回顾`: the five years are the plan the year under review ends.
      if (!year && FIVE_YEARS.test(heading) && this.review.to <= this.reviewYear) return { target: false, period: this.review, review: true };
      if (!year && !planYearsNamed) return { target: false, period: this.reviewYear, review: true };
    }
    const yearWork = year && Number(year[1]) >= time.year && YEAR_WORK_HEADING.test(heading);
    const planAhead = planYearsNamed && planYearsNamed.from >= time.year && !/开好局|起好步|开局/.test(heading);
    if (yearWork && planAhead)
      return (year.index ?? 0) < (plan!.index ?? 0) ? { target: true, period: Number(year[1]) } : { target: true, period: planYearsNamed };
    if (yearWork) return { target: true, period: Number(year[1]) };
    if (planAhead) return time.plan ? { target: true, period: time.plan.to } : { target: true, period: planYearsNamed };
    if (/开好局|起好步|开局/.test(heading)) return { target: true, period: time.year };
    return undefined;
  }

  /** A paragraph's opening: its first sentence, or the second after a short framing one (`各位代表！2025年目标任务顺利完成…。五年来，…`). */
  private openingMode(written: string): Mode | undefined {
    // `——这五年，…`: a dash that sets off a paragraph of a list is not part of its opening.
    const text = written.replace(/^[—―－-]+/, '');
    const first = text.indexOf('。');
    const second = first >= 0 && first < 40 ? this.sentenceOpening(text.slice(first + 1)) : undefined;
    // `2025年是“十四五”收官之年。五年来，…`: a short framing sentence gives way to a plan review after it.
    if (second && !second.target && typeof second.period !== 'number') return second;
    return this.sentenceOpening(text) ?? second;
  }

  private sentenceOpening(text: string): Mode | undefined {
    const { time } = this;
    const opening = text.replace(/^(?:各位代表[!,]?)/, '');
    const yearIs = /^((?:19|20)\d\d)年(是|[,，]|经济社会发展|全省|全市|全区)?/.exec(opening);
    if (THIS_YEAR_OPENING.test(opening) || (yearIs && Number(yearIs[1]) >= time.year && yearIs[2] !== undefined))
      return { target: true, period: yearIs && Number(yearIs[1]) >= time.year ? Number(yearIs[1]) : time.year };
    if (REVIEW_YEAR_OPENING.test(text)) return { target: false, period: this.reviewYear };
    if (yearIs && Number(yearIs[1]) === this.reviewYear && yearIs[2] !== undefined) return { target: false, period: this.reviewYear };
    if (REVIEW_PLAN_OPENING.test(text)) {
      const plan = PLAN_NAMED.exec(opening.slice(0, 12));
      const years = plan ? planYears((plan[1] ?? plan[2]) as string) : this.review;
      if (years.to <= this.reviewYear) return { target: false, period: years };
    }
    if (OUTLOOK_PLAN_OPENING.test(opening)) return { target: true, period: time.plan ? time.plan.to : { from: time.year, to: time.year + 4 } };
    const ahead = /^“?(十[一二三四五六七八九]?)五”?(?:时期|期间)/.exec(opening);
    if (ahead && planYears(ahead[1] as string).from >= time.year) return { target: true, period: planYears(ahead[1] as string) };
    return undefined;
  }
}

/** Marks that end a clause, and those that also end an item of a list. */
const CLAUSE = [',', ';', ':'] as const;
const LIST_ITEM = [...CLAUSE, '、'] as const;

/** The words of `before` after the last of `marks`. */
function lastClause(before: string, marks: readonly string[]): string {
  return before.slice(Math.max(0, ...marks.map((mark) => before.lastIndexOf(mark) + 1)));
}

/** True when a mode is a plan's goals ending in `year` (`“十五五”时期主要目标` and 到2030年). */
function planEnds(mode: Mode, year: number): mode is Mode & { period: { from: number; to: number } } {
  return mode.target && typeof mode.period !== 'number' && mode.period.to === year;
}

/** The five-year plan a year falls in: 2025 → 十四五 (2021–2025). */
export function planOfYear(year: number): { from: number; to: number } {
  const from = 2021 + 5 * Math.floor((year - 2021) / 5);
  return { from, to: from + 4 };
}
