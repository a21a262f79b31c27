/**
 * Which glossary metric a figure measures. The phrases are the glossary's Chinese metric names
 * (and their `X的Y` → `YX` word order), plus the aliases in `metricAliases.json` (how reports
 * actually word them). A figure's metric is a phrase written next to it, tried in this order:
 *
 * 1. before it, as written: `城镇新增就业31.1万人`;
 * 2. for a rank, the name of the ranking before its verb: `无人机飞行架次居…第2位` (无人机飞行架次排名);
 * 3. right after it: `750件市人大代表建议`, `85%的县级妇幼保健机构达到三级水平`;
 * 4. around it: `新增5个国家先进制造业集群`;
 * 5. before it with a few words inserted: `龙泉山城市森林公园[青白江片区]增绿增景6074亩`;
 * 6. elided, its head written earlier in the sentence (or paragraph): `市属国企…，资产总额` is 市属国企资产总额.
 *
 * Nothing is guessed: a figure with no such phrase is reported unmatched. Every look is bounded.
 */
import type { Localisation } from '../i18n/localisation';
import type { Figure } from './scan';
import aliasFile from './metricAliases.json' with { type: 'json' };
import subjectAliasFile from './subjectAliases.json' with { type: 'json' };

export interface MetricPhrase {
  readonly phrase: string;
  readonly key: string;
  /** What the metric is measured in, read from its glossary name. */
  readonly measure: MetricMeasure;
}

export interface MetricMatch {
  readonly metric: MetricPhrase;
  /** Compact span of the words that named it. */
  readonly start: number;
  readonly end: number;
  readonly how: 'before' | 'rank' | 'after' | 'around' | 'inserted' | 'elided';
}

type Found = Omit<MetricMatch, 'how'>;
type Accept = (m: MetricPhrase) => boolean;

/** money: 额/投资/收入…; rate: 率/比重/指数…; rank: 排名; other: counts and physical amounts. */
export type MetricMeasure = 'money' | 'rate' | 'rank' | 'other';

const RANK_NAME = /(?:排名|排位|口碑评价)$/;
const RATE_NAME = /(?:率|比重|占比|比例|比|指数|浓度|密度|能耗|水耗|寿命|年限|强度|系数|盖度|水平)$/;
const MONEY_NAME =
  /(?:额|投资|收入|营收|值|规模|总量|资金|贷款|余额|授信|投入|票房|进出口|进口|出口|贸易|费|税|支出|基金|融资|工资|债券|国债|最低标准|低保标准|保障标准)$/;

export function measureOf(name: string): MetricMeasure {
  if (RANK_NAME.test(name)) return 'rank';
  if (RATE_NAME.test(name)) return 'rate';
  if (MONEY_NAME.test(name)) return 'money';
  return 'other';
}

/**
 * Whether a figure can measure a metric: money metrics take currency amounts, changes and ranks;
 * rates take % / points / ratios / indexes; ranks take ranks; other metrics take anything but
 * currency, and % only as a change. Guards against a count landing on an investment's name.
 */
export function compatible(measure: MetricMeasure, figure: Pick<Figure, 'kind' | 'unit'>): boolean {
  const base = figure.unit?.base;
  if (figure.kind === 'rank') return true;
  if (measure === 'rank') return false;
  if (figure.kind === 'growth') return true;
  const money = base !== undefined && (base.startsWith('yuan') || base.startsWith('usd'));
  // Money per unit (`万元/人`, `元/亩`) measures a rate as well as an amount: 全员劳动生产率, 亩均税收.
  if (money && base.includes('_per_') && (measure === 'money' || measure === 'rate')) return true;
  if (measure === 'money') return money;
  // A rate is never a count of things (`9所高校` is no enrolment rate).
  if (measure === 'rate') return !money && figure.kind !== 'count';
  return !money && figure.kind !== 'share';
}

/** An elided subject is at least this long (3), or 4 when its head is further back than its sentence. */
const MIN_ELIDED = 3;
const MIN_ELIDED_PARAGRAPH = 4;
/** Words between a count and what it counts: `85%的县级…`. */
const MAX_AFTER_GAP = 6;
/** Words a report may insert into a name: `电网[主网]安全承载能力`, `粮食[生产再获丰收、]产量`. */
const MAX_INSERTION = 8;
/** An elided subject is a few words right before (or after) its figure. */
const MAX_ELIDED_SUBJECT = 16;
/** Between a ranking's name and its verb: `发展绩效[连续4年]排名`, `综合指数[在全国168个重点城市]排名`. */
const RANK_GAP = /^(?:连续\d+年|在[^,;:。]{0,20})?$/;
/** Nor does a whole a share is of (`制造业增加值[占规模工业增加值]比重` is not manufacturing's share of output). */
const INSERTION_STOPS = /[,;:。!?\n\d占]/;
/** An owner inserted into a name narrows it to another concept: 规上[民营]工业增加值 is not 规上工业增加值. */
const OWNERSHIP_INSERTION = /民营|国有|外资|外商|私营|集体|港澳台|非公/;

/** A sector inserted after a statistical scope narrows the name too: 规上[装备]工业增加值 is equipment industry's. */
const SCOPE_HEAD = /^(?:规上|规模以上|限上|限额以上)$/;

export class MetricIndex {
  private readonly byLast = new Map<string, MetricPhrase[]>();
  private readonly byFirst = new Map<string, MetricPhrase[]>();
  private readonly byHead = new Map<string, MetricPhrase[]>();
  private readonly bySuffix = new Map<string, MetricPhrase[]>();
  private readonly rankStems = new Map<string, MetricPhrase[]>();
  readonly phrases: readonly MetricPhrase[];
  /** Length of the longest phrase: no subject window needs to reach much further back. */
  readonly longest: number;
  /** Words that are a metric only as all a statement names (`subjectAliases.json`); never looked for in the text. */
  private readonly wholeSubjects: ReadonlyMap<string, MetricPhrase>;

  constructor(phrases: readonly MetricPhrase[], wholeSubjects: readonly MetricPhrase[] = []) {
    this.wholeSubjects = new Map(wholeSubjects.map((entry) => [entry.phrase, entry]));
    this.phrases = [...phrases].sort((a, b) => b.phrase.length - a.phrase.length);
    this.longest = this.phrases[0]?.phrase.length ?? 0;
    for (const entry of this.phrases) {
      const { phrase } = entry;
      push(this.byLast, phrase[phrase.length - 1] as string, entry);
      push(this.byFirst, phrase[0] as string, entry);
      if (phrase.length >= 4) push(this.byHead, phrase.slice(0, 2), entry);
      for (let n = MIN_ELIDED; n < phrase.length; n++) push(this.bySuffix, phrase.slice(-n), entry);
      const stem = /^(.{2,})(?:排名|排位)$/.exec(phrase)?.[1];
      if (stem) push(this.rankStems, stem[stem.length - 1] as string, { ...entry, phrase: stem });
    }
  }

  /** The glossary's Chinese metric names and the aliases, normalised like the compact text. */
  static fromGlossary(
    localisation: Localisation,
    aliases: Record<string, readonly string[]> = metricAliases(),
    subjects: Record<string, readonly string[]> = subjectAliases(),
  ): MetricIndex {
    const names = localisation.lexicons.zh.namespace('metrics') as Record<string, unknown>;
    const phrases: MetricPhrase[] = [];
    const wholeSubjects: MetricPhrase[] = [];
    for (const key of localisation.glossary.list('metric')) {
      const name = typeof names[key] === 'string' ? normalise(names[key] as string) : undefined;
      if (!name) continue;
      const measure = measureOf(name);
      for (const phrase of phrasesOf(name, (aliases[key] ?? []).map(normalise))) if (phrase.length >= 2) phrases.push({ phrase, key, measure });
      for (const phrase of subjects[key] ?? []) wholeSubjects.push({ phrase: normalise(phrase), key, measure });
    }
    return new MetricIndex(phrases, wholeSubjects);
  }

  /** The glossary metric a statement's whole subject names, when it is one of `subjectAliases.json` (`经济`). */
  wholeSubject(words: string): MetricPhrase | undefined {
    return this.wholeSubjects.get(normalise(words));
  }

  /** The phrase inside text[from, to) that ends nearest `to` (the longest of those). */
  lastIn(text: string, from: number, to: number, accept: Accept): Found | undefined {
    for (let end = to; end > from; end--) {
      for (const entry of this.byLast.get(text[end - 1] as string) ?? []) {
        const start = end - entry.phrase.length;
        if (start >= from && text.startsWith(entry.phrase, start) && accept(entry)) return { metric: entry, start, end };
      }
    }
    return undefined;
  }

  /**
   * The phrase inside text[from, to) that starts nearest `from`, within `maxGap` characters that
   * do not pass a list separator (`学校12所、新增学位…`: 新增学位 belongs to the next item).
   */
  firstIn(text: string, from: number, to: number, maxGap: number, accept: Accept): Found | undefined {
    for (let start = from; start < to && start - from <= maxGap; start++) {
      if (start > from && text[start - 1] === '、') break;
      for (const entry of this.byFirst.get(text[start] as string) ?? []) {
        if (start + entry.phrase.length <= to && text.startsWith(entry.phrase, start) && accept(entry))
          return { metric: entry, start, end: start + entry.phrase.length };
      }
    }
    return undefined;
  }

  /** A phrase written in text[from, to) with a few words inserted after its first two or more characters. */
  insertedIn(text: string, from: number, to: number, accept: Accept, maxStart = to - from): Found | undefined {
    let best: Found | undefined;
    for (let start = from; start + 1 < to && start - from <= maxStart; start++) {
      if (maxStart < to - from && start > from && text[start - 1] === '、') break;
      for (const entry of this.byHead.get(text.slice(start, start + 2)) ?? []) {
        const { phrase } = entry;
        let shared = 2;
        while (shared < phrase.length && text[start + shared] === phrase[shared]) shared++;
        const rest = phrase.slice(shared);
        if (rest.length < 2) continue; // written whole: not an insertion
        let resume = start + shared + 1;
        while (resume - (start + shared) <= MAX_INSERTION && resume + rest.length <= to && !text.startsWith(rest, resume)) resume++;
        if (resume - (start + shared) > MAX_INSERTION || resume + rest.length > to) continue;
        const insertion = text.slice(start + shared, resume);
        if (INSERTION_STOPS.test(insertion) || OWNERSHIP_INSERTION.test(insertion) || SCOPE_HEAD.test(phrase.slice(0, shared)) || !accept(entry)) continue;
        const end = resume + rest.length;
        // `经济区经济总量`: the phrase written whole where the insertion would end is no insertion (经济[区经济]总量).
        if (text.startsWith(phrase, end - phrase.length)) continue;
        if (!best || end > best.end || (end === best.end && phrase.length > best.metric.phrase.length)) best = { metric: entry, start, end };
      }
    }
    return best;
  }

  /** A ranking named by its stem before the rank verb: `轨道交通“800米覆盖通勤比”居…` is …排名. */
  rankBefore(text: string, from: number, verbAt: number, accept: Accept): Found | undefined {
    for (let end = verbAt; end > from; end--) {
      if (!RANK_GAP.test(text.slice(end, verbAt))) continue;
      for (const entry of this.rankStems.get(text[end - 1] as string) ?? []) {
        const start = end - entry.phrase.length;
        if (start >= from && text.startsWith(entry.phrase, start) && accept(entry)) return { metric: entry, start, end };
      }
    }
    return undefined;
  }

  /** Phrases ending with `tail` (3+ characters): the full names an elided subject may stand for. */
  endingWith(tail: string): readonly MetricPhrase[] {
    return this.bySuffix.get(tail) ?? [];
  }
}

export interface Reach {
  /** Where the figure's own subject may start (clause start or the previous figure's end). */
  readonly from: number;
  /** Where the words after the figure stop (clause end or the next figure). */
  readonly after: number;
  readonly sentenceStart: number;
  readonly paragraphStart: number;
}

/** Words of a rate per unit of what comes before them (`能耗`, `水耗`, `强度`), between a name and its figure. */
const PER_UNIT_AFTER = /^[\u4e00-\u9fff]{0,4}?(?:能耗|水耗|电耗|物耗|强度)/;

/** The metric of one figure; see the module comment for the order of the rules. */
export function resolveMetric(
  index: MetricIndex,
  text: string,
  figure: Pick<Figure, 'start' | 'end' | 'kind' | 'unit' | 'rank'>,
  reach: Reach,
  only: Accept = () => true,
): MetricMatch | undefined {
  const accept: Accept = (m) => compatible(m.measure, figure) && only(m);
  const from = Math.max(reach.from, figure.start - 2 * index.longest);
  // `规上工业增加值能耗下降5%`: a name followed by a word of consumption per unit is that rate's, never the name's.
  const reachesFigure = (found: Found | undefined) => (found && !PER_UNIT_AFTER.test(text.slice(found.end, figure.start)) ? found : undefined);
  const before = reachesFigure(index.lastIn(text, from, figure.start, accept));
  // A longer name written with a word inserted wins over a shorter one inside it:
  // 新增[培育]国家高新技术企业 is 新增国家高新技术企业, not 国家高新技术企业.
  const longer = before && reachesFigure(index.insertedIn(text, from, figure.start, accept));
  if (before && longer && longer.end >= before.end && longer.start < before.start) return { ...longer, how: 'inserted' };
  if (before) return { ...before, how: 'before' };
  if (figure.rank && figure.rank.verbAt > from) {
    const rank = index.rankBefore(text, from, figure.rank.verbAt, accept);
    if (rank) return { ...rank, how: 'rank' };
  }
  const afterEnd = Math.min(reach.after, figure.end + index.longest + MAX_AFTER_GAP);
  const after = index.firstIn(text, figure.end, afterEnd, MAX_AFTER_GAP, accept);
  if (after) return { ...after, how: 'after' };
  const around = aroundFigure(index, text, figure, from, afterEnd, accept);
  if (around) return { ...around, how: 'around' };
  const inserted =
    reachesFigure(index.insertedIn(text, from, figure.start, accept)) ?? index.insertedIn(text, figure.end, afterEnd, (m) => accept(m), MAX_AFTER_GAP);
  if (inserted) return { ...inserted, how: 'inserted' };
  const elidedBefore = elided(index, text, Math.max(reach.from, figure.start - MAX_ELIDED_SUBJECT), figure.start, reach, accept);
  if (elidedBefore) return elidedBefore;
  return elidedAfter(index, text, figure.end, afterEnd, reach, accept);
}

/** A name the figure is written inside: `新增` 5个 `国家先进制造业集群`. */
function aroundFigure(index: MetricIndex, text: string, figure: Pick<Figure, 'start' | 'end'>, from: number, to: number, accept: Accept): Found | undefined {
  const head = text.slice(Math.max(from, figure.start - 8), figure.start);
  const tail = text.slice(figure.end, to);
  if (head === '' || tail === '') return undefined;
  const joined = head + tail;
  for (let cut = 1; cut <= head.length; cut++) {
    const at = head.length - cut;
    const found = index.firstIn(joined, at, joined.length, 0, (m) => accept(m) && m.phrase.length > cut);
    if (found) return { metric: found.metric, start: figure.start - cut, end: figure.end + (found.end - head.length) };
  }
  return undefined;
}

/**
 * A subject that is the tail of a metric's name whose head was written earlier: in the same
 * sentence (`市属国企…，资产总额` → 市属国企资产总额), or for longer tails anywhere earlier in the paragraph.
 */
export function elided(
  index: MetricIndex,
  text: string,
  from: number,
  to: number,
  reach: Pick<Reach, 'sentenceStart' | 'paragraphStart'>,
  accept: Accept,
): MetricMatch | undefined {
  const subject = text.slice(from, to);
  for (let start = 0; start <= subject.length - MIN_ELIDED; start++) {
    // A tail starts a word: `汽车产|业增加值` is not 规上工业增加值 with its head elided.
    if (!startsWord(text, from + start, from)) continue;
    for (let end = subject.length; end - start >= MIN_ELIDED; end--) {
      const found = headWrittenEarlier(index, text, subject.slice(start, end), from + start, reach, accept);
      if (found) return { metric: found, start: from + start, end: from + end, how: 'elided' };
    }
  }
  return undefined;
}

/**
 * Whether an elided tail may start at `at`: at the subject's own start (its clause or the previous
 * figure), after a mark, or after words that end a phrase rather than run into a name
 * (`其中`, `全年`, `的`, `实现`, ...). Chinese characters running on before it are the rest of its word.
 */
function startsWord(text: string, at: number, subjectStart: number): boolean {
  if (at <= subjectStart || !/[\u4e00-\u9fff]/.test(text[at - 1] as string) || /[“《]/.test(text[at] as string)) return true;
  return WORD_BEFORE_TAIL.test(text.slice(Math.max(subjectStart, at - 4), at));
}

/** Words after which a new word starts: discourse, time, totals, verbs of reporting and of doing (`累计创建`). */
const WORD_BEFORE_TAIL =
  /(?:的|和|及|与|其中|全年|当年|年末|年底|同时|累计|实现|完成|达到|保持|其|打造|创建|建成|建设|新建|实施|开展|培育|认定|引进|推动|推进|改造|提升)$/;

/** The same, with the tail right after the figure: `成都都市圈…，283项年度重点任务`. */
function elidedAfter(
  index: MetricIndex,
  text: string,
  from: number,
  to: number,
  reach: Pick<Reach, 'sentenceStart' | 'paragraphStart'>,
  accept: Accept,
): MetricMatch | undefined {
  const start = text[from] === '的' ? from + 1 : from;
  for (let end = Math.min(to, start + MAX_ELIDED_SUBJECT); end - start >= MIN_ELIDED; end--) {
    const found = headWrittenEarlier(index, text, text.slice(start, end), from, reach, accept);
    if (found) return { metric: found, start, end, how: 'elided' };
  }
  return undefined;
}

function headWrittenEarlier(
  index: MetricIndex,
  text: string,
  tail: string,
  before: number,
  reach: Pick<Reach, 'sentenceStart' | 'paragraphStart'>,
  accept: Accept,
): MetricPhrase | undefined {
  const sentence = text.slice(Math.max(reach.sentenceStart, before - 200), before);
  const paragraph = tail.length >= MIN_ELIDED_PARAGRAPH ? text.slice(Math.max(reach.paragraphStart, before - 400), before) : sentence;
  for (const entry of index.endingWith(tail)) {
    const head = entry.phrase.slice(0, entry.phrase.length - tail.length);
    if (head.length >= 2 && (sentence.includes(head) || paragraph.includes(head)) && accept(entry)) return entry;
  }
  return undefined;
}

/** A share of output, `X占地区生产总值比重`, is also written `X占GDP比重` and `X占GDP比例`. */
/** Every way a report writes a glossary metric: its name, the name's other wordings, its aliases and theirs. */
export function phrasesOf(name: string, aliases: readonly string[]): Set<string> {
  const written = [name, ...wordOrders(name), ...shareOfGdp(name), ...incrementFirst(name), ...sectorInvestment(name), ...aliases];
  return new Set([...written, ...written.flatMap(pastoral)]);
}

/** `交通投资` is also written `交通领域投资额`: investment in a sector named as a field. */
function sectorInvestment(name: string): string[] {
  const sector = /^([\u4e00-\u9fff]{2,4})投资$/.exec(name)?.[1];
  return sector ? [`${sector}领域投资`, `${sector}领域投资额`] : [];
}

function shareOfGdp(name: string): string[] {
  const part = /^(.{2,})占地区生产总值比重$/.exec(name)?.[1];
  return part ? [`${part}占GDP比重`, `${part}占GDP比例`] : [];
}

/** `普通高中新增学位` is also written `新增普通高中学位`: the increment verb first. */
function incrementFirst(name: string): string[] {
  const parts = /^(.{2,})新增(.{2,})$/.exec(name);
  return parts ? [`新增${parts[1]}${parts[2]}`] : [];
}

/**
 * Where farming and herding are one economy (Qinghai, Tibet, Inner Mongolia, Xinjiang) reports write 农牧区 for 农村
 * and 农牧民 for 农民 and 农村居民: `农牧区劳动力转移就业` is 农村劳动力转移就业.
 */
function pastoral(phrase: string): string[] {
  const herding = phrase.replace(/农村居民|农民/g, '农牧民').replace(/农村/g, '农牧区');
  const region = phrase.replace(/农村/g, '农牧区').replace(/农民/g, '农牧民');
  return [...new Set([herding, region])].filter((variant) => variant !== phrase);
}

/** `完成优化重组的全国重点实验室` is also written `全国重点实验室完成优化重组` (and without a closing 占比/比重). */
function wordOrders(name: string): string[] {
  const parts = /^(.{2,})的(.{2,})$/.exec(name);
  if (!parts) return [];
  const [, qualifier = '', noun = ''] = parts;
  const bare = noun.replace(/(?:占比|比重)$/, '');
  return [...new Set([noun + qualifier, bare + qualifier])];
}

/** Aliases from `metricAliases.json` (keys starting with "$" are comments). */
export function metricAliases(): Record<string, readonly string[]> {
  return aliasesIn(aliasFile);
}

/** Words that are a metric only as a whole subject, from `subjectAliases.json` (`经济` is GDP, `数字经济` is not). */
export function subjectAliases(): Record<string, readonly string[]> {
  return aliasesIn(subjectAliasFile);
}

function aliasesIn(file: unknown): Record<string, string[]> {
  const entries = Object.entries(file as Record<string, unknown>).filter(([key, value]) => !key.startsWith('$') && Array.isArray(value));
  return Object.fromEntries(entries) as Record<string, string[]>;
}

/** Like the compact text: full-width ASCII folded, whitespace removed. */
export function normalise(phrase: string): string {
  return phrase.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s+/g, '');
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
