/**
 * Figures → statements. Most figures are statements of their own; a few rules join or drop them:
 *
 * - `分别`: `装备制造、医药健康产业分别增长8.1%、10.1%` pairs the subjects listed before 分别
 *   with the figures after it, in order (shared heads and tails filled in: 第一、第二、第三产业增加值).
 * - a change or rank right after an amount belongs to it: `突破1.3万家、增长13%`, `7489.8亿元、居中西部城市第1位`.
 * - `从第47位提升至第24位`, `从39家增至70家`: only the figure reached is a statement.
 * - `新增2个、达到14个`: only the total is a statement.
 */
import { type MetricIndex, type MetricMatch, type MetricPhrase, compatible, elided, resolveMetric } from './metrics';
import {
  CHANGE_BASIS,
  COMPARISON_VERBS,
  INCREMENT,
  MEASURE_WORDS,
  MERGER_VERB,
  PER_CAPITA,
  PER_HEAD,
  PER_POPULATION,
  START_TIME,
  TOTAL_VERBS,
  joinsNextFigure,
} from './rules';
import type { Figure } from './scan';
import type { Structure } from './structure';

export interface Statement {
  readonly figure: Figure;
  /** A change stated right after the amount (`、增长13%`). */
  readonly change?: Figure;
  /** A rank stated right after the amount (`、居副省级城市第1位`). */
  readonly rank?: Figure;
  /** A gap to a reference stated right after it (`、高于全国1.8个百分点`). */
  readonly comparison?: Figure;
  readonly metric?: MetricMatch;
  /** Compact span of the quote. */
  readonly start: number;
  readonly end: number;
  /** The words before the figure, for an editor reading why it is unmatched. */
  readonly subject: string;
  /** Set when the statement's subject could not be read (a 分别 list that does not pair up). */
  readonly problem?: string;
  /** The words a name can be proposed from when no glossary metric fits: its clause before the figure, and what follows it. */
  readonly naming: { readonly before: string; readonly after: string };
}

/** Chinese compounds that list two subjects in one word: 存贷款余额 is 存款余额 and 贷款余额. */
const COMPOUNDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['存贷款', ['存款', '贷款']],
  ['城乡居民', ['城镇居民', '农村居民']],
  ['进出口', ['进口', '出口']],
  ['中小学', ['中学', '小学']],
  ['城乡', ['城镇', '农村']],
  ['内外资', ['内资', '外资']],
  ['中外资', ['中资', '外资']],
  ['内外贸', ['内贸', '外贸']],
  ['客货运', ['客运', '货运']],
  ['海内外', ['海内', '海外']],
  ['国内外', ['国内', '国外']],
  ['省内外', ['省内', '省外']],
  ['收支', ['收入', '支出']],
  ['牛羊', ['牛', '羊']],
];
/** Discourse words that open a subject list: `其中第一、第二、第三产业增加值`. */
const LIST_OPENERS = /^(?:其中|同时|全年|全市|分别)/;
/** The three sectors listed by their ordinals: `一、二、三产业`, `一二三产`, `第一、二、三产业`. */
const SECTOR_ORDINALS = /第?一[、和]?第?二[、和及]?第?三产业?/;
const SEPARATOR = /^[、,和及与]?$/;
/** Between an increment and the total it brings: `新增46家、总数达到512家`. */
const TOTAL_GAP = /^[、,](?:总数|总量|累计|共|全市总数|全区总数)?$/;
/** Words that may stand between an amount and its change: `、增长13%`, `，同比下降4.3%`. */
const CHANGE_GAP = new RegExp(`^[、,]${CHANGE_BASIS}?(?:年均)?$`);
/** Words that may stand between an amount and its rank (`，均居…`). */
const RANK_JOINERS = /^[、,]?[均并且还稳]?$/;
/** A count may name what it counts before its rank: `共获得48枚金牌、位列全国第3`. */
const COUNTED_NOUN = /^[\u4e00-\u9fff]{1,4}(?=[、,])/;
const MAX_EXTENSION = 16;
const MAX_UNMATCHED_SUBJECT = 16;

interface Working {
  figure: Figure;
  /** Where its subject may start. */
  from: number;
  change?: Figure;
  rank?: Figure;
  /** A rank that 均 gives to every figure of the list it closes (`A2家、B67家，均居全国第一`), stated after a later one. */
  sharedRank?: Figure;
  /** A gap to a reference stated right after the amount: quoted with it, not a change. */
  comparison?: Figure;
  group?: Group;
  dropped?: boolean;
  /** A total after an increment (`新增46家、总数达到512家`): its metric is the stock, not the increment. */
  total?: boolean;
}

interface Group {
  readonly subjectStart: number;
  readonly subjectEnd: number;
  readonly members: Working[];
  readonly end: number;
}

export function buildStatements(structure: Structure, figures: readonly Figure[], index: MetricIndex): Statement[] {
  const { text } = structure;
  const items: Working[] = figures.map((figure, i) => ({
    figure,
    from: Math.max(structure.clauseStart(figure.start), i > 0 ? (figures[i - 1] as Figure).end : 0),
  }));

  for (let i = 0; i + 1 < items.length; i++) {
    const [a, b] = [items[i] as Working, items[i + 1] as Working];
    const gap = text.slice(a.figure.end, b.figure.start);
    // 从第47位提升至第24位 / 从39家增至70家; 新增2个、达到14个.
    const fromTo =
      FROM_BEFORE.test(text.slice(Math.max(0, a.figure.start - 9), a.figure.start)) && FROM_TO_GAP.test(gap) && (gap !== '' || b.figure.verbKind === 'level');
    const total =
      TOTAL_GAP.test(gap) &&
      b.figure.verb !== undefined &&
      TOTAL_VERBS.includes(b.figure.verb) &&
      a.figure.unit?.base === b.figure.unit?.base &&
      a.figure.kind !== 'rank';
    // `经济总量超200亿元县2个`, `30万千瓦级机组3台`: the first figure is a threshold in the name of what is counted.
    // So is one before a count of a class and its verb of a total (`营收超百亿元企业达到15家`).
    const threshold =
      /^[\u4e00-\u9fff]{1,4}$/.test(gap) &&
      b.figure.kind === 'count' &&
      a.figure.kind !== 'count' &&
      (b.figure.verb === undefined || (CROSSED.test(a.figure.verb ?? '') && CLASS_TOTAL_VERB.test(b.figure.verb)));
    if (fromTo || total || threshold) {
      a.dropped = true;
      b.from = a.from;
      b.total = total;
    }
  }
  dropListedStarts(text, items);
  for (const item of items) if (!item.dropped && namesPart(structure, item.figure)) item.dropped = true;

  const kept = items.filter((item) => !item.dropped);
  formGroups(structure, kept);

  // A change or rank right after an amount, with no subject of its own, belongs to the amount.
  const statements: Working[] = [];
  let skip = 0;
  for (const item of kept) {
    const previous = statements[statements.length - 1];
    const gap = previous ? text.slice(previous.change?.end ?? previous.rank?.end ?? previous.figure.end, item.figure.start) : undefined;
    if (previous && gap !== undefined && !item.group && comparesTo(previous, item.figure, text.slice(previous.figure.end, item.figure.start))) {
      for (const target of previous.group ? previous.group.members : [previous]) target.comparison = item.figure;
      continue;
    }
    const compared = previous && gap !== undefined ? comparisonList(previous, item, gap) : undefined;
    if (compared) {
      // `分别增长5%、6%，分别高于全国0.3个、0.5个百分点`: each gap is the figure's in the same place of the list before.
      compared.forEach((member, n) => {
        member.comparison = (item.group as Group).members[n]?.figure;
      });
      skip = compared.length - 1;
      continue;
    }
    const pairedChanges = previous?.group && gap !== undefined ? changeList(previous, kept, kept.indexOf(item), gap, text) : undefined;
    if (pairedChanges) {
      (previous as Working).group!.members.forEach((member, n) => {
        member.change = inherit((pairedChanges[n] as Working).figure, (pairedChanges[0] as Working).figure);
      });
      skip = pairedChanges.length - 1;
      continue;
    }
    if (skip > 0) {
      skip--;
      continue;
    }
    const amounts = item.group && gap !== undefined ? amountsBefore(structure, statements, item, gap) : undefined;
    if (amounts) {
      // `接待国内游客4.16亿人次、入境游客936万人次，分别增长6.7%、39.6%`: the changes of the amounts, in order.
      (item.group as Group).members.forEach((member, n) => {
        (amounts[n] as Working).change = member.figure;
      });
      skip = (item.group as Group).members.length - 1;
      continue;
    }
    if (previous && gap !== undefined && !item.group && levelAfterChange(previous, item.figure, gap)) {
      // `外贸进出口增长8.4%，总额突破8000亿元`: one statement, the level with its change.
      item.change = previous.figure;
      item.from = previous.from;
      statements[statements.length - 1] = item;
      continue;
    }
    if (previous && gap !== undefined && !item.group && attachable(previous, item.figure, gap, text)) {
      const targets = previous.group ? previous.group.members : [previous];
      for (const target of targets) {
        if (item.figure.kind === 'rank') target.rank = item.figure;
        else target.change = item.figure;
      }
      if (item.figure.kind === 'rank' && !previous.group) shareRank(text, statements, item.figure);
      continue;
    }
    statements.push(item);
  }

  // A figure's subject starts after the words the previous statement used (`750件市人大代表建议、790件…`).
  let used = 0;
  return statements.map((item, position) => {
    item.from = Math.max(item.from, Math.min(used, item.figure.start));
    const built = item.group ? groupStatement(structure, item, index) : singleStatement(structure, item, statements[position + 1], index);
    // A shared rank widens the quote to where it is stated, but not the words used up: the next items keep their subjects.
    const statement = item.sharedRank ? { ...built, rank: item.sharedRank, end: Math.max(built.end, item.sharedRank.end) } : built;
    // An unmatched statement's quote may run on to show what it counts; those words are not used up. Nor
    // are the words of later amounts when its change is written after them (`A4.16亿人次、B936万人次，分别增长…`).
    const following = statements[position + 1];
    if (following && item.change && item.change.start > following.figure.start) {
      used = Math.max(used, Math.min(statement.metric?.end ?? item.figure.end, following.figure.start), item.figure.end);
      return statement;
    }
    used = Math.max(
      used,
      statement.metric || item.group || countsListedNoun(text, built)
        ? built.end
        : Math.max(statement.figure.end, statement.change?.end ?? 0, statement.rank?.end ?? 0, item.comparison?.end ?? 0),
    );
    return statement;
  });
}

/**
 * `16所高校、48个学科入选…`: the words a counted figure runs on to, up to a list mark (or a 和 before the next
 * figure), are its own noun, not
 * the next item's subject (which, like this one, follows its counter).
 */
function countsListedNoun(text: string, statement: Statement): boolean {
  return namesWhatFollows(statement) && (text[statement.end] === '、' || joinsNextFigure(text, statement.end));
}

/** Whether a statement with no subject before its figure names what it counts after it (`…学科入选“双一流”建设名单`). */
export function namesWhatFollows(statement: Pick<Statement, 'subject'>): boolean {
  return /…[^,;:。、]*[\u4e00-\u9fff]{2}/.test(statement.subject);
}

/** A list item's figures before the next item's subject: `智能工厂2家、`. */
const LIST_LINK = /^、[^,;:。!?\n、]*$/;

/**
 * `入选A2家、B67家、C301家，均居全国第一`: 均 gives the rank attached to the last figure to each figure of
 * the list before it, of the same kind and with no rank or change of its own.
 */
function shareRank(text: string, statements: readonly Working[], rank: Figure): void {
  const last = statements[statements.length - 1] as Working;
  if (!rank.rank || !text.slice(last.change?.end ?? last.figure.end, rank.rank.verbAt).includes('均')) return;
  for (let i = statements.length - 2; i >= 0; i--) {
    const [item, next] = [statements[i] as Working, statements[i + 1] as Working];
    const end = Math.max(item.figure.end, item.comparison?.end ?? 0);
    if (item.group || item.rank || item.change || item.figure.kind !== last.figure.kind || !LIST_LINK.test(text.slice(end, next.figure.start))) return;
    item.sharedRank = rank;
  }
}

function attachable(previous: Working, figure: Figure, gap: string, text: string): boolean {
  if (figure.kind === 'rank' && figure.rank && figure.rank.verbAt >= 0 && !previous.rank && previous.figure.kind !== 'rank') {
    const between = text.slice(previous.change?.end ?? previous.figure.end, figure.rank.verbAt);
    return RANK_JOINERS.test(between) || (previous.figure.kind === 'count' && !previous.change && RANK_JOINERS.test(between.replace(COUNTED_NOUN, '')));
  }
  // A share changes in points, written right after it: `占比提升至55.7%、提高4.7个百分点`.
  const changes =
    previous.figure.kind === 'level' ||
    previous.figure.kind === 'count' ||
    (previous.figure.kind === 'share' && figure.unit?.base === 'points' && gap === '、');
  return figure.kind === 'growth' && !previous.change && !previous.rank && CHANGE_GAP.test(gap) && changes && figure.verbKind === 'change';
}

/** Before the starting figure of a move; either end may carry its time: 从2020年的5.2万元提高到2025年的7.4万元, 从上半年5.5%降到5.3%. */
const FROM_BEFORE = new RegExp(`[从由](?:${START_TIME})?${PER_HEAD}?$`);
const FROM_TO_GAP =
  /^(?:优化|调整|合并)?(?:提升|上升|提高|增长|增加|增|下降|降|扩大|缩小|减少|整合|压减|精简)?(?:优化)?(?:至|到|为)?(?:(?:19|20)\d\d年(?:底|末)?的?)?$/;

/**
 * `分别从645元/月、4318元/年提高到801元/月、7226元/年`, `分别从每人每月209元、280元提高到217元、290元`,
 * `分别从771家、481家增加到1076家、636家`: the listed starting figures are not statements.
 */
function dropListedStarts(text: string, items: Working[]): void {
  const gapBefore = (j: number) => text.slice((items[j - 1] as Working).figure.end, (items[j] as Working).figure.start);
  for (let j = 2; j < items.length; j++) {
    // The verb to the reached figures is in the gap (`、280元提高到217元`) or read as the figure's own (`增加到1076家`).
    if (!FROM_TO_GAP.test(gapBefore(j)) || (gapBefore(j) === '' && (items[j] as Working).figure.verbKind !== 'level')) continue;
    let first = j - 1;
    while (first > 0 && gapBefore(first) === '、') first--;
    const count = j - first;
    if (count < 2 || !FROM_BEFORE.test(text.slice(Math.max(0, (items[first] as Working).figure.start - 9), (items[first] as Working).figure.start))) continue;
    let listed = 1;
    while (listed < count && j + listed < items.length && gapBefore(j + listed) === '、') listed++;
    if (listed !== count) continue;
    for (let k = first; k < j; k++) (items[k] as Working).dropped = true;
    (items[j] as Working).from = (items[first] as Working).from;
  }
}

/** What may follow a figure in its clause when it only says which one is meant: `成为全国首批5个国家公园之一`. */
const ONE_OF = /^[\u4e00-\u9fff“”]{0,12}之一/;
/** A verb of crossing a threshold before a class's name (`超百亿元企业`), and the verbs of its count's total. */
const CROSSED = /^(?:超过?|突破)$/;
const CLASS_TOTAL_VERB = /^(?:达到?|增至|增加到|有)$/;
/** The class a threshold names, then the count of it: `的县域达12个`, `的企业达到50家`. */
const CLASS_COUNTED = /^的[\u4e00-\u9fff]{1,8}?(?:达到?|增至|有|超过?)?[\d.]/;
/** A capacity naming a project: `60万吨赖氨酸等项目`, `年产60万吨油料项目`, `120万吨乙烯转型升级项目`. */
const PROJECT_SPEC = /^[\u4e00-\u9fff“”]{0,10}项目/;

/** `将8个公司运营的16支基金整合为2支`, `188个园区整合优化为120个`: where a merger starts; only what it becomes is a statement. */
const MERGED_FROM = /将[^,;:。]*$/;
const MERGED_INTO = new RegExp(`^[^,;:。]*?${MERGER_VERB}[^,;:。]*?\\d`);
/** `188个园区整合优化为120个`: what a figure counts, merged into the next figure with no list mark between. */
const MERGED_NEXT = new RegExp(`^[^,;:。、\\d]*?${MERGER_VERB}`);

/** A figure that is part of how something is named (one of a set, a project's capacity), or where a merger starts: not a statement. */
function namesPart(structure: Structure, figure: Figure): boolean {
  const after = structure.text.slice(figure.end, structure.clauseEnd(figure.end));
  if (ONE_OF.test(after)) return true;
  // `经济总量超千亿元的县域达12个`: a bound before 的 and a noun names a class of things, which a count then counts.
  if ((figure.qualifier === 'over' || figure.qualifier === 'at_least') && CLASS_COUNTED.test(after)) return true;
  if (MERGED_INTO.test(after) && (MERGED_FROM.test(structure.text.slice(structure.clauseStart(figure.start), figure.start)) || MERGED_NEXT.test(after)))
    return true;
  return figure.kind === 'level' && figure.verb === undefined && figure.unit !== undefined && figure.unit.base !== 'yuan' && PROJECT_SPEC.test(after);
}

/**
 * `分别达6.9万元、3.4万元，增长4.2%、5.3%`: as many changes as the group has members, listed right after
 * it with no subject of their own, are the members' changes in order. Undefined when they are not.
 */
function changeList(previous: Working, kept: readonly Working[], at: number, gap: string, text: string): Working[] | undefined {
  const members = (previous.group as Group).members;
  if (previous !== members[members.length - 1] || members.some((m) => m.change)) return undefined;
  const changes = kept.slice(at, at + members.length);
  if (changes.length < 2 || changes.length !== members.length || changes.some((c) => c.group)) return undefined;
  const first = changes[0] as Working;
  if (!attachable(members[0] as Working, first.figure, gap, text)) return undefined;
  for (let n = 1; n < changes.length; n++) {
    const between = text.slice((changes[n - 1] as Working).figure.end, (changes[n] as Working).figure.start);
    if (
      !/^[、和及与]$/.test(between) ||
      (changes[n] as Working).figure.verb !== undefined ||
      (changes[n] as Working).figure.unit?.base !== first.figure.unit?.base
    )
      return undefined;
  }
  return changes;
}

/**
 * The amounts a subjectless 分别 list of changes refers to: as many statements right before it in
 * its sentence, the last just before the comma, none with a change yet. Undefined otherwise.
 */
function amountsBefore(structure: Structure, statements: readonly Working[], item: Working, gap: string): Working[] | undefined {
  const group = item.group as Group;
  const { members } = group;
  const subject = structure.text.slice(group.subjectStart, group.subjectEnd).replace(LIST_OPENERS, '');
  if (item !== members[0] || subject !== '' || !/^,(?:分别)?$/.test(gap) || members.some((m) => m.figure.kind !== 'growth')) return undefined;
  const amounts = statements.slice(-members.length);
  const sentence = structure.sentenceStart(item.figure.start);
  // The amounts may be a 分别 list of their own, whole (`A和B分别达到1.35亿人次、453.8万吨，分别增长8.3%、7.9%`).
  const listed = amounts[0]?.group;
  const ownList = (a: Working) => !a.group || (a.group === listed && listed.members.length === members.length);
  const fits = (a: Working) => (a.figure.kind === 'level' || a.figure.kind === 'count') && !a.change && ownList(a) && a.figure.start >= sentence;
  return amounts.length === members.length && amounts.every(fits) ? amounts : undefined;
}

/** Between a change and the level it brought, when the level has no subject of its own: `，总额突破`, `、达到`. */
const LEVEL_AFTER_CHANGE_GAP = /^[、,](?:其)?(?:总额|总量|总值|总数|规模|总规模)?(?:首次|稳步)?$/;
const LEVEL_VERBS = /^(?:达到?|突破|超过?|迈上|跨过|跨越|增至|提高到|提升至|提升到)$/;

/** A level stated right after the change that brought it, with no subject between: `止跌提升3.5%、达到20.6厘米`. */
function levelAfterChange(previous: Working, figure: Figure, gap: string): boolean {
  return (
    previous.figure.kind === 'growth' &&
    previous.figure.verbKind === 'change' &&
    !previous.group &&
    !previous.change &&
    !previous.rank &&
    !previous.comparison &&
    (figure.kind === 'level' || figure.kind === 'count') &&
    figure.verb !== undefined &&
    LEVEL_VERBS.test(figure.verb) &&
    LEVEL_AFTER_CHANGE_GAP.test(gap)
  );
}

/**
 * `、高于全国平均水平18.3个百分点` right after a figure (`达到95%`, `增长7.6%`): the gap to a reference
 * belongs to that statement; it is neither a change nor a statement of its own.
 */
function comparesTo(previous: Working, figure: Figure, gap: string): boolean {
  return (
    figure.kind === 'growth' &&
    figure.verb !== undefined &&
    COMPARISON_VERBS.has(figure.verb) &&
    !previous.comparison &&
    /^[、,]$/.test(gap) &&
    previous.figure.kind !== 'rank' &&
    // `比例达到66.25%，近3年提升21个百分点，超过全国平均水平0.28个百分点`: after a change in points, the share is compared.
    previous.figure.unit?.base !== 'points'
  );
}

/** The members of the list before a list of as many gaps to one reference (`，分别高于全国0.3个、0.5个百分点`), in order. */
function comparisonList(previous: Working, item: Working, gap: string): Working[] | undefined {
  const [before, after] = [previous.group?.members, item.group?.members];
  if (!before || !after || before.length !== after.length || !/^[、,](?:分别|均)?$/.test(gap)) return undefined;
  const gaps = after.every((member) => member.figure.kind === 'growth' && member.figure.unit?.base === 'points' && member.figure.reference !== undefined);
  return gaps && before.every((member) => !member.comparison && member.figure.unit?.base !== 'points') ? before : undefined;
}

/**
 * Figures after 分别 in one clause share its subject list, verb and qualifier. So do figures listed
 * with no verb of their own after a list of as many subjects, 分别 left unsaid: `城乡居民人均收入年均增长
 * 5.3％、7.7％`, `每千人床位数、执业（助理）医师数增至7.83张、3.57个`.
 */
function formGroups(structure: Structure, items: Working[]): void {
  const { text } = structure;
  for (let i = 0; i < items.length; i++) {
    const first = items[i] as Working;
    if (first.group) continue;
    const clauseStart = structure.clauseStart(first.figure.start);
    const found = text.slice(clauseStart, first.figure.start).lastIndexOf('分别');
    const members = [first];
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j] as Working;
      const gap = text.slice((members[members.length - 1] as Working).figure.end, next.figure.start);
      if (!SEPARATOR.test(gap) || gap === ',' || (found < 0 && (gap === '' || next.figure.verb !== undefined))) break;
      members.push(next);
    }
    if (members.length < 2) continue;
    const marker = found >= 0 ? clauseStart + found : first.figure.start;
    if (found < 0 && !listParts(text.slice(clauseStart, marker).replace(LIST_OPENERS, ''), members.length)) continue;
    // `一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九`: a 分别 of ranks with no subjects of its own,
    // right after a list of as many, pairs its figures with that list's subjects.
    const previous = i > 0 ? (items[i - 1] as Working).group : undefined;
    // (Ranks only: changes after a list of amounts are the amounts' own, attached to them.)
    const again =
      found >= 0 &&
      first.figure.kind === 'rank' &&
      previous !== undefined &&
      previous.members.length === members.length &&
      /^[,，]?$/.test(text.slice(previous.end, clauseStart).trim()) &&
      !/[\u4e00-\u9fff]/.test(text.slice(clauseStart, marker).replace(LIST_OPENERS, ''));
    const subjects = again ? { subjectStart: previous.subjectStart, subjectEnd: previous.subjectEnd } : { subjectStart: clauseStart, subjectEnd: marker };
    const group: Group = { ...subjects, members, end: (members[members.length - 1] as Working).figure.end };
    // `分别增长5%、6.5%左右`: 左右 at the list's end makes every figure of it approximate (以上 bounds only its own).
    const closing = (members[members.length - 1] as Working).figure.qualifier === 'about' && text.startsWith('左右', group.end - 2);
    for (const member of members) {
      member.group = group;
      member.figure = inherit(member.figure, first.figure);
      if (closing && member.figure.qualifier === 'exact') member.figure = { ...member.figure, qualifier: 'about' };
    }
    i += members.length - 1;
  }
}

/** `分别增长8.1%、10.1%`: the second figure grows too; `分别超5.8万亿元、6万亿元`: both are "more than". */
function inherit(figure: Figure, first: Figure): Figure {
  if (figure === first || figure.verb !== undefined) return figure;
  const changeUnit = figure.unit?.base === 'percent' || figure.unit?.base === 'points' || figure.unit?.base === 'times';
  return {
    ...figure,
    kind: first.kind === 'growth' && changeUnit ? 'growth' : figure.kind,
    sign: first.sign,
    qualifier: figure.qualifier === 'exact' ? first.qualifier : figure.qualifier,
    // `分别快于全国3.4个、1个百分点`: each gap is to the reference written before the first.
    ...(first.reference !== undefined && figure.reference === undefined && { reference: first.reference }),
    ...(first.verbQualified && figure.qualifier === 'exact' && { verbQualified: true as const }),
  };
}

function singleStatement(structure: Structure, item: Working, next: Working | undefined, index: MetricIndex): Statement {
  const { text } = structure;
  const { figure } = item;
  // A level stated after its change (`增长8.4%，总额突破8000亿元`) is named by the words before the change.
  const lead = item.change && item.change.start < figure.start ? item.change.start : figure.start;
  const after = Math.min(structure.clauseEnd(figure.end), next ? next.figure.start : text.length);
  const reach = { from: item.from, after, sentenceStart: structure.sentenceStart(item.from), paragraphStart: paragraphStart(structure, figure.start) };
  const named = lead === figure.start ? figure : { ...figure, start: lead };
  const metric =
    (item.total ? resolveMetric(index, text, named, reach, (m) => !INCREMENT.test(m.phrase)) : undefined) ?? resolveMetric(index, text, named, reach);
  let end = Math.max(item.rank?.end ?? 0, item.change?.end ?? 0, item.comparison?.end ?? 0, figure.end, metric?.end ?? 0);
  const start = metric ? Math.min(metric.start, lead) : subjectStart(text, item.from, lead);
  let subject = text.slice(start, lead);
  if (!metric && subject.replace(/[^\u4e00-\u9fff]/g, '').length < 3) {
    // Nothing (or only a verb: 完成, 新增) before it: what it counts is written after it (45个“园中园”), never past
    // a list mark (`新增120万户、其中外资企业1200家`: the next item's words).
    const listMark = text.slice(figure.end, after).search(/[、,;]/);
    end = Math.max(end, Math.min(after, figure.end + MAX_UNMATCHED_SUBJECT, listMark < 0 ? after : figure.end + listMark));
    subject = `${subject}…${text.slice(figure.end, end)}`;
  }
  return {
    figure,
    ...(item.change && { change: item.change }),
    ...(item.rank && { rank: item.rank }),
    ...(item.comparison && { comparison: item.comparison }),
    ...(metric && { metric }),
    start,
    end,
    subject,
    naming: { before: text.slice(item.from, lead), after: text.slice(figure.end, after) },
  };
}

function groupStatement(structure: Structure, item: Working, index: MetricIndex): Statement {
  const { text } = structure;
  const group = item.group as Group;
  const position = group.members.indexOf(item);
  const subject = text.slice(group.subjectStart, group.subjectEnd).replace(LIST_OPENERS, '');
  const subjectStart = group.subjectEnd - subject.length;
  const written = listParts(subject, group.members.length);
  // `每千人托位、养老床位数`: the head of population opening the list is every part's (beds per 1,000 people, not beds).
  const head = written ? LIST_HEAD_OF_POPULATION.exec(written[0] as string)?.[0] : undefined;
  const parts = head ? written!.map((part) => (PER_CAPITA.test(part) ? part : `${head}${part}`)) : written;
  const base = {
    figure: item.figure,
    ...(item.change && { change: item.change }),
    ...(item.rank && { rank: item.rank }),
    ...(item.comparison && { comparison: item.comparison }),
    start: subjectStart,
    end: Math.max(group.end, item.rank?.end ?? 0, item.change?.end ?? 0, item.comparison?.end ?? 0),
    subject,
    naming: { before: parts ? partName(parts, position) : subject, after: '' },
  };
  if (!parts) return { ...base, problem: `分别 lists ${subject.split('、').length} subject(s) for ${group.members.length} figures` };
  // A rate per head is another concept than the stock it is a rate of: its metric names the head too.
  const accept = (m: MetricPhrase) => compatible(m.measure, item.figure) && (!head || PER_CAPITA.test(m.phrase));
  // A part written in the text (not expanded from a compound) may be elided: 资产总额 of 市属国企.
  const partAt = !head && subject.split('、').length === parts.length ? partOffset(subject, parts, position) : -1;
  const reach = { sentenceStart: structure.sentenceStart(subjectStart), paragraphStart: paragraphStart(structure, subjectStart) };
  const found =
    partMetric(index, parts, position, accept) ??
    (partAt >= 0 ? elided(index, text, subjectStart + partAt, subjectStart + partAt + (parts[position] as string).length, reach, accept) : undefined);
  return found ? { ...base, metric: { ...found, start: subjectStart, end: subjectStart + subject.length } } : base;
}

/** Words after a name that measure something else of it: a rate per head, spending, a price. */
const OWN_MEASURE_AFTER = /^[\u4e00-\u9fff]{0,2}(?:人均|户均|花费|消费|支出|价格|单价)/;

/** Words before a name in a list part that do not narrow it: scope, time, and who holds it anyway (游客 of 旅游总花费, 本外币 of loans). */
const NOT_NARROWING =
  /^(?:全省|全市|全区|全国|全社会|全年|当年|其中|规模以上|规上|限额以上|限上|游客|(?:银行|金融)(?:业)?机构|(?:(?:银行|金融)(?:业)?机构)?本外币)$/;

/** A head of population a list's first part opens with: `每千人`托位. */
const LIST_HEAD_OF_POPULATION = new RegExp(`^${PER_POPULATION}`);

/** The list before 分别, one part per figure: split at 、 (and 和/及/与 when that is not enough), or a compound (存贷款). */
export function listParts(written: string, count: number): string[] | undefined {
  // `一、二、三产业增加值`, `一二三产增加值`: the three sectors by their ordinals.
  const subject = count === 3 ? written.replace(SECTOR_ORDINALS, '第一产业、第二产业、第三产业') : written;
  let parts = subject.split('、');
  if (parts.length < count) parts = subject.split(/[、和及与]/);
  if (parts.length === 1 && count === 2) {
    const compound = COMPOUNDS.find(([word]) => subject.includes(word));
    if (compound) parts = compound[1].map((word) => subject.replace(compound[0], word));
  }
  return parts.length === count && parts.every((p) => p.length > 0) ? parts : undefined;
}

/**
 * A listed part's own name, with the words the list shares at its end: `食品、石化、信息等产业增加值`
 * gives 食品产业增加值 and 信息产业增加值; `交通、水利投资` gives 交通投资 (the last part past the first's length).
 */
export function partName(parts: readonly string[], position: number): string {
  const last = parts[parts.length - 1] as string;
  const etc = last.indexOf('等');
  const shared = etc > 0 ? undefined : sharedMeasure(parts);
  const tail = etc > 0 ? last.slice(etc + 1) : (shared ?? listTail(parts));
  if (position === parts.length - 1) return etc > 0 ? last.slice(0, etc) + tail : last;
  const part = parts[position] as string;
  if (shared) return part + shared;
  return tail.length >= 2 && part.length <= (parts[0] as string).length + 1 && !part.endsWith(tail) ? part + tail : part;
}

/**
 * What the last part adds after the words it shares with the first (`工业技改投资、制造业技改投资增速`: 增速, after
 * 技改投资), else what it has beyond the first part's length (`城镇、农村居民人均可支配收入`: 居民人均可支配收入).
 */
function listTail(parts: readonly string[]): string {
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  for (let k = first.length; k >= 2; k--) {
    const at = last.lastIndexOf(first.slice(-k));
    if (at >= 0) return last.slice(at + k);
  }
  return last.slice(first.length);
}

/**
 * The measure a list's last part ends with, when what stands before it is a short noun like the other parts:
 * `苹果、猕猴桃产量` shares 产量, `限额以上通讯器材、家用电器、新能源汽车零售额` 零售额. Undefined when the last part's
 * own words are long (`城镇、农村居民人均可支配收入` shares 居民人均可支配收入, read by the parts' lengths).
 */
function sharedMeasure(parts: readonly string[]): string | undefined {
  const last = parts[parts.length - 1] as string;
  // The words of the predicate the subject runs into (`产量`稳定在全国) go with the measure.
  const core = last.replace(PREDICATE_TAIL, '');
  const measure = MEASURE_TAIL.exec(core)?.[0];
  if (!measure) return undefined;
  const own = core.length - measure.length;
  return own >= 2 && own <= MAX_LISTED_NOUN && parts.slice(0, -1).every((part) => !MEASURED.test(part)) ? last.slice(own) : undefined;
}
const PREDICATE_TAIL = /(?:稳定在|保持在|保持|稳定|达到|达|占|位居|居|分别|均|全国|全省|全球)+$/;
/** What a listed noun is measured by, at the end of a name, with the class word the list shares (`行业增加值`, `先进产能占比`). */
const MEASURE_TAIL = new RegExp(`(?:行业|产业|先进产能|建成区|市场|领域)?${MEASURE_WORDS}$`);
/** A part that names its own measure (`进口货值`、…): the list shares none. */
const MEASURED = /(?:[值额量率数]|比重|占比|投资|收入|支出|出口|进口|规模|面积)$/;
const MAX_LISTED_NOUN = 6;

/** A part's metric: the part itself, or with the list's shared head (from the first part) and tail (from the last). */
function partMetric(index: MetricIndex, parts: readonly string[], position: number, accept: (m: MetricPhrase) => boolean): MetricMatch | undefined {
  const part = parts[position] as string;
  const first = parts[0] as string;
  const last = parts[parts.length - 1] as string;
  // The part's own words, which the phrase must cover: for the last part, without the tail the list shares.
  const own = position === parts.length - 1 ? ownLength(parts) : part.length;
  for (let extension = 0; extension <= MAX_EXTENSION; extension++) {
    for (let head = 0; head <= extension; head++) {
      const tail = extension - head;
      if ((head > 0 && (position === 0 || head >= first.length)) || (tail > 0 && (position === parts.length - 1 || tail >= last.length))) continue;
      const candidate = (head > 0 ? first.slice(0, head) : '') + part + (tail > 0 ? last.slice(-tail) : '');
      const from = head;
      const to = head + own;
      // The phrase must cover the part's own words, not only the borrowed ones.
      const found = index.lastIn(candidate, 0, candidate.length, (m) => accept(m) && coversPart(candidate, m.phrase, from, to));
      // `接待游客人次、…、游客人均花费`: a phrase the part goes on from with a measure of its own (人均花费) is not the part's.
      if (found && OWN_MEASURE_AFTER.test(candidate.slice(found.end))) continue;
      // `工业技改投资、制造业技改投资`: a phrase after words of the part's own (制造业) names a wider concept than the part.
      const ownBefore = found ? candidate.slice(from, found.start) : '';
      if (position > 0 && /^[\u4e00-\u9fff]{2,}$/.test(ownBefore) && !NOT_NARROWING.test(ownBefore)) continue;
      if (found) return { metric: found.metric, start: 0, end: 0, how: 'elided' };
    }
  }
  return undefined;
}

/**
 * How much of a list's last part is its own, not the tail the list shares (`对中亚五国、东盟进出口`: 东盟): its metric must
 * name those words, never the shared tail alone (东盟's trade is not all trade).
 */
function ownLength(parts: readonly string[]): number {
  const last = parts[parts.length - 1] as string;
  const tail = sharedMeasure(parts) ?? listTail(parts);
  const own = last.length - tail.length;
  return tail.length >= 2 && own >= 2 ? own : last.length;
}

function coversPart(candidate: string, phrase: string, from: number, to: number): boolean {
  for (let at = candidate.indexOf(phrase); at >= 0; at = candidate.indexOf(phrase, at + 1)) {
    if (at <= to - 2 && at + phrase.length >= Math.min(to, from + 2)) return true;
  }
  return false;
}

function partOffset(subject: string, parts: readonly string[], position: number): number {
  let at = 0;
  for (let i = 0; i < position; i++) at += (parts[i] as string).length + 1;
  return subject.startsWith(parts[position] as string, at) ? at : -1;
}

function paragraphStart(structure: Structure, at: number): number {
  return structure.paragraphs[structure.paragraphIndex(at)]?.start ?? 0;
}

/** Where an unmatched figure's quote starts: a few words of its subject. */
function subjectStart(text: string, from: number, figureStart: number): number {
  let start = Math.max(from, figureStart - MAX_UNMATCHED_SUBJECT);
  // Never inside a number or a Latin word (`2025年全省…`, not `025年全省…`), nor between 第 and its number (`第9届`).
  while (start > from && /[\dA-Za-z.]/.test(text[start - 1] as string) && /[\dA-Za-z.]/.test(text[start] as string)) start--;
  if (start > from && text[start - 1] === '第' && /\d/.test(text[start] as string)) start--;
  while (start < figureStart && /[、,和及与]/.test(text[start] as string)) start++;
  return start;
}
