/**
 * A proposed metric for a statement whose subject has no glossary metric: the Chinese name as the
 * text writes it (`新能源汽车产量`), a draft English name built from the vocabulary's parts
 * (`新能源汽车` new-energy vehicle + `产量` {{x}} output → "New-energy vehicle output") and a key from
 * the same parts (`nev_output`). Parts are the glossary's metric names and `locales/*\/metricParts.json`.
 * A name the parts do not cover whole gets no guessed English: its draft name is an explicit
 * placeholder the editor fills in (`[to translate] 助老餐厅`) and its key is the name in pinyin words
 * (`zhulao_canting`). Nothing here publishes: the draft marks the indicator `proposed`.
 */
import { pinyin } from 'pinyin-pro';
import type { Localisation } from '../i18n/localisation';
import { CHANGE_BASIS, CLASS_THRESHOLD, INCREMENT, SPECIFICATION, MERGER_VERB, NOT_A_PRODUCT, PER_HEAD, PER_POPULATION, START_TIME, TOP_SHARE } from './rules';
import { capitalise } from '../util/text';
import partRoles from './partRoles.json' with { type: 'json' };

export interface ProposedMetric {
  readonly key: string;
  readonly zh: string;
  readonly en: string;
}

interface Part {
  readonly zh: string;
  readonly key: string;
  /** English, with `{{x}}` standing for the words it wraps. */
  readonly en: string;
}

/** Words around a subject that are not its name: regions, time, discourse and degree words, verbs of reporting. */
export const LEADING =
  /^(?:[、,;:的]|和|及|与|并且|并|其中|同时|另外|此外|(?:主要|预期)+目标(?:是|为)?|目标(?:是|为)|包括|建议|全年|年内|今年|去年|当年|[全本我][省市区县州盟旗国]|[省市区县]级以上|全社会|全口径|“?十[一二三四五六七八九]?五”?(?:时期|期间|以来|末)?|五年来|过去五年|五年(?=[\u4e00-\u9fff]{2})|近[五5]年(?:来|间)?|\d{4}年(?:底|末)?|到\d{4}年|力争|确保|预计|率先|推动|推进|持续|稳步|努力|加快|进一步|力促|争取|实现|达到|保持|分别|均|总计|合计|为|对(?![接外口标])|让|使|将|在)+/;
/**
 * Verbs of doing before what was counted (`打造`, `布局实施`, `建成`, `累计实施`): trimmed when a name of three or more
 * characters is left (累计 is the period's to say: a span).
 */
const ACTION_VERBS = new RegExp(
  `^(?:累计)?(?:(?:组织|大力|滚动|落地)(?:开展|实施)|(?:统筹|专门|每年)安排|谋划|着力|聚焦|争创|继续办好|办好|承办|打造|布局实施|布局|实施|部署|带动|筛选|参与|设立|举办|牵头建设|牵头|共建|获批|组建|出台|制定|推出|开展|支持|抓好|释放|盘活|建成|累计建成|提请|审议|办理|生产${NOT_A_PRODUCT}|帮助|完成|发放|兑现|开发(?!区)|改造|培育|认定)+(?:首批)?`,
);
/** Verbs a counted thing follows; what stands before them (who did it, where, what caused it) is not the thing's name. */
const DOING = '(?:共建|审议|减少|新建|新增|建设|建成|完成|实施|培育|认定|办理|提请|出台|制定|发放|开展|改造)';
const SCOPED = new RegExp(`^(${DOING})各类`);
/** `省产业技术研究院共建…`, `省属行政及企事业单位减少…`: the actor, an organisation, before its verb. */
const ACTOR = new RegExp(`^[\\u4e00-\\u9fff]{1,14}?(?:研究院|研究所|常委会(?:会议)?|委员会|政府|单位|部门|集团|公司)(?=${DOING})`);
/** `优先在边境地区、集体经济薄弱村新建…`: where it was done. */
const PLACE = new RegExp(`^(?:优先|重点|主要)?在[^,;]{2,20}?(?=${DOING})`);
/** `消费品以旧换新带动限上新能源汽车…`: the cause, before the verb that links it to what it moved. */
const CAUSE = /^[\u4e00-\u9fff]{2,}?(?:带动|拉动)(?=[\u4e00-\u9fff]{3})/;
/** `煤矿建成试运转、新增产能`: an earlier clause, complete with its verb, before the one that names the figure. */
const EARLIER_CLAUSE = /^[^、,]*(?:建成|完成|实现|开工|投运|投产)[^、,]*[、,](?=(?:新增|新建)[\u4e00-\u9fff]{2})/;
/** How work on a thing is going, after its name: `试点加快推进`, `产业园建设扎实推进`, `“一件事”上线运行`. */
const PROGRESS =
  '(?:建设)?(?:扎实|加快|稳步|有序|全面|深入|积极)(?:推进|实施|建设|落地|落实)|上线运行|落地落实|落地见效|全面铺开|高效运行|相继开通|投入使用或|(?:实现)?全覆盖';
const TRAILING = new RegExp(
  `(?:${PROGRESS}|[的,、和与]|(?<![惠涉普波遍])及|[等均]|(?:位居|位列|稳居|跃居|排名|保持|居)(?:全国|全球|世界|全省)?(?:首位|前列)?|(?:全国|全球|世界|全省)|连续\\d+年|连续|接连|迈上|跨越|跨上|跨过|连跨|稳居|稳|(?:稳定|保持|维持|控制)在|首次|双双|通达|分别|均|都|${CHANGE_BASIS}|比\\d{4}年|(?:19|20)\\d\\d年|年均|累计|实现|达到|保持|完成了?|共计|总计|合计|预计|已|了|为|是|约|占|再|又)+$`,
);
/** A subject, an increment of it and a list mark before its total: the subject is group 1. */
const STOCK_BEFORE_TOTAL = new RegExp(
  `^([^\\d]*?(?:${CLASS_THRESHOLD}[^\\d、,;]*?)?)(?:新增|新建|增加|新开通)?[\\d.]+[^、,;\\d]{0,6}[、,;](?:累计|总数|总量|共)?$`,
);
/** A starting figure or rank and all after it: `从2274.8万亿元增加到`, `从全国第11位跃升至`, `从每人每月2375元`. */
const FROM_START = new RegExp(`(?:从|由)(?:${START_TIME})?(?:全国|全球|世界|全省)?${PER_HEAD}?第?[\\d.].*$`);
const MERGED = new RegExp(`^.*?将(?:.*\\d(?:\\.\\d+)?[个支家所户项条座处])?([\\u4e00-\\u9fff]{2,}?)${MERGER_VERB}.*$`);
const MERGED_INTO_TAIL = new RegExp(`${MERGER_VERB}.*$`);
/** A part's share of the whole written before 中: the whole ends as an amount or a sector does (not 科技型`中`小企业). */
/** Measures a whole is written in (`财政支出`, `出口`), which a part of it shares when it names none. */
const WHOLE_MEASURE = '(?:支出|收入|投资|贷款|出口|进口|产值|增加值|营收)';
/** A part that names its own measure (`制造业增加值`, `研发投入`, `企业数`). */
const WHOLE_MEASURE_END = new RegExp(`${WHOLE_MEASURE}$`);
const MEASURED_PART = new RegExp(`(?:${WHOLE_MEASURE}|投入|额|量|数)$`);
const SHARE_WITHIN = new RegExp(`^(.{0,10}?(?:${WHOLE_MEASURE}|工业))中(.{2,}?)(?:占比|比重)$`);
/** Quoted names keep their words but lose their marks. */
const MARKS = /[“”‘’《》"'()（）【】]/g;
const MAX_NAME = 22;
/** A part's share of a whole, both named: `工业税收占全部税收比重`. */
const SHARE_OF_WHOLE = /^([\u4e00-\u9fffA-Za-z0-9]{2,}?)占([\u4e00-\u9fffA-Za-z0-9]{2,}?)的?(?:比重|比例)$/;
/** Wholes that are the area's total, which parts already name (`占全国比重`, share of national total). */
const AREA_WHOLE = /^(?:全国|全省|全市|全区|全球|世界|全疆)$/;
const MIN_HAN = 2;

export class MetricProposer {
  private readonly parts: Part[];
  /** The part 收入 is read as after people (`农民收入`): income, never revenue. */
  private readonly income: Part | undefined;
  private readonly taken: ReadonlySet<string>;
  private readonly byName = new Map<string, ProposedMetric>();
  private readonly byKey = new Map<string, string>();

  constructor(localisation: Localisation) {
    const { zh, en } = localisation.lexicons;
    const parts: Part[] = [];
    const zhParts = zh.namespace('metricParts') as Record<string, string>;
    const enParts = en.namespace('metricParts') as Record<string, string>;
    for (const [key, words] of Object.entries(zhParts)) {
      for (const word of words.split('|')) if (word && enParts[key]) parts.push({ zh: word, key, en: enParts[key] as string });
    }
    // Whole glossary names are parts too: 规模以上工业增加值 inside a longer subject keeps its English.
    const zhMetrics = zh.namespace('metrics') as Record<string, unknown>;
    const enMetrics = en.namespace('metrics') as Record<string, unknown>;
    for (const key of localisation.glossary.list('metric')) {
      const name = zhMetrics[key];
      const english = enMetrics[key];
      if (typeof name === 'string' && typeof english === 'string' && name.length >= 2 && !/[“”()（）]/.test(name))
        parts.push({ zh: name, key, en: lowerFirst(english) });
    }
    this.parts = parts.sort((a, b) => b.zh.length - a.zh.length);
    this.income = parts.find((p) => p.key === 'income' && p.zh === '收入');
    this.taken = new Set(localisation.glossary.list('metric'));
  }

  /**
   * The metric a subject proposes; undefined when there is no name to propose (fewer than two
   * Chinese characters once time, region and discourse words are gone).
   */
  propose(subject: string): ProposedMetric | undefined {
    const zh = nameOf(subject);
    return zh === undefined ? undefined : this.named(zh);
  }

  /** The proposal for a name already trimmed (`规模以上工业增加值增速全国位次`). */
  named(zh: string): ProposedMetric {
    const known = this.byName.get(zh);
    if (known) return known;
    const drafted = this.shareOfWhole(zh) ?? this.drafted(zh);
    const en = drafted.en !== undefined ? capitalise(drafted.en) : `${UNTRANSLATED} ${zh}`;
    const base = drafted.key;
    let key = base;
    // Two different names must not share a key, nor take one the glossary already has.
    for (let n = 2; this.taken.has(key) || (this.byKey.has(key) && this.byKey.get(key) !== zh); n++) key = `${base}_${n}`;
    const proposed = { key, zh, en };
    this.byName.set(zh, proposed);
    this.byKey.set(key, zh);
    return proposed;
  }

  /**
   * English and key from the parts; no English unless the parts cover the name whole and one of them is a noun (a
   * measure alone, `{{x}}总量`, or a modifier, `重点建设`, names nothing).
   */
  private drafted(zh: string): { en: string | undefined; key: string } {
    const segments = this.incomeOfPeople(this.segment(zh));
    const composed =
      segments.every((segment) => typeof segment !== 'string') &&
      segments.some((segment) => typeof segment !== 'string' && !segment.en.includes('{{x}}') && !MODIFIERS.has(segment.key));
    return composed ? { en: compose(segments), key: keyOf(segments) } : { en: undefined, key: pinyinKey(segments) };
  }

  /**
   * `基础研究支出占全社会研发投入比重`: a part's share of a whole the name states, both drafted from the parts
   * (basic research spending as a share of total R&D spending). Undefined unless both are; a share of 全国 or 全省
   * has parts of its own (`…, share of national total`).
   */
  private shareOfWhole(zh: string): { en: string | undefined; key: string } | undefined {
    const match = SHARE_OF_WHOLE.exec(zh);
    if (!match || AREA_WHOLE.test(match[2] as string)) return undefined;
    // 全部税收, 全社会研发投入: all of it, society-wide: the total.
    const all = /^(?:全部|全社会|全口径)/.exec(match[2] as string)?.[0] ?? '';
    const [part, whole] = [this.drafted(match[1] as string), this.drafted((match[2] as string).slice(all.length))];
    if (part.en === undefined || whole.en === undefined) return undefined;
    const of = `${all ? 'total ' : ''}${lowerFirst(whole.en)}`;
    return { en: `${part.en} as a share of ${of}`, key: boundedKey(`${part.key}_share_of_${whole.key}`) };
  }

  /** 收入 of people is their income (`农民收入`), of firms their revenue (`企业收入`): in the key and in English. */
  private incomeOfPeople(segments: Array<Part | string>): Array<Part | string> {
    const { income } = this;
    return segments.map((segment, at) => {
      const before = segments[at - 1];
      const person = typeof before !== 'string' && before !== undefined && HOLDERS.get(before.key) === 'person';
      return income && person && typeof segment !== 'string' && segment.key === 'revenue' && segment.zh === '收入' ? income : segment;
    });
  }

  /** Longest parts first, left to right; what no part covers becomes a segment of its own. */
  private segment(name: string): Array<Part | string> {
    const segments: Array<Part | string> = [];
    let loose = '';
    for (let at = 0; at < name.length; ) {
      const part = this.parts.find((p) => name.startsWith(p.zh, at));
      if (part) {
        if (loose) segments.push(loose);
        loose = '';
        segments.push(part);
        at += part.zh.length;
      } else {
        loose += name[at];
        at++;
      }
    }
    if (loose) segments.push(loose);
    return segments;
  }
}

/**
 * The stock a total after an increment names (`通用机场增加11个、`达到25个, `新建绿道137公里、累计`达到2136公里):
 * the subject of the increment, without its verb; undefined when the words are not such a pair.
 */
export function stockOf(subject: string): string | undefined {
  const stock = STOCK_BEFORE_TOTAL.exec(subject)?.[1]?.replace(INCREMENT, '');
  return stock === undefined ? undefined : nameOf(stock);
}

/** The name a subject gives: quote marks dropped, region/time/discourse words trimmed, the last few words kept. */
export function nameOf(subject: string): string | undefined {
  // `食品、石化、医药等重点产业增加值占比`: the examples before 等 are not the name.
  // `县（市、区）`: a bracketed list is one word, not items of a list.
  let name = subject
    .replace(/[（(][^（()）]{0,8}[)）]/g, (group) => group.replace(/、/g, ''))
    .replace(MARKS, '')
    .replace(/^.*[^\u4e00-\u9fff]?等(?=[\u4e00-\u9fff]{2})/, '');
  // `实有企业较“十三五”期末`: what a figure is compared with is not part of its name.
  name = name.replace(/(?:较|比|高于|快于|优于)(?:十[一二三四五六七八九]?五(?:时期|期末|末|期间)?|上年|\d{4}年|全国).*$/, '');
  // `棉花产量连续4年占全国`: how many years running is the period's to say, not part of the name.
  name = name.replace(/连续(?:\d{1,2}|[两三四五六七八九十])年/g, '');
  // `在第12届世界运动会上金牌贡献率`: an edition's ordinal is not part of the name.
  name = name.replace(/^.*第\d+[届次期轮]/, '');
  // `从2274.8万亿元增加到`: the starting figure is not part of the name; nor is an earlier figure's list item.
  // `肉牛屠宰加工量从全国第11位跃升至`: nor is the starting rank.
  name = name.replace(FROM_START, '');
  // `重点园区2025年营业收入`: the year a figure is for is the period's to say, not part of the name.
  name = name.replace(/(?<=[\u4e00-\u9fff])(?:19|20)\d\d年(?:度|末|底)?(?=[\u4e00-\u9fff])/g, '');
  // `将8个公司运营的16支省级政府投资基金整合为产业、科创`2支: what was merged, named after its starting figure and before
  // the verb of the merger (省级政府投资基金).
  name = name.replace(MERGED, '$1').replace(MERGED_INTO_TAIL, '');
  // `粮食产量占全国`9成: a share of a whole is named as the glossary names them, `…占全国比重`.
  name = name.replace(/^(.{2,}?)占(全国|全省|全球|全市|世界)的?$/, '$1占$2比重');
  // `财政支出中民生占比`, `工业中战略性新兴产业占比`: the part's share of the whole it is written in, `…占…比重`.
  // The part is of the whole's measure when it names none (`财政支出中民生占比`: 民生支出).
  name = name.replace(SHARE_WITHIN, (_, whole: string, part: string) => {
    const measure = WHOLE_MEASURE_END.exec(whole)?.[0] ?? '';
    return `${MEASURED_PART.test(part) ? part : part + measure}占${whole}比重`;
  });
  if (/\d/.test(name)) name = name.replace(/^.*\d[^、,;]*[、,;]/, '');
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(LEADING, '').replace(TRAILING, '').replace(ACTOR, '').replace(PLACE, '').replace(CAUSE, '').replace(EARLIER_CLAUSE, '');
    const acted = name.replace(ACTION_VERBS, '');
    if (acted.length >= 3) name = acted;
    // `新建各类棚室`: a word of scope after the verb is not part of the name.
    name = name.replace(SCOPED, '$1');
  }
  // `科技成果转化企业新增`: an increment is named as the glossary names them, 新增 first.
  if (/^[\u4e00-\u9fff]{2,}新增$/.test(name)) name = `新增${name.slice(0, -2)}`;
  if (name.length > MAX_NAME) {
    // The words nearest the figure name it; start at a word boundary if one is near.
    const cut = name.length - MAX_NAME;
    const boundary = name.slice(cut).search(/[的和及与、]/);
    name = boundary >= 0 && boundary < 8 ? name.slice(cut + boundary + 1) : name.slice(cut);
    name = name.replace(LEADING, '');
  }
  const han = name.replace(/[^\u4e00-\u9fff]/g, '').length;
  // A figure left in the words (`年均增长5.7%`) means they are the previous figure's, not a name;
  // a generation or format (`5G工厂`, `4K`, `3D打印`) is a word. So is a top share of a ranking (`ESI全球排名前1%的学科`).
  const words = name.replace(TOP_SHARE, '前').replace(NUMBERED_WORDS, '');
  return han >= MIN_HAN && !/[。!?;\n%‰]|\d[\u4e00-\u9fff%‰]|^\d(?![GDK])/.test(words) ? name : undefined;
}

/** Numbers that are words of a name, not figures: `世界500强`, `65岁及以上`, `3岁以下`, `2型糖尿病`, `每10万人`, `12345热线`. */
const NUMBERED_WORDS = new RegExp(
  `\\d+(?:强|岁(?:及以上|以上|以下)?|型(?=[\\u4e00-\\u9fff]))|${PER_POPULATION}|${CLASS_THRESHOLD}(?=[\\u4e00-\\u9fff])|${SPECIFICATION}|12345(?=热线)`,
  'g',
);

function compose(segments: ReadonlyArray<Part | string>): string {
  const wrappers: Array<{ english: string; participle: string | undefined; key?: string }> = [];
  let words = '';
  let last: string | undefined; // the key of the last noun part the words end with
  let done: string | undefined; // the participle the words end with (`rural roads built`)
  for (const segment of segments) {
    const english = typeof segment === 'string' ? segment : segment.en;
    const participle = typeof segment === 'string' ? undefined : participleOf(segment);
    if (!english.includes('{{x}}')) {
      // A noun before another noun qualifies it, singular: enterprise tax and fee cuts; key and major go first
      // (key port projects, not "port key projects").
      if (words && last !== undefined) words = attributive(words);
      const graded = words && last !== undefined ? GRADED.exec(english) : null;
      const grade = words && last !== undefined && typeof segment !== 'string' && GRADES.has(segment.key);
      words = grade
        ? `${english} ${words}`
        : graded
          ? `${graded[1]} ${words} ${english.slice(graded[0].length)}`
          : words
            ? `${words}${joiner(words, english)}${english}`
            : english;
      last = typeof segment === 'string' ? undefined : segment.key;
      done = undefined;
    } else if (words === '') {
      // `建设改造农村公路`: two things done to one noun are one phrase (rural roads built and upgraded).
      const before = wrappers[wrappers.length - 1]?.participle;
      if (participle && before) wrappers[wrappers.length - 1] = { english: `{{x}} ${both(before, participle)}`, participle: both(before, participle) };
      else wrappers.push({ english, participle, ...(typeof segment !== 'string' && { key: segment.key }) });
    } else if (participle && done) {
      // `重点项目建成投产`: key projects built and completed, not "built completed".
      words = `${words.slice(0, -done.length)}${both(done, participle)}`;
      done = both(done, participle);
    } else {
      const measure = typeof segment === 'string' ? undefined : segment.key;
      const wrapper = measuredOf(held(english, measure, last), measure, words);
      // `锂电池出口`: a noun the measure is written after qualifies it, singular (lithium battery exports).
      if (!participle && last !== undefined && NOUN_AFTER.test(wrapper) && !/ and /.test(words)) words = attributive(words);
      words = wrapper.replace('{{x}}', words);
      last = undefined;
      done = participle;
    }
  }
  // A noun kept singular to stand before another (`new-energy vehicle` sales) names the things themselves when last.
  if (last !== undefined && COUNTED_SINGULAR.has(last)) words = `${words}s`;
  for (const { english: wrapper, key } of wrappers.reverse()) {
    // A rate per head counts what it is a rate of: beds per 1,000 people, not "number of beds per 1,000 people".
    if (key !== undefined && PER_HEAD_PARTS.has(key)) words = words.replace(/^number of /, '');
    words = words ? wrapper.replace('{{x}}', words) : wrapper.replace(/\s*\{\{x\}\}\s*/, ' ').trim();
  }
  // `入选国家领航级智能工厂`: a participle with nothing after its preposition ends the name without it.
  return words
    .replace(/\s+/g, ' ')
    .replace(/ ,/g, ',')
    .trim()
    .replace(/ (?:for|in|into|to|on)$/, '');
}

/** A measure written as a noun after what it measures (`{{x}} exports`), not a phrase that follows a noun (`{{x}} above designated size`). */
const NOUN_AFTER =
  /^\{\{x\}\} (?!(?:above|below|in|of|per|for|with|at|from|by|under|over|and|built|put|run|spent|held|won|made|set|sold|grown|done|taken|given|chosen|brought|kept|met|paid)\b|[a-z]+(?:ed|ing)\b)[a-z]/;

/** What a part says was done to what it follows (`{{x}} built` → built); undefined for a measure or a prefix. */
function participleOf(part: Part): string | undefined {
  return PARTICIPLES.has(part.key) && part.en.startsWith('{{x}} ') ? part.en.slice('{{x}} '.length) : undefined;
}

/** Two things done, once each: built and upgraded; built, built → built. */
function both(first: string, second: string): string {
  return first === second || first.includes(second) ? first : `${first} and ${second}`;
}

/** A grade a compound noun opens with (`key projects`, `major projects`), written before the nouns that qualify it. */
const GRADED = /^(key|major) /;
/** Grades written alone (`港口重点项目`: 重点): before the nouns that qualify what they grade, too (key port projects). */
const GRADES: ReadonlySet<string> = new Set(['key', 'major', 'leading']);

/** Heads of population a rate is counted per. */
const PER_HEAD_PARTS: ReadonlySet<string> = new Set(['per_1000_people', 'per_10000_people']);

/** Countable parts written in the singular because they mostly qualify another noun (vehicle sales). */
const COUNTED_SINGULAR: ReadonlySet<string> = new Set(['nev', 'vehicle', 'hydrogen_vehicle']);

/** Parts that say what was done to a thing: they join when two follow one noun. */
const PARTICIPLES: ReadonlySet<string> = new Set(partRoles.participles);

/** People and firms whose money a measure counts: `农民收入` is farmers’ income, `企业利润` enterprises’ profits. */
const HOLDERS: ReadonlyMap<string, 'person' | 'firm'> = new Map([
  ['resident', 'person'],
  ['farmer', 'person'],
  ['worker', 'person'],
  ['graduate', 'person'],
  ['household', 'person'],
  ['enterprise', 'firm'],
]);
/** Measures of what a holder earns or spends. */
const HOLDINGS: ReadonlySet<string> = new Set(['income', 'per_capita_income', 'revenue', 'profit']);

/** A holder’s money is theirs: farmers’ income; of firms, it is written after (profits of enterprises). */
function held(wrapper: string, measure: string | undefined, holder: string | undefined): string {
  const kind = holder === undefined ? undefined : HOLDERS.get(holder);
  if (!kind || measure === undefined || !HOLDINGS.has(measure)) return wrapper;
  return kind === 'person' ? wrapper.replace('{{x}} ', '{{x}}’ ') : wrapper.replace(/^\{\{x\}\} (.+)$/, '$1 of {{x}}');
}

/**
 * What a measure measures, written after it when that is a plural noun: the output value of strategic emerging
 * industries, the length of rural roads, investment in major projects (not "major projects investment").
 */
function measuredOf(wrapper: string, measure: string | undefined, words: string): string {
  const preposition = measure === undefined ? undefined : MEASURED_OF.get(measure);
  const last = /([A-Za-z]+)$/.exec(words)?.[1];
  if (!preposition || !last || !isPlural(last)) return wrapper;
  return wrapper.replace(/^\{\{x\}\} (.+)$/, `$1 ${preposition} {{x}}`);
}
/** The last word of a noun phrase as a modifier: a regular plural loses its -s (industries → industry, ports → port). */
function attributive(words: string): string {
  // `patients with hypertension or type 2 diabetes`: after with or of the last word is not the head; leave it.
  if (/\b(?:with|of)\b [^,]*$/.test(words)) return words;
  return words.replace(/([A-Za-z]+)$/, (word) => {
    if (!isPlural(word)) return word;
    // industries → industry, businesses → business, branches → branch, ports → port
    if (/ies$/i.test(word)) return `${word.slice(0, -3)}y`;
    return /(?:ss|sh|ch|x|z)es$/i.test(word) ? word.slice(0, -2) : word.slice(0, -1);
  });
}

/** A regular English plural (ports, industries), not a word that only ends in -s (gas, campus, services). */
function isPlural(word: string): boolean {
  const lower = word.toLowerCase();
  return /[^su]s$/.test(lower) && !MASS_NOUNS.has(lower);
}

/** Measures written before what they measure, and the word that joins them. */
const MEASURED_OF: ReadonlyMap<string, string> = new Map([
  ['output_value', 'of'],
  ['value_added', 'of'],
  ['revenue', 'of'],
  ['total_revenue', 'of'],
  ['profit', 'of'],
  ['length', 'of'],
  ['area', 'of'],
  ['capacity', 'of'],
  ['installed', 'of'],
  ['investment', 'in'],
  ['output', 'of'],
  ['sales', 'of'],
  ['retail', 'of'],
]);
/** Words in -s that stay so before another noun and are no plural of what is measured (services revenue, new materials industry, overseas). */
const MASS_NOUNS: ReadonlySet<string> = new Set([
  'gas',
  'services',
  'logistics',
  'goods',
  'electronics',
  'petrochemicals',
  'chemicals',
  'materials',
  'disabilities',
  'overseas',
  'sports',
  'affairs',
  'sales',
  'exports',
  'imports',
  'ms',
]);

/** English words take a space; Chinese left untranslated runs on. */
function joiner(before: string, next: string): string {
  return /[\u4e00-\u9fff]$/.test(before) && /^[\u4e00-\u9fff]/.test(next) ? '' : ' ';
}

function keyOf(segments: ReadonlyArray<Part | string>): string {
  const words = segments.map((segment) => (typeof segment === 'string' ? romanise(segment) : segment.key)).filter((w) => w !== '');
  const key = words
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  return /^[a-z]/.test(key) ? boundedKey(key) : `m_${boundedKey(key) || 'metric'}`;
}

/** A key of at most 60 characters, never ending in `_`. */
function boundedKey(key: string): string {
  return key.slice(0, MAX_KEY_LENGTH).replace(/_$/, '');
}
const MAX_KEY_LENGTH = 60;

/** Parts that only qualify a noun (national-level, key, major): a name of these alone has no head to qualify. */
const MODIFIERS: ReadonlySet<string> = new Set(partRoles.modifiers);

/** Marks a draft English name the parts could not compose: the editor writes it. */
export const UNTRANSLATED = '[to translate]';
const MAX_KEY_WORDS = 5;

/** `zhulao_canting`: the name in pinyin, a word per part and per two characters of the rest; the last words when long. */
function pinyinKey(segments: ReadonlyArray<Part | string>): string {
  const words: string[] = [];
  for (const segment of segments) {
    const zh = typeof segment === 'string' ? segment.replace(/[^\u4e00-\u9fffA-Za-z0-9]/g, '') : segment.zh;
    if (typeof segment !== 'string') words.push(romanise(zh));
    // Digits and letters are a word of their own (`每10万人` → 10_wanren, `5G工厂` → 5g_gongchang), never half a pair.
    else
      for (const run of zh.split(/([0-9A-Za-z]+)/))
        if (/^[0-9A-Za-z]+$/.test(run)) words.push(run);
        else for (let at = 0; at < run.length; at += 2) words.push(romanise(run.slice(at, at + 2)));
  }
  const key = words
    .filter((w) => w !== '')
    .slice(-MAX_KEY_WORDS)
    .join('_')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  return /^[a-z]/.test(key) ? key : `m_${key || 'metric'}`;
}

function romanise(text: string): string {
  return (pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[]).join('');
}

/** Glossary names start with a capital; inside a longer name they do not (acronyms stay). */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}
