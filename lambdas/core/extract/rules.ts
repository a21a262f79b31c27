/**
 * The extractor's word tables: what Chinese reports write around figures. Qualifier and change
 * words shared with `parseChinese` come from there; these are the extra words running text needs.
 */
import type { IndicatorKind } from '../model/schema';
import { CHANGE_VERBS, MORE_THAN_INFIXES, NOT_QUALIFIERS, QUALIFIER_PREFIXES, QUALIFIER_SUFFIXES } from '../quantity/parseChinese';
import type { Qualifier } from '../quantity/types';
import { FRACTION_BASES, type Unit } from '../quantity/unit';

export type Measured = Exclude<IndicatorKind, 'target'>;

/** Verbs of crossing a threshold. */
const CROSSING_VERBS = ['跨过', '跨上', '跨越', '迈上', '跃上', '站上'] as const;
/** `迈上4个万亿元台阶`: after a crossing verb, a count of the steps crossed, which the verb does not bound. */
export function countsStepsCrossed(verb: string | undefined, unit: Unit | undefined, after: string): boolean {
  return (CROSSING_VERBS as readonly string[]).includes(verb ?? '') && unit?.base === 'item' && /^[^,;，；。、]{0,8}(?:台阶|大关|关口)/.test(after);
}

/** Qualifiers written before a figure: the shared ones plus longer forms that must win (不超过 is not 超过). */
export const PREFIX_QUALIFIERS: ReadonlyArray<readonly [string, Qualifier]> = byLength([
  // `达` is `达到` ("reached"); `增至`, `提高到` only state the figure (README, "Decisions of December 2026").
  ...QUALIFIER_PREFIXES,
  ['大于等于', 'at_least'],
  ['不超过', 'under'],
  ['不高于', 'under'],
  ['高于', 'over'],
  ['多于', 'over'],
  // A threshold crossed (`迈上4000亿元台阶`, `跨越5000亿元大关`) is more than it; not a count of steps (`countsStepsCrossed`).
  ...CROSSING_VERBS.map((verb) => [verb, 'over'] as const),
]);

/** Qualifiers written after a figure (`以上`, `左右`, ...). */
export const SUFFIX_QUALIFIERS: ReadonlyArray<readonly [string, Qualifier]> = byLength([...QUALIFIER_SUFFIXES]);

/** The qualifier written at `text[at]`, right after a figure; `上下` in `300家上下游企业` is a word of its own. */
export function suffixQualifierAt(text: string, at: number): readonly [string, Qualifier] | undefined {
  if (NOT_QUALIFIERS.test(text.slice(at, at + 3))) return undefined;
  return SUFFIX_QUALIFIERS.find(([word]) => text.startsWith(word, at));
}

/** Written between a figure and its multiplier: `2100多万`, `2万余名` (more than). */
export const INFIX_OVER = MORE_THAN_INFIXES;

/**
 * Words before a figure that make it a change (`增长6%`, `涨幅2%`, `下降14.5%`): the shared verbs
 * plus the nouns reports use for rates of change. Only % / 个百分点 / 倍 figures become changes.
 */
export const CHANGE_WORDS: ReadonlyArray<readonly [string, 1 | -1]> = byLength([
  ...CHANGE_VERBS,
  ['提升', 1],
  ['上涨', 1],
  ['回升', 1],
  ['下跌', -1],
  ['下滑', -1],
  ['涨幅', 1],
  ['上涨幅度', 1],
  ['增长幅度', 1],
  ['下降幅度', -1],
  ['增幅', 1],
  ['增速', 1],
  ['增长率', 1],
  ['降幅', -1],
  // Slight changes and adjustments are changes all the same: `CPI微降0.1%`, `基础养老金最低标准调增11.8%`.
  ['微增', 1],
  ['略增', 1],
  ['调增', 1],
  ['微降', -1],
  ['略降', -1],
  ['调减', -1],
  // A net increase of an amount: `较“十三五”末净增1万亿元`.
  ['净增', 1],
  // Cuts and improvements of a concentration are falls: `压减11%`, `PM2.5浓度改善10.8%`.
  ['压减', -1],
  ['削减', -1],
  ['缩减', -1],
  ['改善', -1],
]);

/**
 * A comparison with a reference before a figure in points: `高于全国0.7个百分点`, `超过全国平均水平0.28个百分点`,
 * `优于国家考核目标14.6个百分点` is a change in points (a growth), with the qualifier its verb carries.
 * `高于全国平均水平`, `优于国家考核目标`, `高于“十三五”时期`, `快于2024年`, `快于经济增速`, `比全国高`: a verb of
 * comparison and its reference.
 */
export const COMPARISON_VERBS: ReadonlySet<string> = new Set(['高于', '超过', '超出', '优于', '好于', '快于', '领先', '低于', '慢于']);
export const COMPARISON = new RegExp(
  `(?:(${[...COMPARISON_VERBS].join('|')})(?:[\\u4e00-\\u9fff“”]{0,10}?|(?:19|20)\\d\\d年)|比(?:[\\u4e00-\\u9fff“”]{1,10}?|(?:19|20)\\d\\d年)(高|快|低|慢))$`,
);

/** Nouns for a rate of change that end a reference (`快于经济增速1个百分点`) as often as they start a change. */
export const RATE_NOUNS: ReadonlySet<string> = new Set(['涨幅', '增幅', '增速', '增长率', '降幅']);

/** The comparison verb a `COMPARISON` match states: `比全国高` says what `高于全国` does. */
export function comparisonVerb(match: RegExpExecArray): string {
  return match[1] ?? `${match[2]}于`;
}
/** What a `COMPARISON` match compares with (`全国平均水平`, `2024年`); the national average is the national figure. */
export function comparisonReference(match: RegExpExecArray): string | undefined {
  const words = match[1] ? match[0].slice(match[1].length) : match[0].slice(1, -1);
  return words.replace(/^全国平均(?:水平)?$/, '全国') || undefined;
}
export const COMPARISON_QUALIFIER: Readonly<Record<string, Qualifier>> = { 超过: 'over', 超出: 'over', 优于: 'over' };
export const COMPARISON_FALLS = new Set(['低于', '慢于']);
/** Verbs of a gap in the direction that is better for the measure: a cost 优于全国 is below it. */
export const COMPARISON_BETTER: ReadonlySet<string> = new Set(['优于', '好于']);

/**
 * The noun a 家 counts decides its unit: labs, centres, platforms, bases and hospitals are
 * institutions, shops are stores, anything else a company (融资平台, local financing vehicles, are companies). Read from the noun right after the
 * figure (`44家全国重点实验室`), else the subject before it (`省级企业技术中心45家`).
 */
export const INSTITUTION_NOUNS = /(?:实验室|分中心|中心|平台|基地|医院|卫生院|机构|研究院|研究所|院所|孵化器|加速器|学校|高校|院校|幼儿园|养老院|站)/g;
export const STORE_NOUNS = /(?:首店|商店|门店|专卖店|便利店|店)/g;
export const COMPANY_NOUNS = /(?:企业|公司|工厂|厂|单位|经营主体|商户|银行|机构投资者|融资平台)/g;

/**
 * The noun a 人次 counts decides its unit, as the editors keep it: passengers carried are passenger trips (`旅客吞吐量`,
 * `客运量`), people a programme reached are person-times (`职业技能培训`, `转移就业`, `惠及`), visitors are visits (`接待游客`,
 * `场馆开放`, the default). Read like 家, but across a list mark: the subject of a 人次 is often a clause before it.
 */
export const PASSENGER_NOUNS = /(?:旅客|乘客|客运|客流|吞吐量)/g;
export const PERSON_TIME_NOUNS = /(?:培训|转移就业|就业|务工|惠及|救助|帮扶|服务|诊疗|慰问)/g;
export const VISITOR_NOUNS = /(?:游客|观众|参观|游览|开放|接待)/g;

/**
 * Verbs that state a level, not a change: `增至4408家`, `提高至95.9%`, `下降到0.7吨标煤/万元`.
 * They win over the change verbs they start with (longest match). `达到`/`控制在` are qualifiers.
 */
export const LEVEL_VERBS: readonly string[] = byLength(
  [
    '增至',
    '增加到',
    '增加至',
    '增长到',
    '增长至',
    '提高到',
    '提高至',
    '提升到',
    '提升至',
    '上升到',
    '上升至',
    '下降到',
    '下降至',
    '降至',
    '降到',
    '降低到',
    '降低至',
    '扩大至',
    '扩大到',
    '缩小至',
    '缩小到',
    '拓展至',
    '发展到',
    '稳定在',
    '保持在',
    '压缩至',
    '压缩到',
    '缩短至',
    '缩短到',
    '减少到',
    '减少至',
    '倍增至',
  ].map((w) => [w, 0] as const),
).map(([w]) => w);

/** Verbs that state a total: after an increment (`新增2个、达到14个`) the increment is not a statement. */
export const TOTAL_VERBS: readonly string[] = ['达到', '达', '增至', '总数达', '累计达', '总数增至', '提升至', '提高至'];

/** Words a rank figure (`第4位`) follows: `居副省级城市第4位`, `排名全国第1位`. */
export const RANK_VERBS: readonly string[] = ['位居', '位列', '排名', '排在', '排第', '居', '保持', '升至', '跃升至', '跃上', '列'];
/**
 * The top share of a ranking (`ESI全球排名前1%`, `进入全国前10%`): a class, mostly in a name, never a share of
 * anything. Only after a word of ranking: `由此前5.5%降至5.2%` is a figure.
 */
const RANKING_WORD = '(?:排名|排位|全国|全球|全省|世界|进入|跻身|位居|位列|居)';
export const TOP_SHARE = new RegExp(`${RANKING_WORD}前\\d+(?:\\.\\d+)?[%‰]`, 'g');
/** Right before the number of a top share: `…全国前`. */
export const BEFORE_TOP_SHARE = new RegExp(`${RANKING_WORD}前$`);
/** A peer group written right before 第 stands for the verb in a streak: `连续11年全国第一`. */
export const RANK_PEERS_ALONE = /(?:连续\d+年|连年|多年)(全国|全球|全省|世界)$/;
/**
 * What may stand between a rank verb and the peer group: `排名提升17位至第92位`; an earlier rank of the same verb
 * before another group (`居全国首位、中部第1位`: the group is 中部); the earlier ranks of a list (`分别居全国第5、第6位`).
 */
export const RANK_FILLER =
  /^.*(?:第[\d一二三四五六七八九十]+[位名]?|首位|前列)、(?=.)|^(?:从第\d+[位名])?(?:提升|上升|提高|跃升|前移|下降)?(?:\d+位)?(?:至|到)?|(?:第\d+[位名]?、)+$/g;

/** Words that end a clause: a figure's subject never reaches back past them. */
export const CLAUSE_END = new Set([',', ';', ':', '。', '!', '?', '\n', '…']);
/** Words that end a sentence: target cues (力争, 到2025年) reach to the end of theirs. */
export const SENTENCE_END = new Set(['。', '!', '?', '\n']);

/** Before a figure: a streak, not a quantity (`连续3年`, `连续12届`). Ordinals (`第12届`) are read as ranks or dropped. */
export const STREAK_PREFIXES = ['连续'];
/** After 条: a policy named by its number of articles (`优化营商环境70条措施`), not a count. */
export const POLICY_NOUNS = ['措施', '政策', '举措', '意见', '规定', '条例', '细则'];

/** After 个: the size of an enumerated set of tasks (`重点做好9个方面工作`), not a count. */
export const SET_NOUNS = ['方面'];

/** Unit bases whose figures are counts of things; every other base is a level. */
export function measuredKind(base: string | undefined, untypedKind?: Measured): Measured {
  if (base === undefined) return untypedKind ?? 'level';
  if (base === 'ordinal') return 'rank';
  if (base === 'ratio') return 'ratio';
  // 人口出生率6.39‰: a rate per thousand; 占全国1/3: a fraction of a whole.
  if (PROPORTIONS.has(base) || FRACTION_BASES.has(base) || base === 'permille') return 'share';
  if (COUNT_BASES.has(base) || base.startsWith('item')) return 'count';
  return 'level';
}

/** Units of a proportion of a whole: a share, or with a verb of change a growth (`增长8%`, `增长三成`). */
const PROPORTIONS = new Set(['percent', 'tenth']);
/** Units a change is stated in: a verb of change makes the figure a growth; without one, only proportions are shares. */
const CHANGE_UNITS = new Set([...PROPORTIONS, 'points', 'times']);

/**
 * A unit no attribute, code or set phrase is written with: a unit of change, or one with 万/亿 before it. Ranges with a
 * hyphen (`0-3岁`, `3-5号线`) and figures in Chinese numerals (`五个一`, `三大行动`) are figures only in such a unit.
 */
export function statesAMeasure(unit: Unit | undefined): boolean {
  // Tenths are not among them: `一成不变` is an idiom, and 成 in words is read on its own terms (scan.ts).
  return unit !== undefined && ((CHANGE_UNITS.has(unit.base) && unit.base !== 'tenth') || unit.scale >= 4);
}

/** The kind of a figure read with this unit and the verb before it. */
export function figureKind(unit: Unit | undefined, verbKind: string | undefined, untypedKind?: Measured): Measured {
  const isChangeUnit = unit !== undefined && unit.scale === 0 && CHANGE_UNITS.has(unit.base);
  if (isChangeUnit && verbKind === 'change') return 'growth';
  if (isChangeUnit && !PROPORTIONS.has(unit.base)) return 'level';
  return measuredKind(unit?.base, untypedKind);
}

const COUNT_BASES = new Set([
  'person',
  'company',
  'institution',
  'store',
  'event',
  'train',
  'vehicle',
  'dwelling',
  'head',
  'day',
  'bed',
  'batch',
  'flight',
  'student',
  'volunteer',
  'teacher',
  'infant',
  'disabled_person',
]);

/**
 * Units a figure is only a statement with when it is the predicate (`提高到81.13岁`, not `60岁以上老年人`;
 * `待泊时间减少8.9小时`, not `1小时通勤圈` or `15分钟健身圈`).
 */
/** Hours and minutes must also end their clause: before a noun they name a radius of time (`15分钟健身圈`). */
export const CLOCK_BASES: ReadonlySet<string> = new Set(['hour', 'minute']);
export const PREDICATE_ONLY_BASES: ReadonlySet<string> = new Set(['year', 'age_year', ...CLOCK_BASES]);

/** Target cues. */
export const TARGET_WORDS = {
  /** A sentence from this word on states targets: `力争工业投资增长6.5%`. */
  sentence: ['力争', '确保'],
  /** A paragraph from this word on states targets: `青白江区提出要…`. */
  paragraph: ['提出要', '目标是', '预期目标'],
  /**
   * Qualifiers that are target language: a sentence with such a figure states targets (`新增就业1万人以上`).
   * Not 控制在…以内: results are reported that way too (`失业率控制在5.2%以内`).
   */
  qualifiers: new Set<Qualifier>(['at_least']),
};

function byLength<T extends readonly [string, unknown]>(pairs: T[]): T[] {
  return pairs.sort((a, b) => b[0].length - a[0].length);
}

/** What a change is measured against, written between an amount and its change (`，同比下降4.3%`, `，同口径增长4.5%`). */
export const CHANGE_BASIS = '(?:同比|同口径|比上年末?|较上年末?|比上年同期|较上年同期|[较比]“?十[一二三四五六七八九]?五”?末期?)';

/** The measures a name ends with (`…产量`, `…零售额`, `…播种面积`), longest first where one ends another. */
export const MEASURE_WORDS =
  '(?:零售额|销售额|营业收入|进出口额|进出口|出口额|进口额|出口|进口|增加值|综合产值|总产值|产值|总产量|产量|销量|产能|投资|收入|支出|营收|总额|数量|播种面积|种植面积|面积|规模|占比|比重|装机|利润|税收)';

/** When a starting figure was: `从2020年的5.2万元`, `从上半年5.5%`, `由年初的`. */
export const START_TIME = '(?:(?:19|20)\\d\\d年(?:底|末|初)?|上半年|年初|上年末?|去年|一季度|前三季度)的?';

/** A head of population a rate is counted per: `每10万人`, `每千人口`, `每万户` (a count per head is a rate, not the count). */
export const PER_POPULATION = '每(?:\\d+|[一二三四五六七八九十])?[十百千万]?(?:人口|人|户)';

/** A threshold inside the name of a class (`经济总量超200亿元县`, `营收超百亿元企业`): an amount crossed, not a figure. */
export const CLASS_THRESHOLD = '(?:超过?|突破)(?:\\d+(?:\\.\\d+)?)?[百千万亿]*元';

/** A technical specification in a name (`220千伏及以上输电线路`, `30万吨级航道`): words of the name, not a figure. */
export const SPECIFICATION = '\\d+(?:\\.\\d+)?(?:千伏|万千瓦级|万吨级|吨级|万伏)(?:及以上|以上)?(?:和\\d+(?:千伏|万千瓦级|万吨级))?';

/** What 生产 before a noun does not make: 生产总值 and 生产能力 are measures, 生产线 and 生产基地 things. */
export const NOT_A_PRODUCT = '(?!总值|线|能力|性|基地|经营|要素|资料)';

/**
 * Words of a rate per head of population or per household, anywhere in a name: `每千人口`, `千人口`, `每百户`, `每10万人`,
 * `每千名老年人`, `万人…拥有量` (每 left unsaid).
 */
export const PER_CAPITA = /每[\d一二三四五六七八九十]*[十百千万]?(?:人|户|名)|[千万]人口|(?:^|[^\d.])万人[\u4e00-\u9fff]{0,12}拥有量/;

/** A rate per head or per period before a starting figure: `从每人每月209元`, `从每户800元`. */
export const PER_HEAD = '(?:平均)?(?:每[人户生]?每?[月年]|每[人户生])';

/** The verb of a merger, up to the word before what it becomes: `整合为`, `优化整合至`, `重组整合为`, `整合优化为`. */
export const MERGER_VERB = '(?:重组|优化)?(?:整合|合并|归并|压减|精简)(?:优化|提升)?(?:为|至|到|成)';

/** Verbs that make a count an increment (新增…, 新建…), not the stock a total states. */
const INCREMENT_VERBS = '(?:新增|新建|新引进|新开通|新开工|新认定|新培育|新推出)';
/** A metric name of an increment. */
export const INCREMENT = new RegExp(`^${INCREMENT_VERBS}`);
/** A name of new ones, the verb anywhere in it (`普通高中新增学位`, `净增经营主体`). */
export const NAMES_NEW_ONES = new RegExp(`${INCREMENT_VERBS}|净增`);
/** The increment verb that ends the words before a stock's name (`新建`10家省级概念验证中心, `新增国家级`农业产业园区1个). */
export const INCREMENT_BEFORE = new RegExp(`(${INCREMENT_VERBS})(?:首批)?((?:国家|省|市)级)?$`);
/** The head of a list of counts: an increment verb before its first figure (`新建10家省级概念验证中心、`). */
export const INCREMENT_HEAD = new RegExp(`^(${INCREMENT_VERBS})(?:首批)?[^、\\d]{0,16}[\\d.]`);
/** Where a list of counts goes on to its next item: a list mark, or a word joining the next figure (`30家…和10家…`). */
export const LIST_ITEM_MARK = /、|[和及与](?=[\d.])/;
/** Whether the word just before `end` joins what ends there to a figure that follows (`30家标杆孵化器和`10家). */
export function joinsNextFigure(text: string, end: number): boolean {
  return /[和及与]/.test(text[end - 1] ?? '') && /[\d.]/.test(text[end] ?? '');
}
/** A list item that only states its figure (`30家标杆孵化器`, `高新技术企业3200家`, `旅游花费1.27万亿元`): no verb, total or share of its own. */
const PLAIN_ITEM = /^(?!.*(?:达|超|突破|累计|总|共|占|增|降|提|完成|实现|其中|建|开|获|入选|认定|培育|引进))[^\d、]{0,16}[\d.]+[^\d、]{1,12}$/;
/**
 * The first item of the list a clause ends with (`新增A 3个、B 2个`, `累计接待游客…、旅游花费…`) when every item after it
 * states only its figure, so that what heads the first governs them all; undefined for no such list.
 */
export function listHead(clause: string): string | undefined {
  const items = clause.split(LIST_ITEM_MARK);
  return items.length >= 2 && items.slice(1).every((item) => PLAIN_ITEM.test(item)) ? items[0] : undefined;
}
