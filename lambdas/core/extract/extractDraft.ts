/**
 * A Chinese report's text → a draft briefing an editor reviews: every quantitative statement the
 * rules recognise, as an indicator when its metric (and unit, and peer group) is in the glossary,
 * otherwise listed in `unmatched[]` with the reason. Pure: no file system, no network.
 */
import type { Localisation } from '../i18n/localisation';
import type { BriefingInput, IndicatorInput, Period } from '../model/schema';
import { type ChineseVocabulary, chineseVocabulary } from '../quantity/parseChinese';
import { decimal } from '../quantity/decimal';
import { type Change, QUALIFIERS } from '../quantity/types';
import { parseUnitKey } from '../quantity/unit';
import { MetricIndex, type MetricPhrase, compatible, normalise } from './metrics';
import { buildStatements, namesWhatFollows, type Statement } from './pairing';
import { Periods, reportTime } from './periods';
import { LEADING, MetricProposer, type ProposedMetric, nameOf, stockOf } from './propose';
import { type RegionReading, detectRegion } from './region';
import {
  CHANGE_BASIS,
  CHANGE_WORDS,
  CLASS_THRESHOLD,
  SPECIFICATION,
  COMPARISON_BETTER,
  INCREMENT,
  INCREMENT_BEFORE,
  INCREMENT_HEAD,
  NAMES_NEW_ONES,
  joinsNextFigure,
  listHead,
  MEASURE_WORDS,
  NOT_A_PRODUCT,
  PER_CAPITA,
  PER_POPULATION,
  RANK_FILLER,
  TOTAL_VERBS,
  type Measured,
} from './rules';
import { type Figure, maskNames, scanFigures, scanVocabulary } from './scan';
import { Structure } from './structure';
import { CodePoints, compactText, sourceSpan } from './text';
import { topicAt } from './topics';
import { capitalise } from '../util/text';

export interface ExtractOptions {
  readonly localisation: Localisation;
  /** Region key; detected from the text when absent. */
  readonly region?: string;
  readonly id?: string;
  /** File name recorded as `source.file`. */
  readonly sourceFile?: string;
  /** The report's year when the text does not say (default: the current year; the draft's summary says so). */
  readonly fallbackYear?: number;
  /** Metric aliases (metric key → Chinese phrases); defaults to `metricAliases.json`. */
  readonly aliases?: Record<string, readonly string[]>;
}

/** One quantitative statement as read, whether or not it became an indicator. */
export interface ExtractedStatement {
  readonly quote: string;
  /** Code points from the start of the source. */
  readonly offset: number;
  readonly value: number;
  /** A range's upper bound (`4.5%—5%`: value 4.5, upper 5). */
  readonly upper?: number;
  /** Glossary unit key; null when the unit word has none (`unitWord` says what was written). */
  readonly unit: string | null;
  readonly unitWord: string;
  readonly kind: IndicatorInput['kind'];
  readonly qualifier: IndicatorInput['qualifier'];
  readonly period: Period;
  readonly metric?: string;
  /** Set when `metric` is a proposed key (no glossary metric fits): the name as written and a draft English name. */
  readonly proposed?: { readonly zh: string; readonly en: string };
  /** Why it is not an indicator; absent for indicators. */
  readonly reason?: string;
}

export interface ExtractResult {
  readonly draft: BriefingInput;
  /** Statements that did not become indicators, with their reading (the draft lists quote, offset, reason). */
  readonly unmatched: readonly ExtractedStatement[];
  /** Every statement read, indicators included, in text order. */
  readonly statements: readonly ExtractedStatement[];
}

/** The text cannot become a draft (no quantitative statement in it, an invalid id). */
export class ExtractError extends Error {
  override name = 'ExtractError';
}

const TITLE_AREA = 400;
const KIND_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/五年规划|[十][一二三四五六七八九]?五”?规划|远景目标纲要/, 'five-year-plan'],
  [/政府工作报告/, 'work-report'],
  [/课题组|政研室|研究室|研究报告|分析/, 'analysis'],
];

export function extractDraft(source: string, options: ExtractOptions): ExtractResult {
  const { localisation } = options;
  const { glossary, lexicons } = localisation;
  const compact = compactText(source);
  const { text } = compact;
  const titleArea = text.slice(0, TITLE_AREA);

  const regionReading: RegionReading = options.region !== undefined ? { key: options.region } : detectRegion(localisation, text);
  const region = regionReading.key;
  if (!regionReading.proposed && !glossary.has('region', region))
    throw new ExtractError(`unknown region "${region}" (known: ${glossary.list('region').join(', ')})`);
  const kind = detectKind(localisation, titleArea, text);
  const time = reportTime(text, options.fallbackYear ?? new Date().getUTCFullYear(), kind === 'five-year-plan');
  const id = options.id ?? `${region.replace(/_/g, '-')}-${time.year}-${kind}`;
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) throw new ExtractError(`"${id}" is not a valid id (lower-case letters, digits and single hyphens)`);

  const metrics = MetricIndex.fromGlossary(localisation, options.aliases);
  const peerWords = Object.entries(lexicons.zh.namespace('peers') as Record<string, string>).map(
    ([key, word]) => [word.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)), key] as const,
  );
  const masked = maskNames(text, [...peerWords.map(([word]) => word), ...metrics.phrases.map((p) => p.phrase)]);
  const vocabulary = chineseVocabulary(lexicons.zh);
  const figures = scanFigures(text, scanVocabulary(vocabulary), masked);
  const structure = new Structure(text);
  const periods = new Periods(structure, time, figures);
  const statements = buildStatements(structure, figures, metrics);
  const proposer = new MetricProposer(localisation);
  const glossaryKeys = new Map<string, MetricPhrase>();
  for (const phrase of metrics.phrases) if (!glossaryKeys.has(phrase.phrase)) glossaryKeys.set(phrase.phrase, phrase);
  // Names of a flow that start with an increment verb and have no stock (新增城镇就业, not 新增科技型中小企业): that verb heads no list.
  const incrementNames = metrics.phrases.map((p) => p.phrase).filter((phrase) => INCREMENT.test(phrase) && !glossaryKeys.has(phrase.replace(INCREMENT, '')));

  const points = new CodePoints(source);
  const metricNames = lexicons.zh.namespace('metrics') as Record<string, string>;
  const knownTopic = (topic: string) => glossary.has('topic', topic);
  const indicators: IndicatorInput[] = [];
  const read: ExtractedStatement[] = [];
  const ids = new Map<string, number>();

  let last:
    | {
        sentence: number;
        end: number;
        metric: string;
        measured: Measured;
        proposal: ReturnType<MetricProposer['propose']>;
        subject?: MetricPhrase;
        counted?: string;
      }
    | undefined;
  let named: { sentence: number; zh: string } | undefined;
  // The metric the sentence last ranked, for a rank among another group right after (`、中部第2位`).
  let ranked: { sentence: number; zh: string } | undefined;
  for (const statement of statements) {
    const figure = bareRatio(statement.figure, statement.naming.before);
    const when = periods.at(figure);
    // A count per head of population (`每千人口托位数达4.7个`) is a rate: a level.
    // So is each figure of a list whose subjects share that head (`每千人床位数、执业（助理）医师数增至7.83张、3.57个`).
    const measured = figure.kind === 'count' && (PER_CAPITA.test(statement.naming.before) || PER_CAPITA.test(statement.subject)) ? 'level' : figure.kind;
    const { value, upper } = bounds(figure, measured === 'growth' ? figure.sign : 1);
    const peers = figure.rank ? rankPeers(peerWords, text, figure.rank) : undefined;
    // No glossary metric: propose one from the statement's own words, for the editor to accept.
    // A glossary name with words of its own before it (`能源`工业增加值, `人均`生产总值) is another concept.
    // `新增上市公司48家、总量达122家`: a bare 总量 narrows nothing; the name before it is the stock's.
    const narrowing = statement.metric && statement.metric.how === 'before' ? narrowerName(text, statement, metricNames, measured === 'count') : undefined;
    const narrowed = narrowing && !BARE_TOTAL_NAME.test(nameOf(narrowing) ?? narrowing) ? narrowing : undefined;
    const increment = !narrowed && measured === 'count' ? incrementName(text, structure, statement, metricNames, incrementNames, glossaryKeys) : undefined;
    const addedAfter = !narrowed && !increment && (measured === 'count' || measured === 'level') ? addedAfterName(text, statement, metricNames) : undefined;
    const newOnes = increment ?? addedAfter;
    const ownName = narrowed
      ? proposer.propose(narrowed)
      : newOnes
        ? proposer.named(newOnes.name)
        : !statement.metric && !statement.problem
          ? listedIncrement(
              proposer,
              producedName(
                proposer,
                classCounted(proposer, text.slice(structure.clauseStart(figure.start), figure.start), statement) ??
                  proposeFor(proposer, rankNaming(statement), text.slice(figure.end, structure.clauseEnd(figure.end)), (zh) => glossaryKeys.has(normalise(zh))),
                figure,
              ),
              measured === 'count' ? listIncrementVerb(text, structure, figure, incrementNames) : undefined,
            )
          : undefined;
    // A rank of a measured concept is its own concept (`…全国位次`); a bare measure (`总量和增速均居全国第5位`,
    // `占全国比重`) refers back to the subject the sentence just gave.
    const sentenceAt = structure.sentenceStart(figure.start);
    const earlier = named?.sentence === sentenceAt ? named.zh : openingSubject(metrics, structure, figure, metricNames);
    // `…，全省进出口总值创历史新高，达到5379亿元`: a bare total after a clause that names a metric and states no figure is its.
    const clauseSubject =
      !statement.metric && !ownName && BARE_TOTAL.test(statement.naming.before) ? previousClauseSubject(metrics, structure, figure, metricNames) : undefined;
    const earlierRanked = ranked?.sentence === sentenceAt ? ranked.zh : undefined;
    // `猕猴桃综合产值增长8.5%、出口增长53.6%`: a measure alone after a list mark is the earlier product's (猕猴桃出口),
    // not the region's glossary metric of that name, when what the sentence just named is no glossary metric.
    const measureItem = statement.metric && measured !== 'rank' && earlier && !glossaryKeys.has(normalise(earlier)) ? measureAloneItem(statement) : undefined;
    const referred =
      (measureItem ? referredName(proposer, { ...statement, metric: undefined }, measured, proposer.named(measureItem), earlier) : undefined) ??
      referredName(proposer, statement, measured, ownName, earlier, ownName && namesPeers(peerWords, ownName.zh) ? (earlierRanked ?? earlier) : undefined) ??
      (statement.metric
        ? undefined
        : (topicName(proposer, structure, ownName, figure.start) ?? subsetName(proposer, structure, ownName, figure.start, earlier))) ??
      (clauseSubject ? proposer.named(clauseSubject) : ownName);
    // A glossary name the figure cannot measure (`地区生产总值连续迈上4个`万亿元台阶): the figure counts what follows it.
    const subject = referred ? glossaryKeys.get(normalise(referred.zh)) : undefined;
    // `财政民生支出保持在70%以上`: a share of an amount the glossary names is that amount's share (…占比).
    const shareOf = subject && subject.measure === 'money' && measured === 'share' && figure.unit?.base === 'percent';
    const measuredOwn =
      subject && !compatible(subject.measure, figure)
        ? shareOf
          ? proposer.named(`${referred!.zh}占比`)
          : countedAfter(proposer, referred!.zh, figure, statement)
        : referred;
    // `13个重点园区2025年营业收入突破…`: a count is of things, never of the amount named after them (the parks).
    const counted = measured === 'count' && measuredOwn && !subject && !/占/.test(measuredOwn.zh) ? AMOUNT_END.exec(measuredOwn.zh) : null;
    const own = counted && counted.index >= 2 ? proposer.named(measuredOwn!.zh.slice(0, counted.index)) : measuredOwn;
    // `新建充电桩200个、累计达到1100座`: a bare total is the total of what the sentence just counted.
    const sentence = structure.sentenceStart(figure.start);
    const total =
      !own &&
      !statement.metric &&
      !statement.problem &&
      last?.sentence === sentence &&
      // `毛入学率提升至52%以上、进入普及化阶段，9所…高校`: a total is of the same measure as what it totals.
      totalsLike(last, figure, measured, glossaryKeys, metricNames) &&
      // `…分别增长19%，全省进出口总值创历史新高，达到5379亿元`: a name written since the last figure is the total's.
      !metrics.lastIn(text, last.end, figure.start, (m) => compatible(m.measure, figure)) &&
      !nextCountedItem(statement) &&
      BARE_TOTAL.test(statement.naming.before.replace(/^.*\d[^、,\d]*(?=[、,])/, '').replace(last.counted ?? '', ''))
        ? last
        : undefined;
    // A name the glossary already has (`地区生产总值` referred back to) is its metric, never a proposal.
    // So is a word that is a metric only as the whole subject of a growth (`经济增长5%左右`: GDP; `投资近千亿元` is a project's).
    const glossaryName = own ? (glossaryKeys.get(normalise(own.zh)) ?? (measured === 'growth' ? metrics.wholeSubject(own.zh) : undefined)) : undefined;
    // A bare total after such a count is the glossary metric the sentence named (`、达14.2万亿元`).
    const totalOf = total?.subject && compatible(total.subject.measure, figure) ? total.subject.key : undefined;
    // `新增公园127座，…，累计达到1100座`: a bare total after new ones is the stock's, not more new ones.
    const totalled = total && !totalOf ? (total.proposal?.zh ?? metricNames[total.metric]) : undefined;
    const stockName = totalled && INCREMENT.test(totalled) ? totalled.replace(INCREMENT, '') : undefined;
    const stockPhrase = stockName ? glossaryKeys.get(normalise(stockName)) : undefined;
    const stockKey = stockPhrase && compatible(stockPhrase.measure, figure) ? stockPhrase.key : undefined;
    const known = glossaryName && compatible(glossaryName.measure, figure) ? glossaryName.key : (totalOf ?? stockKey);
    const stock = !known && stockName && stockName.length >= 2 ? proposer.named(stockName) : undefined;
    const stated = known ? undefined : (own ?? stock ?? total?.proposal);
    const statedMetric = known ?? stated?.key ?? statement.metric?.metric.key ?? total?.metric;
    // `农民人均收入增加1207元`, `比上年增加3000亿元`: what a level grew by is a concept of its own, never the level.
    const grownBy = statedMetric ? amountChangeName(figure, measured, stated?.zh ?? metricNames[statedMetric]) : undefined;
    // `一产增加值增幅高于全国0.7个百分点`: a gap to a reference is a concept of its own, never a change of the metric.
    const gap = statedMetric && !grownBy ? gapName(figure, stated?.zh ?? metricNames[statedMetric]) : undefined;
    const proposal = grownBy ? proposer.named(grownBy) : gap ? proposer.named(gap) : stated;
    const metric = grownBy || gap ? proposal?.key : statedMetric;
    // `铁路运营里程新增1700公里、突破7000公里`: the total after what was added is the stock's.
    const stockOfTotal = addedAfter ? statement.metric?.metric : subject;
    if (metric)
      last = {
        sentence,
        end: statement.end,
        metric,
        measured,
        proposal,
        ...(stockOfTotal && { subject: stockOfTotal }),
        ...(subject && measuredOwn !== referred && measuredOwn && { counted: measuredOwn.zh.slice(subject.phrase.length) }),
      };
    const span = sourceSpan(
      compact,
      Math.min(statement.start, increment?.at ?? statement.start, nameStart(text, statement, proposal)),
      joinsNextFigure(text, statement.end) ? statement.end - 1 : statement.end,
    );
    const offset = points.at(span.start);
    const zhName = proposal?.zh ?? (metric ? metricNames[metric] : undefined);
    if (zhName && measured !== 'rank') named = { sentence, zh: zhName };
    if (zhName && measured === 'rank') ranked = { sentence, zh: zhName };
    // `力争工业投资增长10%`: an aim, when nothing nearer the figure qualifies it. 力争 governs its sentence up to a
    // semicolon (`力争新增规模以上企业1000家，…，工业增加值增长6.5％`). `达`/`达到` only say "reached": the aim is more.
    const qualifier =
      (figure.qualifier === 'exact' || figure.qualifier === 'reached') &&
      AIM &&
      aimed(text.slice(structure.sentenceStart(figure.start), figure.start).replace(/^.*;/, ''))
        ? AIM
        : figure.qualifier;
    const reading = {
      quote: span.quote,
      offset,
      value,
      ...(upper !== undefined && { upper }),
      unit: figure.unit?.key ?? null,
      unitWord: figure.unitWord,
      kind: when.target ? ('target' as const) : measured,
      qualifier,
      period: when.period,
      ...(metric && { metric }),
      ...(proposal && { proposed: { zh: proposal.zh, en: proposal.en } }),
    };
    // `增加1207元、增长6.1%`: the growth is the level's, not the increase's: the editor gets it apart, never attached to it.
    const change = grownBy ? undefined : statement.change;
    if (grownBy && statement.change && statedMetric) {
      const { value: rate, upper: rateUpper } = bounds(statement.change, statement.change.sign);
      const { upper: _amountUpper, proposed: _increase, ...where } = reading;
      read.push({
        ...where,
        value: rate,
        ...(rateUpper !== undefined && { upper: rateUpper }),
        unit: statement.change.unit?.key ?? null,
        unitWord: statement.change.unitWord,
        kind: when.target ? 'target' : 'growth',
        qualifier: statement.change.qualifier,
        metric: statedMetric,
        reason: `the growth of ${stated?.zh ?? metricNames[statedMetric] ?? statedMetric}, written after the amount it grew by`,
      });
    }
    const reason = whyUnmatched(statement, metric, figure, peers, measured);
    if (reason || !metric) {
      read.push({ ...reading, reason: reason ?? 'no metric' });
      continue;
    }
    const idBase = `${metric}-${reading.kind}-${typeof when.period === 'number' ? when.period : `${when.period.from}-${when.period.to}`}`.replace(/_/g, '-');
    const seen = (ids.get(idBase) ?? 0) + 1;
    ids.set(idBase, seen);
    const attachedRank = statement.rank?.rank ? rankPeers(peerWords, text, statement.rank.rank) : undefined;
    const indicator = {
      id: seen === 1 ? idBase : `${idBase}-${seen}`,
      metric,
      topic: topicAt(structure, figure.start, metricNames[metric] ?? proposal?.zh, knownTopic),
      kind: reading.kind,
      ...(when.target && measured !== 'level' && { measure: measured }),
      value,
      ...(upper !== undefined && { upper }),
      unit: reading.unit as string,
      qualifier,
      period: when.period,
      ...(change && { change: changeOf(change, changeSpan(text, periods, change)) }),
      ...(measured === 'rank' && peers && { rank: { position: value, peers } }),
      ...(measured !== 'rank' && statement.rank && attachedRank && { rank: { position: Number(statement.rank.number), peers: attachedRank } }),
      quote: span.quote,
      offset,
      ...(proposal && { proposed: { zh: proposal.zh, en: proposal.en } }),
    };
    const note = statement.comparison ? gapNote(localisation, vocabulary, statement.comparison, figure.kind === 'growth') : undefined;
    indicators.push(note ? { ...indicator, note } : indicator);
    read.push(reading);
  }

  const unmatched = read.filter((r) => r.reason !== undefined);
  const draft = assembleDraft({
    localisation,
    region: regionReading,
    kind,
    id,
    time,
    source: compact.source,
    titleArea,
    sourceFile: options.sourceFile,
    indicators,
    unmatched,
  });
  return { draft, unmatched, statements: read };
}

/**
 * The proposal for a statement: named by the words before its figure, unless those are only a
 * verb (`新建5个现代化大农业全链条样板县`, `新增45个“园中园”`): then by the verb and what follows the figure.
 */
function proposeFor(proposer: MetricProposer, statement: Statement, clauseRest = '', isGlossaryName: (zh: string) => boolean = () => false) {
  const { before, after } = statement.naming;
  // What is counted follows the figure directly; after a list mark (`新增120万户、其中外资企业…`) the words are the next item's.
  // `16所高校、48个学科入选“双一流”建设名单`: a choice the list ends with is every item's (高校入选双一流建设).
  const chosen = /^[^、]{1,8}、$/.test(after) && !OWN_PREDICATE.test(after) ? CHOSEN_AFTER_LIST.exec(clauseRest)?.[1] : undefined;
  // Marks and stray digits before the words go; a specification opening them is a word (`750千伏和330千伏电网工程`).
  const words = (chosen ? after.replace(/、$/, chosen) : after).replace(LEADING_NON_WORDS, '').replace(/[“”]/g, '');
  // A clause too long to be a name (`2个国家级核心育种场开展性能测定等工作`) names what it counts up to its predicate.
  // So does one that goes on to a figure of its own (`15个承接产业转移主平台落地项目2200个`: the platforms, not their projects).
  const beforePredicate = COUNTED_BEFORE_PREDICATE.exec(words);
  const figureNext = clauseRest.startsWith(after) && /^[\d.]/.test(clauseRest.slice(after.length)) ? beforePredicate : null;
  const object = /^[、,;]/.test(after)
    ? undefined
    : (figureNext ?? /^的?([^,;:。、]{2,16}?)(?:[,;:。、]|$)/.exec(words) ?? beforePredicate ?? CHOSEN_OBJECT.exec(words))?.[1];
  // `西延高铁、岚皋至陕渝界等4条高速公路`: the examples before 等 are not what is counted.
  // `18项省科技重大专项、80项前沿技术研发`: words up to a list separator are the previous figure's object.
  // `通用机场增加11个、`达到25个: a total after an increment is the stock's (stockOf).
  const stock = TOTAL_VERBS.includes(statement.figure.verb ?? '') ? stockOf(before) : undefined;
  if (stock) return proposer.named(stock);
  const named = LIST_END.test(before) ? undefined : nameOf(before);
  // `筹措7亿元实施就业惠民工程`: money raised or put in for the programme that follows is that programme's funds.
  const programme = named && FUNDING.test(named) && statement.figure.unit?.base.startsWith('yuan') ? FOR_PROGRAMME.exec(words)?.[1] : undefined;
  if (programme) return proposer.named(`${programme}资金`);
  const verbOnly = named === undefined || ACTION.test(named);
  // `124万名婴幼儿`, `10万名残疾人提供…`: the noun a person counter carries is what is counted, part of the name.
  const noun = PERSON_NOUN.exec(statement.figure.unitWord)?.[1] ?? '';
  // `育儿补贴惠及60万人`: the people (households, visits) a measure reached, named as a count of them.
  const reached = noun === '' && named && REACHED.test(named) ? REACHED_COUNT[statement.figure.unit?.base ?? ''] : undefined;
  // `高校14个学科入选…`: after a holder, a generic counter's noun is what is counted (高校学科…), not the holder. (After a
  // glossary name, what the figure counts is read later: `地区生产总值连续迈上4个万亿元台阶`.)
  if (
    !verbOnly &&
    !reached &&
    !noun &&
    statement.figure.unitWord === '个' &&
    object &&
    !VERB_FIRST.test(object) &&
    !isGlossaryName(named!) &&
    !named!.includes(object.replace(/[()（）]/g, ''))
  )
    return proposer.propose(`${before}${object}`);
  // `带动上下游千余家企业`: words that only place or sort what is counted (上下游, 相关) name it with the noun after the figure.
  if (!verbOnly && !noun && object && QUALIFYING_ONLY.test(named!) && !VERB_FIRST.test(object))
    return proposer.propose(`${before}${NOUN_BEFORE_PREDICATE.exec(object)?.[1] ?? object}`);
  if (!verbOnly) return reached ? proposer.named(`${named}${reached}`) : proposer.propose(`${before}${noun}`);
  const verb = named ?? '';
  const proposal = object || noun ? proposer.propose(`${verb}${noun}${object ?? ''}`) : named ? proposer.propose(before) : undefined;
  // `育儿补贴惠及124万名婴幼儿` counts the infants the subsidy reached, not infants: keep the clause's words that say so.
  const counted = noun && proposal?.zh === noun ? /[\u4e00-\u9fff]+$/.exec(before)?.[0].slice(-MAX_COUNTED_BY) : undefined;
  return counted && counted.length >= 2 ? proposer.named(`${counted}${noun}`) : proposal;
}

/**
 * `经济总量超千亿元的县域达12个`: a count of a class a threshold names is named by the whole class, threshold and all (the
 * threshold is no statement of its own; pairing's namesPart).
 */
function classCounted(proposer: MetricProposer, clauseBefore: string, statement: Statement): ProposedMetric | undefined {
  if (!/^的/.test(statement.naming.before)) return undefined;
  const name = CLASS_BEFORE.exec(clauseBefore)?.[1];
  return name ? proposer.named(name.replace(/[“”‘’"'《》]/g, '')) : undefined;
}
/** The class: a measure over a threshold, 的 and the noun, before the count's verb. */
const CLASS_NAME = /^[\u4e00-\u9fff“”]{2,6}(?:(?:超过?|突破)[\d.]*[百千万亿]*元?|[\d.]+[百千万亿]*元?以上)的[\u4e00-\u9fff]{1,8}$/;
const CLASS_BEFORE = new RegExp(`(?:实施|推进|推动|建设|新建|完成|培育|打造)?(${CLASS_NAME.source.slice(1, -1)}?)(?:达到?|增至|有|为)?$`);

const LEADING_NON_WORDS = new RegExp(`^(?!${SPECIFICATION})[^\\u4e00-\\u9fff“]+`);

/** A name of a class a threshold names (`经济总量超200亿元县`). */
const CLASS_NAMED = new RegExp(CLASS_THRESHOLD);

/** Amounts a name may end with, which no count measures. */
const AMOUNT_END = /(?:增加|完成|实现|带动|拉动)?(?:营业收入|收入|营收|产值|增加值|投资|零售额|销售额|支出|总额|利润|税收)$/;

/** Names that only place or sort what they qualify: the noun after the figure completes them. */
const QUALIFYING_ONLY = /^(?:产业链)?(?:上下游|相关|配套|各类|各级)$/;

/** Words after a counter that open with a verb: what the things did (`实现转型`), not what they are. */
const VERB_FIRST = /^(?:实现|开展|完成|建成|获|入选|通过|纳入|进入|达到|落地|投产|开工|提升|覆盖)/;
/** An item that says what became of it (`25项改革经验获…推广`): a predicate of its own. */
const OWN_PREDICATE = /获|入选|通过|纳入|推广|被/;
/** A verb of being chosen ending a list of counts, with what the items were chosen for (`入选“双一流”建设`名单). */
const CHOSEN_AFTER_LIST = /^[^,;:。]*?[\d.]+[^,;:。\d]*?((?:入选|获评|纳入)[^,;:。]{2,20}?)(?:名单)?(?=[,;:。]|$)/;

/** Verbs of raising or putting in money (`筹措`, `累计投入`), and the programme the money is for (`实施就业惠民工程`). */
const FUNDING = /^(?:累计)?(?:筹措|筹集|投入|安排|下达)$/;
const FOR_PROGRAMME = /^(?:用于|实施|支持)([^,;:。、]{2,14}?)(?:[,;:。、]|$)/;

/** `生产原油239万吨`: a quantity of a product made is the product's output (原油产量), as statisticians name it. */
function producedName(proposer: MetricProposer, proposal: ProposedMetric | undefined, figure: Figure): ProposedMetric | undefined {
  const product = proposal && PRODUCED.exec(proposal.zh)?.[1];
  return product && OUTPUT_BASES.has(figure.unit?.base ?? '') ? proposer.named(`${product}产量`) : proposal;
}
const PRODUCED = new RegExp(`^(?:累计)?生产${NOT_A_PRODUCT}([\\u4e00-\\u9fff]{2,8})$`);
/** Units a product's output is stated in: weight, volume, energy. */
const OUTPUT_BASES: ReadonlySet<string> = new Set(['tonne', 'jin', 'cubic_metre', 'kwh', 'gwh', 'tce']);

/**
 * What a figure counts, written after it, up to the verb its clause goes on with (`…育种场`开展, `…项目`落地): a
 * name of four characters or more. Not before a verb of being chosen (入选, 通过, 纳入): there the choice is the concept.
 */
const PREDICATE_VERBS = '(?:开展|实现|建成|完成|落地|投产|开工|形成|实施(?!方案))';
const COUNTED_BEFORE_PREDICATE = new RegExp(`^的?([^,;:。、]{4,16}?)(?=${PREDICATE_VERBS})`);
/** The same for a noun completing a qualifying name, however short (`上下游`企业形成…). */
const NOUN_BEFORE_PREDICATE = new RegExp(`^(.{2,}?)(?=${PREDICATE_VERBS})`);

/** What is counted and the list or test it was chosen for or passed, however long (`品种入选国家农作物优良品种推广目录`). */
const CHOSEN_OBJECT = /^([\u4e00-\u9fff“”]{1,6}(?:入选|通过|纳入)[^,;:。、]{2,24}?)(?:[,;:。、]|$)/;

/** Verbs of reaching people: what follows counts whom a measure reached. */
const REACHED = /(?:惠及|覆盖|服务|帮扶|救助)$/;
const REACHED_COUNT: Readonly<Record<string, string>> = { person: '人数', item_hu: '户数', visit: '人次' };

/** Words that end on a list mark or conjunction (`惠及`, `涉及`, `普及` are verbs, not 及). */
const LIST_END = /(?:等|[、和与]|(?<![惠涉普波遍])及)$/;

/** The noun after a person counter in a unit word: `万名婴幼儿` → 婴幼儿 (`名` alone names no one). */
const PERSON_NOUN = /名([\u4e00-\u9fff]{2,})$/;
/** How many of the words before a counted noun say what counted it (`育儿补贴惠及`). */
const MAX_COUNTED_BY = 8;

/**
 * What a count of a glossary concept counts, written after the figure: `地区生产总值跨越3个` + `千亿元台阶`.
 * Undefined when nothing is written there: a glossary name is never proposed again under another key.
 */
function countedAfter(proposer: MetricProposer, name: string, figure: Figure, statement: Statement): ProposedMetric | undefined {
  if (figure.kind !== 'count') return undefined;
  const object = /^([\u4e00-\u9fff]{2,8}?)(?:[,;:。、]|$)/.exec(statement.naming.after)?.[1];
  return object ? proposer.named(`${name}${object}`) : undefined;
}

/**
 * A bare number stated as the value of a ratio of two amounts (`城乡居民收入比缩小至2.54`) is that
 * ratio to one: 2.54:1. Shares (占比, 比重, 比例) are percentages and never bare.
 */
function bareRatio(figure: Figure, before: string): Figure {
  if (figure.unit || figure.unitWord !== '' || figure.kind !== 'level' || !RATIO_SUBJECT.test(before)) return figure;
  const unit = parseUnitKey('ratio');
  return unit ? { ...figure, unit, kind: 'ratio' } : figure;
}

/** `…收入比缩小至`, `…之比为`: a ratio's name ends in 比 (not 占比), then at most its verb. */
const RATIO_SUBJECT = /[\u4e00-\u9fff](?<!占)比(?:缩小|收窄|下降|降|扩大|提高|调整|保持)?(?:至|到|为|在)?$/;

/** A rank is named by the words before its verb (`高铁路网密度`居各省区第一), not by its peer group. */
function rankNaming(statement: Statement): Statement {
  const { figure, naming } = statement;
  const from = figure.start - naming.before.length;
  // `提升至`, `跃升至`: the verb read may be the tail of a longer one.
  const read = figure.rank?.verbAt ?? -1;
  const verbAt = read > from && /[提跃攀]/.test(statement.naming.before[read - from - 1] ?? '') ? read - 1 : read;
  return verbAt > from && verbAt < figure.start ? { ...statement, naming: { ...naming, before: naming.before.slice(0, verbAt - from) } } : statement;
}

/**
 * Where a proposed name is written in its statement's clause, so the quote holds it whole
 * (`两化融合发展水平指数连续11年全国第一`, not a cut `化融合…`); the statement's start otherwise (a
 * glossary name's statement starts at that name).
 */
function nameStart(text: string, statement: Statement, proposal: ProposedMetric | undefined): number {
  if (!proposal) return statement.start;
  // A narrower name (`船舶`工业增加值) is quoted whole: it ends where the glossary name it narrows ends.
  const { metric } = statement;
  if (metric) {
    const start = metric.end - proposal.zh.length;
    return start < metric.start && text.startsWith(proposal.zh, start) ? start : statement.start;
  }
  const from = statement.figure.start - statement.naming.before.length;
  const at = statement.naming.before.lastIndexOf(proposal.zh);
  if (at >= 0 && text.startsWith(proposal.zh, from + at)) return from + at;
  // A class written before the words that name the figure (`经济总量超千亿元`的县域达12个) is quoted whole too.
  const written = CLASS_NAME.test(proposal.zh) ? text.lastIndexOf(proposal.zh, statement.figure.start) : -1;
  return written >= 0 && written < statement.start && statement.figure.start - written <= MAX_CLASS_QUOTE ? written : statement.start;
}
/** How far back a class's name may start for the quote to hold it. */
const MAX_CLASS_QUOTE = 30;

/** The wholes a share is of when it names no other. */
const WHOLE = '(全国|全省|全球|世界)';
/** A share named by its whole alone (`约占全国比重`): no subject of its own. */
const BARE_SHARE = new RegExp(`^(?:约|均)?占${WHOLE}比重$`);
/** Only the whole a share is of: `、占全国`, `占全国近`, `、稳定在全国` (1/10以上). */
const SHARE_OF_WHOLE = new RegExp(`^(?:约|均)?(?:占|(?:稳定|保持)在)${WHOLE}(?:的)?$`);

/** Whether a bare total can total what the sentence last named: of the same measure (a count never totals a rate). */
function totalsLike(
  previous: { readonly subject?: MetricPhrase; readonly metric: string; readonly measured: Measured },
  figure: Figure,
  measured: Measured,
  glossaryKeys: ReadonlyMap<string, MetricPhrase>,
  metricNames: Record<string, string>,
): boolean {
  // `主导产业产值突破1.5万亿元，新增…县2个、达到29个`: a count totals no amount (the steps an amount crossed may
  // precede its level: `跨越3个千亿元台阶，达到1.5万亿元`).
  if (previous.measured === 'level' && measured === 'count') return false;
  // A proposal's measure is not read from its name: drafted names are too rough to refuse a figure by.
  const measure = (previous.subject ?? glossaryKeys.get(normalise(metricNames[previous.metric] ?? '')))?.measure;
  return measure === undefined || compatible(measure, figure);
}

/** A measure with no subject of its own: the subject is the one just named (`总量和增速`, `占全国比重`, `规模`). */
const BARE_MEASURE = /^(?:总量|经济总量|规模|总规模|增量|增速|增幅|总量和增速|总量和增幅|规模和增速|占比|比重|占全国比重|占全省比重|占全国|占全省|占全球)/;

/**
 * The glossary metric an earlier clause of the sentence opens with, when no figure there named it:
 * `地区生产总值连跨两个万亿元台阶，年均增长5.7%` (the steps are no statement; the growth is GDP's).
 */
function openingSubject(metrics: MetricIndex, structure: Structure, figure: Figure, metricNames: Record<string, string>): string | undefined {
  const sentence = structure.sentenceStart(figure.start);
  const clause = structure.clauseStart(figure.start);
  if (clause <= sentence) return undefined;
  const found = metrics.firstIn(structure.text, sentence, clause, MAX_OPENING_GAP, (m) => compatible(m.measure, figure));
  return found && metricNames[found.metric.key];
}
/**
 * The glossary metric the clause just before the figure's opens with, when that clause states no figure:
 * `…，全省进出口总值创历史新高，达到5379亿元` (the total is foreign trade's, not the figure's before).
 */
function previousClauseSubject(metrics: MetricIndex, structure: Structure, figure: Figure, metricNames: Record<string, string>): string | undefined {
  const clause = structure.clauseStart(figure.start);
  if (clause <= structure.sentenceStart(figure.start)) return undefined;
  const previous = structure.clauseStart(clause - 1);
  if (/\d/.test(structure.text.slice(previous, clause))) return undefined;
  const found = metrics.firstIn(structure.text, previous, clause, MAX_OPENING_GAP, (m) => compatible(m.measure, figure));
  return found && metricNames[found.metric.key];
}

/** Words a sentence may open with before its subject (`全省`, `全年`). */
const MAX_OPENING_GAP = 2;

/** A measure named alone (`、产量1285万吨`), and the measure a name ends with (`粮食播种面积`): the thing is before it. */
const MEASURE_ALONE = new RegExp(`^${MEASURE_WORDS}$`);
const MEASURED_AS = new RegExp(`${MEASURE_WORDS}$`);

/** The measure word a list item is written with alone (`、出口增长53.6%` → 出口); undefined for any other item. */
function measureAloneItem(statement: Statement): string | undefined {
  const words = /^、(.+)$/.exec(statement.naming.before)?.[1];
  return words !== undefined && MEASURE_ALONE.test(words) ? words : undefined;
}

/** The name of a bare measure (`总量和增速`, `占全国比重`): the subject named just before it in its sentence. */
function referredName(
  proposer: MetricProposer,
  statement: Statement,
  measured: Measured,
  own: ProposedMetric | undefined,
  earlier: string | undefined,
  /** For a rank whose only words name a peer group (`、中部第2位`): the metric the sentence last ranked. */
  rankedBefore?: string,
): ProposedMetric | undefined {
  if (earlier && !statement.metric && measured !== 'rank') {
    // `粮食播种面积3320万亩、产量1285万吨`: a measure alone is the earlier subject's thing in that measure (粮食产量).
    // A share or a scale alone (`、占比30%`) is the whole earlier subject's (BARE_MEASURE, below).
    const alone = own && statement.naming.before.startsWith('、') && MEASURE_ALONE.test(own.zh) && !BARE_MEASURE.test(own.zh);
    const head = alone ? earlier.replace(MEASURED_AS, '') : earlier;
    if (head !== earlier && head.length >= 2) return proposer.named(`${head}${own!.zh}`);
    const words = statement.naming.before.replace(/^[、,;]/, '');
    // `财政收入达到1350亿元，3年增长58.6%`: a change over a span, with no subject of its own, is the earlier subject's.
    if (SPAN_ONLY.test(words)) return proposer.named(earlier);
    // `强度达到2.5%，比上年提高0.1个百分点`: a change against a base, with no subject of its own, is the earlier subject's.
    if (BASIS_ONLY.test(words)) return proposer.named(earlier);
    // `一般公共预算收入增加近1000亿元，稳步达到3000亿元以上`: only an adverb: the earlier subject's, the level itself
    // when what came before was what it grew by.
    if (ADVERB_ONLY.test(words)) return proposer.named(statement.figure.verbKind === 'change' ? earlier : earlier.replace(GROWN_BY, ''));
    // `无人机产量增长39%、占全国9成`: a share of a whole, with no subject of its own, is the earlier subject's share.
    const whole = SHARE_OF_WHOLE.exec(words)?.[1];
    if (whole && (!own || BARE_SHARE.test(own.zh)) && measured === 'share') return proposer.named(`${earlier.replace(/占.*$/, '')}占${whole}比重`);
    // `建成过江通道4座、在建8座`: another stage of what the sentence just counted (nothing counted follows the figure).
    const stage = !own && STAGE.exec(words)?.[0] === words ? words : undefined;
    const thing = earlier.replace(STAGE, '');
    if (stage && thing.length >= 2) return proposer.named(`${stage}${thing}`);
    // `新增工业产能项目989个、释放产值超1500亿元`: what the things just counted are worth.
    const worth = own && WORTH.exec(own.zh)?.[1];
    if (worth) return proposer.named(`${earlier}${worth}`);
  }
  const subject = own?.zh ?? '';
  // `经济总量超200亿元县`: a measure a class is named by is no bare measure.
  const bare = own !== undefined && BARE_MEASURE.test(subject) && !CLASS_NAMED.test(subject);
  // A rank is an indicator of kind rank on the metric it ranks (`规上工业增加值增幅居全国第7位`: industrial value
  // added, ranked); only a bare measure (`总量和增速均居全国第5位`) needs the subject named before it.
  // So does a rank with no subject of its own (`高铁运营总里程3411公里、跃居全国第一`, `增长4.9倍、从全国第13位升至第5位`).
  // So does a rank among another group right after one (`居全国第1位、中部第2位`): its only words are the group.
  if (measured === 'rank') {
    const ranking = rankedBefore ?? ((own === undefined || bare) && earlier);
    return ranking && !statement.metric ? proposer.named(ranking) : undefined;
  }
  if (bare && earlier && !statement.metric) {
    const measure = subject.replace(/^(?:总量和增速|总量和增幅|规模和增速)/, '');
    return proposer.named(/^占/.test(measure) ? `${earlier.replace(/占.*$/, '')}${measure.replace(/升至|达到?$/, '')}` : `${earlier}${measure}`);
  }
  return undefined;
}

/**
 * The name of the amount a level or count changed by (`增加1207元`, `增长3.8万亿元`, `减少20万吨`, `高新技术企业增加2000家`):
 * its name and 增加额 or 减少额. Undefined for anything else (a growth in %, a level reached, a count of new things).
 */
function amountChangeName(figure: Figure, measured: Measured, name: string | undefined): string | undefined {
  if ((measured !== 'level' && measured !== 'count') || figure.verbKind !== 'change' || !name || /(?:增加|减少)[额量]$|[增减]量$/.test(name)) return undefined;
  // A count the glossary already names as new ones (普通高中新增学位) is what the text's 增加 counts.
  // Of a count or a land area only 增加/减少 say how many more or fewer: 提升 and 提高 there say what was upgraded
  // (`改造提升25个养老机构`, `森林抚育提升200万亩`).
  if (measured === 'count' && NAMES_NEW_ONES.test(name)) return undefined;
  // `高新技术企业净增700家`: the net increase of a count, named as the text names it (净增国家高新技术企业).
  if (measured === 'count' && figure.verb === '净增') return `净增${name}`;
  const upgraded = measured === 'count' || LAND_AREA_BASES.has(figure.unit?.base ?? '');
  if (upgraded && !COUNT_CHANGE_VERBS.has(figure.verb ?? '')) return undefined;
  const sign = CHANGE_WORDS.find(([verb]) => verb === figure.verb)?.[1];
  return sign === undefined ? undefined : `${name}${sign > 0 ? '增加额' : '减少额'}`;
}

/** The verbs that say how many more or fewer of a count there are (净增 names its own concept, above). */
const COUNT_CHANGE_VERBS: ReadonlySet<string> = new Set(['增加', '减少']);
/** Land worked in mu or hectares; an area per head (`人均住房面积提高2平方米`) is a level that really rose. */
const LAND_AREA_BASES: ReadonlySet<string> = new Set(['mu', 'hectare', 'mu_time']);

/** A reference a change is measured from over time (`比上年高`), not one a gap is measured to. */
const TIME_REFERENCE = /^(?:上年|去年|上年同期|同期|(?:19|20)\d\d年)$/;

/**
 * The name of a gap in points to a reference (`一产增加值增幅高于全国0.7个百分点` → 第一产业增加值增速与全国差距):
 * a gap of an amount's metric is one of growth rates; a rate's (`…比例`, `…率`) is one of the rates themselves.
 */
function gapName(figure: Figure, name: string | undefined): string | undefined {
  const reference = figure.reference;
  if (!reference || !name || TIME_REFERENCE.test(reference) || /差距$/.test(name)) return undefined;
  const rate = /(?:率|比重|比例|占比|指数|增速|增幅|水平)$/.test(name);
  return `${name}${rate ? '' : '增速'}与${reference}差距`;
}

/**
 * The reader's note for a gap stated right after a figure (`增长7.7%，高于全国1.8个百分点` → "1.8 percentage points
 * above the national rate."), written in both languages from the references `ui:reference` names: a growth's gap is
 * to the reference's rate (`national_rate`) where the locales have one. Undefined for a reference they do not name
 * (`快于经济增速`): the quote still holds it for the editor.
 */
function gapNote(localisation: Localisation, vocabulary: ChineseVocabulary, comparison: Figure, ofGrowth: boolean): IndicatorInput['note'] {
  const written = comparison.reference;
  if (!written || TIME_REFERENCE.test(written) || comparison.unit?.base !== 'points') return undefined;
  const key = vocabulary.references.find(([word]) => word === written)?.[1];
  if (!key) return undefined;
  const names = (localisation.lexicons.en.namespace('ui') as { reference?: Record<string, string> }).reference ?? {};
  const reference = ofGrowth && names[`${key}_rate`] ? `${key}_rate` : key;
  const { value, upper } = bounds(comparison, comparison.sign);
  const change: Change = {
    value: decimal(value),
    ...(upper !== undefined && { upper: decimal(upper) }),
    unit: 'points',
    qualifier: comparison.verbQualified ? 'exact' : comparison.qualifier,
    against: { reference, relation: comparison.verb && COMPARISON_BETTER.has(comparison.verb) ? 'better' : 'gap' },
  };
  const sentence = (lang: 'zh' | 'en', text: string) => localisation.lexicons[lang].t('ui:note.sentence', { text });
  return { zh: sentence('zh', localisation.formatters.zh.change(change)), en: sentence('en', capitalise(localisation.formatters.en.change(change))) };
}

/** Whether words only name a peer group of a ranking, as the glossary's peers do (`中部` for 中部地区, `西部地区` for 西部). */
function namesPeers(peerWords: ReadonlyArray<readonly [string, string]>, words: string): boolean {
  return (
    words.length >= 2 && peerWords.some(([peer]) => peer.startsWith(words) || (words.startsWith(peer) && /^(?:地区|省份|省区)$/.test(words.slice(peer.length))))
  );
}
/** `比上年`, `同比`, `较上年末`: only what a change is measured against. */
const BASIS_ONLY = new RegExp(`^${CHANGE_BASIS}$`);
/** `稳步`, `进一步`, `首次`: only how or when a level was reached. */
const ADVERB_ONLY = /^(?:稳步|持续|进一步|逐步|首次|再次|历史性|同步|全面|已经|已|又|再)+$/;
/** The name of what a level grew by (`地方一般公共预算收入增加额`), less its ending: the level's. */
const GROWN_BY = /(?:增加|减少)额$/;
/** `3年`, `近三年`, `五年来`, `年均`: only a span of time. */
const SPAN_ONLY = /^(?:(?:近|过去)?[\d一二三四五六七八九十]+年(?:来|间)?(?:年均)?|年均)$/;
/** Stages of building something, as a list of counts names them (`开工…、建成…、在建…`). */
const STAGE = /^(?:新开工|开工建设|开工|建成投用|建成|在建|续建|新建|完成)(?=[\u4e00-\u9fff]|$)/;
/** A value of what was just counted (`释放产值`, `货币价值`, `总投资`), with the verb that says so dropped. */
const WORTH = /^(?:释放|实现|带动|货币)?(产值|价值|总投资|投资额)$/;
/** A subject that only says what is measured of something named before it: `总量`, `产值`, `产业规模`, `新登记`. */
const TOPIC_MEASURE = /^(?:总量|总规模|规模|总产值|产值|总产能|产能|产业规模|产业投资|产业增加值|营业收入|营收|新登记|新注册|新设立?|新增|新引进)$/;
/** A sentence's topic as its opening words name it: `经营主体稳中培优。`, `石化产业持续…`, `吉化乙烯项目投产，`. */
const TOPIC =
  /^(?:——)?(?!拓展|推动|推进|加快|打造|建设|开辟|实施|培育|支持|发展|做强|做大|扩大|提升|深化|创新|完善|健全|强化|促进|引导)([\u4e00-\u9fff]{2,10}?(?:产业|行业|经济|主体|集群|项目|基地))/;
/** How many sentences back a paragraph's topic is looked for. */
const TOPIC_REACH = 3;

/**
 * A bare measure in a clause with no subject of its own (`经营主体稳中培优。总量达1461.4万户，新登记147万户`,
 * `石化产业持续…。产值突破1300亿元`) measures the topic its sentence opens with, else the previous sentence's:
 * the topic and the measure (`经营主体`, `新登记经营主体`, `石化产业产值`).
 */
function topicName(proposer: MetricProposer, structure: Structure, own: ProposedMetric | undefined, at: number): ProposedMetric | undefined {
  if (!own || !TOPIC_MEASURE.test(own.zh)) return undefined;
  const sentence = structure.sentenceStart(at);
  const clause = structure.clauseStart(at);
  const paragraph = structure.paragraphs[structure.paragraphIndex(at)] as { start: number };
  const opening = (from: number) => TOPIC.exec(structure.text.slice(from, from + 16))?.[1];
  let topic = clause > sentence ? opening(sentence) : undefined;
  // `创新新能源发展模式，产业投资突破1300亿元`: a sentence opening with a clause of words only says what it is about, though
  // not as a topic: never the topic of a sentence before (a first clause with a figure, `总量达…，新登记…`, says nothing so).
  const ownOpening = clause > sentence && !/\d/.test(structure.text.slice(sentence, structure.clauseEnd(sentence)));
  for (let back = 0, start = sentence; !topic && !ownOpening && back < TOPIC_REACH && start > paragraph.start; back++) {
    start = structure.sentenceStart(start - 1);
    if (start < paragraph.start) break;
    topic = opening(start);
  }
  if (!topic) return undefined;
  const measure = own.zh;
  if (/^总量$/.test(measure)) return proposer.named(topic);
  if (/^新/.test(measure)) return proposer.named(`${measure}${topic}`);
  return proposer.named(topic.endsWith('产业') && measure.startsWith('产业') ? `${topic}${measure.slice(2)}` : `${topic}${measure}`);
}

/** How a count was made, as the clause before `其中` writes it: `新登记147万户、其中企业57.3万家`. */
const COUNTED_BY = /(?:^|[,;、])(新登记|新注册|新设立?|新增|新引进|新认定|累计)[^,;、]*$/;

/** `其中企业57.3万家` after `新登记147万户`: a subset counted the same way as the figure before it in the sentence. */
function subsetName(
  proposer: MetricProposer,
  structure: Structure,
  own: ProposedMetric | undefined,
  at: number,
  earlier: string | undefined,
): ProposedMetric | undefined {
  // The clause as a list item: from the last comma or enumeration mark (`、其中企业`).
  const before = structure.text.slice(structure.sentenceStart(at), at);
  const itemAt = Math.max(...['、', ',', ';'].map((c) => before.lastIndexOf(c) + 1));
  if (!own || !before.startsWith('其中', itemAt)) return undefined;
  const by = COUNTED_BY.exec(before.slice(0, Math.max(0, itemAt - 1)))?.[1];
  if (by && !own.zh.startsWith(by)) return proposer.named(`${by}${own.zh}`);
  // `汽车产量增长1.7倍，其中新能源汽车增长17.2倍`: a part named without a measure is measured as the whole before it.
  const measure = earlier && !MEASURED_AS.test(own.zh) ? SUBSET_MEASURE.exec(earlier)?.[0] : undefined;
  return measure && earlier !== own.zh ? proposer.named(`${own.zh}${measure}`) : undefined;
}
/** Measures a part after 其中 shares with its whole; not a share, scale or count, which are the whole's own. */
const SUBSET_MEASURE = new RegExp(`(?:(?!占比|比重|规模|数量)${MEASURE_WORDS}|保有量)$`);

/** Words that make what follows in their clause an aim (`力争`; `争取` before a verb, not `争取超长期特别国债`). */
const AIM_WORDS = /(?<!努)力争(?!取)/;
/** `争取` governs only its own clause (`进出口总额争取实现正增长，城镇新增就业45万人`: the jobs are a plain target). */
const AIM_CLAUSE_WORDS = /争取(?=[实达增完突提]|$)/;

/** True when the words of a sentence before a figure make it an aim. */
function aimed(before: string): boolean {
  return AIM_WORDS.test(before) || AIM_CLAUSE_WORDS.test(before.slice(before.lastIndexOf(',') + 1));
}
/** The contract's "aiming for" qualifier (absent from contracts before it). */
const AIM = QUALIFIERS.find((q) => (q as string) === 'aim');

/** A subject that only says "the total" (`上市公司48家、总量达122家`): of what was named before it. */
const BARE_TOTAL_NAME = /^(?:总量|总数)$/;

/** Words before a figure that only say it is a total (`、累计达到`, `（间）、总数`). */
const BARE_TOTAL = /^[^\u4e00-\u9fff]*(?:[(（][\u4e00-\u9fff]{1,2}[)）])?[、,]?(?:累计|总数|总量|共|全部)?(?:达到?|增至|超过?|突破)?$/;
/**
 * `3个国家级保种场、2个国家级核心育种场`: a list item that starts at its figure and names what it counts after
 * it is the next thing counted, not the total of the one before.
 */
function nextCountedItem(statement: Statement): boolean {
  return statement.naming.before === '、' && namesWhatFollows(statement);
}

/**
 * Words before a metric's name that do not change what it measures: discourse, time, totals, the
 * statistical scope a measure is always taken over (`地级及以上城市`空气质量优良天数比例) and conditions
 * (`正常年景下`粮食产量).
 */
const NEUTRAL_MODIFIER =
  /^(?:累计|每年|年均|共|全年|当年|年度|年末|年底|年初|同比|合计|总计|其中|实际|完成|实现|全部|整体|总体|主要|各类|全社会|规模以上|规上|有效期内|地级及以上城市|设区的?市|[\u4e00-\u9fff]{0,4}(?:年景|情况|条件)下)+$/;
/** A head of population a rate is counted per, right before its name. */
const PER_HEAD_BEFORE = new RegExp(`${PER_POPULATION}$`);
const MAX_MODIFIER = 8;
const MODIFIER_WINDOW = 24;

/** A list of names with no figure among them ending where a name starts: `电动汽车、锂电池、光伏产品`. */
const EXAMPLES_BEFORE = /(?:^|[,;:。])[^,;:。\d]+、[^,;:。\d]+$/;

/**
 * The name of a narrower concept written around a glossary name: its clause's own words right before
 * the name (`汽车产业` + 增加值 is not industrial value added). Undefined when there are none, or they
 * only place, date or total the figure.
 */
function narrowerName(text: string, statement: Statement, metricNames: Record<string, string>, counted: boolean): string | undefined {
  const match = statement.metric!;
  const before = statement.naming.before;
  const phraseAt = before.lastIndexOf(text.slice(match.start, match.end));
  if (phraseAt <= 0) return undefined;
  // The few words before the name, enough to see a clause's opening words (`力争“十五五”时期`) and stay bounded.
  const clause = before.slice(Math.max(0, phraseAt - MODIFIER_WINDOW), phraseAt);
  // `每10万人`刑事案件数: a count per head of population is a rate, another concept than the count.
  const perHead = PER_HEAD_BEFORE.exec(clause)?.[0];
  if (perHead) return `${perHead}${before.slice(phraseAt)}`;
  if (!/[\u4e00-\u9fff]$/.test(clause) || /[、,和及与]$/.test(clause)) return undefined;
  // `地级及以上城市`: 及以上 is one word, not a list.
  const words = clause.replace(/^.*(?:[、,和与的]|及(?!以[上下]))/, '').replace(/[“”‘’《》"'()（）【】]/g, '');
  // `电动汽车、锂电池、光伏产品“新三样”出口`: a list of examples before a quoted class names it, not a narrower part of it.
  if (/^[“‘"']/.test(before.slice(phraseAt)) && EXAMPLES_BEFORE.test(clause)) return undefined;
  const whole = nameOf(words);
  // Words trimmed from its end (a verb, a peer group: `东部新区位居全国`) stand between: not a modifier of the name.
  if (whole === undefined || !words.endsWith(whole)) return undefined;
  const modifier = nameOf(whole.slice(-MAX_MODIFIER));
  if (modifier === undefined || NEUTRAL_MODIFIER.test(modifier)) return undefined;
  // `新增`专精特新企业100家: an increment verb alone before the stock's whole name makes a count of new ones
  // (incrementName), not a narrower stock; `新增`概念验证中心和研发平台10家 counts more than that stock.
  const wholeName = before.slice(phraseAt) === text.slice(match.start, match.end);
  if (counted && wholeName && INCREMENT_BEFORE.exec(modifier)?.index === 0) return undefined;
  // `新增`减税降费及退税: words the glossary's own name starts with (新增减税降费及退税缓费) are its, not a narrower concept's.
  if (metricNames[match.metric.key]?.startsWith(modifier)) return undefined;
  // A narrower name holds the glossary's phrase whole: trimming that cuts into it (`消费品以旧换新带动` read as a
  // cause before 销售额) narrows nothing.
  const narrowed = nameOf(`${modifier}${before.slice(phraseAt)}`);
  return narrowed?.includes(match.metric.phrase.replace(/[“”‘’"'《》]/g, '')) ? narrowed : undefined;
}

/**
 * A count of new ones of a stock the glossary names (`新建10家省级概念验证中心`, `新增国家级农业产业园区1个`) is an
 * increment: its name is the verb and the stock's (a glossary name, if it has one), never the stock itself.
 */
function incrementName(
  text: string,
  structure: Structure,
  statement: Statement,
  metricNames: Record<string, string>,
  incrementNames: readonly string[],
  known: ReadonlyMap<string, unknown>,
): { readonly name: string; readonly at: number } | undefined {
  const match = statement.metric;
  const stock = match && metricNames[match.metric.key];
  // A name of new ones already (`残疾人新增就业`) is no stock to count the new ones of.
  if (!stock || NAMES_NEW_ONES.test(stock)) return undefined;
  // Only within the figure's own list item: `新增上市公司48家、总量达122家` states the stock after the increment.
  const clause = structure.clauseStart(statement.figure.start);
  const item = clause + Math.max(0, ...['、', ';'].map((mark) => text.lastIndexOf(mark, statement.figure.start - 1) + 1 - clause));
  if (match.start < item) return undefined;
  const named = Math.min(match.start, statement.figure.start);
  const verb = INCREMENT_BEFORE.exec(text.slice(item, named));
  // The quote starts at the verb, so it holds what makes the count an increment. New ones fostered, recognised or
  // brought in are new ones added: the glossary's 新增 name is theirs (新培育科技型中小企业 is 新增科技型中小企业).
  if (verb) {
    const written = `${verb[1]}${verb[2] ?? ''}${stock}`;
    const name = [written, `新增${verb[2] ?? ''}${stock}`].find((n) => known.has(n));
    // A proposal's name has no quote marks (`新增两院院士`), as names read from the text have none.
    return { name: name ?? written.replace(/[“”‘’"']/g, ''), at: item + verb.index };
  }
  // `新增科技型中小企业7227家、高新技术企业3200家`: the verb heading a list of counts governs each item that has none of its own.
  const head = listIncrementVerb(text, structure, statement.figure, incrementNames);
  return head ? { name: `${head}${stock}`, at: named } : undefined;
}

/**
 * `高速公路通车里程新增3000公里`, `市场主体新增5万户`: 新增 between a stock's glossary name and its figure says the figure is
 * what was added (新增高速公路通车里程), never the stock.
 */
function addedAfterName(text: string, statement: Statement, metricNames: Record<string, string>): { readonly name: string } | undefined {
  const match = statement.metric;
  const stock = match && match.how === 'before' ? metricNames[match.metric.key] : undefined;
  if (!stock || NAMES_NEW_ONES.test(stock) || !/^新增了?$/.test(text.slice(match!.end, statement.figure.start))) return undefined;
  return { name: `新增${stock}` };
}

/** A proposed count in a list an increment verb heads (`新增国家级农业产业园区1个、产业强镇7个`) is of new ones too. */
function listedIncrement(proposer: MetricProposer, proposal: ProposedMetric | undefined, verb: string | undefined): ProposedMetric | undefined {
  return proposal && verb && !INCREMENT.test(proposal.zh) ? proposer.named(`${verb}${proposal.zh}`) : proposal;
}

/**
 * The increment verb heading the list of counts a figure ends, read from its clause's start: every item after
 * the first is a count with no verb of its own (`新增A 3个、B 2个`); an item that states a total
 * (`新增上市公司48家、总量达122家`) or says what it did (`人形机器人产量突破5000台`) is out of the verb's reach.
 */
function listIncrementVerb(text: string, structure: Structure, figure: Figure, incrementNames: readonly string[]): string | undefined {
  const head = listHead(text.slice(structure.clauseStart(figure.start), figure.end));
  if (head === undefined) return undefined;
  // The verb opens the clause (`城镇新增就业…、` has none) and does not start a flow's name (`新增城镇就业…、`).
  const first = head.replace(LEADING, '');
  const verb = INCREMENT_HEAD.exec(first);
  return verb && !incrementNames.some((name) => first.startsWith(name)) ? verb[1] : undefined;
}

/** A clause that names only what was done, not what was counted: the object follows the figure. */
const ACTION =
  /^(?:首批|在建|抓好|推进|推动|加快|(?:有效|成功|科学|妥善)?应对|[新再]?(?:增|建|建成|建设|创建|打造|实施|开展|筛选|培育|引进|认定|改造|开工|布局|组建|推出|设立|举办|支持|带动|吸纳|惠及|覆盖|服务|帮扶|打通|开通|开行|入选|获批|获得|落地|签约|发放|出台|制定|办理|完成|累计|形成|拥有|聚集|集聚|招引|新上|上线|培训|救助|资助|安置|转移|整治|治理|修复|提升)){1,2}$/;

function whyUnmatched(statement: Statement, metric: string | undefined, figure: Figure, peers: string | undefined, measured: Measured): string | undefined {
  const subject = statement.subject.replace(/^[、,;:。和及与]+/, '') || statement.figure.number;
  if (statement.problem) return statement.problem;
  if (!metric) return `no metric can be named for “${subject}”`;
  if (!figure.unit) return `metric ${metric}, but no glossary unit for “${figure.unitWord || 'a bare number'}”`;
  if (measured === 'rank' && !peers) {
    const named = figure.rank?.peers.replace(RANK_FILLER, '');
    return named ? `metric ${metric}, rank among “${named}”: no glossary peer group` : `metric ${metric}, rank with no peer group named`;
  }
  return undefined;
}

/** A figure's value and range bound, signed: a range of falls `下降3%—5%` runs from −5 to −3. */
function bounds(figure: Figure, sign: 1 | -1): { value: number; upper?: number } {
  const lower = Number(figure.number) * sign;
  if (figure.upper === undefined) return { value: lower };
  const upper = Number(figure.upper) * sign;
  return sign > 0 ? { value: lower, upper } : { value: upper, upper: lower };
}

type Span = { readonly from: number; readonly to: number };

function changeOf(change: Figure, span: { averageOver: Span } | { over: Span } | undefined): NonNullable<IndicatorInput['change']> {
  const unit = change.unit!.base as NonNullable<IndicatorInput['change']>['unit'];
  const { value, upper } = bounds(change, change.sign);
  return {
    value,
    ...(upper !== undefined && { upper }),
    unit,
    ...(change.qualifier !== 'exact' && { qualifier: change.qualifier }),
    ...span,
  };
}

/**
 * The years a change attached to a level runs over, when its own words date it to a span rather than the level's
 * year (a five-year review's plan): a yearly average (`跨过3万亿元、年均增长5.2%`) or the whole change over them
 * (`五年来…达到8041.6万千瓦、增长2.4倍`). Undefined for a change of one year.
 */
function changeSpan(text: string, periods: Periods, change: Figure): { averageOver: Span } | { over: Span } | undefined {
  const { period } = periods.at(change);
  if (typeof period === 'number' || period.from === period.to) return undefined;
  return /年均$/.test(text.slice(Math.max(0, change.start - 2), change.start)) ? { averageOver: period } : { over: period };
}

/**
 * The peers of a rank: those written after its verb, or when none are (`中国软件名城排名提升至第6位`),
 * a peer group named in the ranking itself, just before the verb.
 */
function rankPeers(peerWords: ReadonlyArray<readonly [string, string]>, text: string, rank: NonNullable<Figure['rank']>): string | undefined {
  if (rank.peers !== '') return peerKey(peerWords, rank.peers);
  return rank.verbAt > 0 ? peerKey(peerWords, text.slice(Math.max(0, rank.verbAt - 20), rank.verbAt)) : undefined;
}

/**
 * The peer group a rank names: the longest glossary peer word inside what was written, or the one
 * peer word that what was written abbreviates (`全市` for 全市各区（市）县; `全国` fits several, so none).
 */
function peerKey(peerWords: ReadonlyArray<readonly [string, string]>, written: string): string | undefined {
  if (written === '全国' || written === '全国各省区市') return peerWords.find(([word]) => word === '全国')?.[1];
  let best: readonly [string, string] | undefined;
  for (const entry of peerWords) if (written.includes(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  if (best) return best[1];
  const abbreviated = written.length >= 2 ? peerWords.filter(([word]) => word.startsWith(written) && word !== written) : [];
  return abbreviated.length === 1 ? abbreviated[0]![1] : undefined;
}

function detectKind(localisation: Localisation, titleArea: string, text: string): string {
  const known = (key: string) => localisation.glossary.has('kind', key);
  const found = KIND_WORDS.find(([pattern, key]) => known(key) && pattern.test(titleArea));
  if (found) return found[1];
  // A work report addresses the congress: 各位代表！
  if (known('work-report') && /各位代表|今年政府工作/.test(text)) return 'work-report';
  const names = localisation.lexicons.zh.namespace('kinds') as Record<string, string>;
  const named = localisation.glossary.list('kind').find((key) => names[key] && titleArea.includes(names[key] as string));
  return named ?? (known('news') ? 'news' : (localisation.glossary.list('kind')[0] as string));
}

interface DraftParts {
  readonly localisation: Localisation;
  readonly region: RegionReading;
  readonly kind: string;
  readonly id: string;
  readonly time: ReturnType<typeof reportTime>;
  readonly source: string;
  readonly titleArea: string;
  readonly sourceFile: string | undefined;
  readonly indicators: readonly IndicatorInput[];
  readonly unmatched: readonly ExtractedStatement[];
}

/** Title, source and summary are placeholders an editor rewrites; they say so. */
function assembleDraft(parts: DraftParts): BriefingInput {
  const { localisation, kind, id, time, indicators, unmatched } = parts;
  const region = parts.region.key;
  const { zh, en } = localisation.lexicons;
  const proposedRegion = parts.region.proposed;
  const name = (lang: 'zh' | 'en', ns: string, key: string) =>
    ns === 'regions' && proposedRegion ? proposedRegion[lang] : String((lang === 'zh' ? zh : en).namespace(ns)[key] ?? key);
  const proposals = indicators.filter((i) => i.proposed).length;
  const published = publishedDate(parts.titleArea + parts.source.slice(0, 2000));
  const firstLine =
    parts.titleArea
      .split('\n')
      .map((l) => l.replace(/^[#*\s]+|\*+/g, ''))
      .find((l) => l.length >= 4) ?? name('zh', 'kinds', kind);
  const noDate = published ? '' : `；发布日期未在文中找到，暂填 ${time.year}-01-01`;
  const noDateEn = published ? '' : `; no publication date in the text, ${time.year}-01-01 is a placeholder`;
  const noYear = time.found ? '' : '；报告年份未在文中找到';
  const noYearEn = time.found ? '' : '; the report year was not found in the text';
  return {
    id,
    region,
    ...(proposedRegion && { proposedRegion: { ...proposedRegion } }),
    kind,
    published: published ?? `${time.year}-01-01`,
    period: time.plan ? { from: time.plan.from, to: time.plan.to } : { from: time.year - 1, to: time.year },
    title: {
      zh: `${name('zh', 'regions', region)}${time.year}年${name('zh', 'kinds', kind)}（草稿）`,
      en: `DRAFT: ${name('en', 'regions', region)} ${name('en', 'kinds', kind).toLowerCase()} ${time.year}`,
    },
    source: {
      title: { zh: firstLine.slice(0, 80), en: `DRAFT: translate the source title (${name('en', 'kinds', kind)})` },
      publisher: { zh: `${name('zh', 'regions', region)}（草稿，待核实）`, en: `DRAFT: ${name('en', 'regions', region)} (to be checked)` },
      ...(parts.sourceFile && /^[\w.-]+$/.test(parts.sourceFile) && { file: parts.sourceFile }),
    },
    summary: {
      zh: `草稿：briefings extract 自动提取 ${indicators.length} 项指标（其中 ${proposals} 项为待审核的新指标，见 proposed），另有 ${unmatched.length} 处数量表述未能成为指标，见 unmatched。${proposedRegion ? `地区“${proposedRegion.zh}”不在词汇表中，键名 ${region} 待审核。` : ''}标题、来源与摘要待编辑撰写${noDate}${noYear}。`,
      en: `DRAFT: briefings extract read ${indicators.length} indicators (${proposals} of them with a proposed metric to review, see proposed); ${unmatched.length} more quantitative phrases could not become indicators (see unmatched). ${proposedRegion ? `The region “${proposedRegion.en}” is not in the glossary; its key ${region} is a proposal. ` : ''}Title, source and summary are placeholders for the editor${noDateEn}${noYearEn}.`,
    },
    status: 'draft',
    indicators: [...indicators],
    unmatched: unmatched.map((u) => ({ quote: u.quote, offset: u.offset, reason: u.reason as string })),
  };
}

function publishedDate(text: string): string | undefined {
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  const chinese = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  const found = [iso, chinese].filter((m): m is RegExpExecArray => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!found) return undefined;
  const date = `${found[1]}-${(found[2] as string).padStart(2, '0')}-${(found[3] as string).padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}
