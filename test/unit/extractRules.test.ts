import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DecodeError, decodeReport } from '../../lambdas/core/extract/decode';
import { type ExtractedStatement, extractDraft } from '../../lambdas/core/extract/extractDraft';
import { RegionError } from '../../lambdas/core/extract/region';
import { compactText } from '../../lambdas/core/extract/text';
import { planYears } from '../../lambdas/core/extract/periods';
import { chineseVocabulary, readUnit } from '../../lambdas/core/quantity/parseChinese';
import type { Localisation } from '../../lambdas/core/i18n/localisation';
import { validateBriefing } from '../../lambdas/core/model/validate';
import { runCli } from '../helpers/cli';
import { gb18030 } from '../helpers/encodings';
import { PROJECT_ROOT, projectLocalisation } from '../helpers/lexicons';

let localisation: Localisation;
let work: string;
beforeAll(async () => {
  localisation = await projectLocalisation();
  work = mkdtempSync(join(tmpdir(), 'briefings-extract-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const extract = (text: string, region = 'chengdu') => extractDraft(text, { localisation, region, fallbackYear: 2026 });
/** What the extractor read, in a compact form: value, unit (or ?word), kind, qualifier. */
const reading = (s: ExtractedStatement) => [s.value, s.unit ?? `?${s.unitWord}`, s.kind, s.qualifier];
const read = (text: string) => extract(text).statements.map(reading);

describe('figures in running text', () => {
  it.each<[string, unknown[]]>([
    ['地区生产总值超2.2万亿元。', [2.2, 'yuan_1e12', 'level', 'over']],
    ['外贸进出口总额7489.8亿元。', [7489.8, 'yuan_1e8', 'level', 'exact']],
    ['城镇新增就业31.1万人。', [31.1, 'person_1e4', 'count', 'exact']],
    ['接待游客2.8亿人次。', [2.8, 'visit_1e8', 'level', 'exact']],
    ['规模以上工业增加值增长7%。', [7, 'percent', 'growth', 'exact']],
    ['生产安全事故起数下降14.5%。', [-14.5, 'percent', 'growth', 'exact']],
    ['居民消费价格比上年上涨0.3%。', [0.3, 'percent', 'growth', 'exact']],
    ['居民消费价格涨幅2%左右。', [2, 'percent', 'growth', 'about']],
    ['城镇化率比上年末提高0.9个百分点。', [0.9, 'points', 'growth', 'exact']],
    ['增速比全国高0.5个百分点。', [0.5, 'points', 'growth', 'exact']],
    ['新能源装机突破50吉瓦。', [50, 'gw', 'level', 'over']],
    ['工业机器人产量2.5万台。', [2.5, 'item_tai_1e4', 'count', 'exact']],
    ['造船完工300艘。', [300, 'item_sou', 'count', 'exact']],
    ['办好10类民生实事。', [10, '?类', 'count', 'exact']],
    ['开展执法检查1.2万次。', [1.2, 'item_ci_1e4', 'count', 'exact']],
    ['起降航班12万架次。', [12, 'flight_1e4', 'count', 'exact']],
    ['城乡低保标准提高到801元/月。', [801, 'yuan_per_month', 'level', 'exact']],
    ['推动80家融资平台有序退出。', [80, 'company', 'count', 'exact']],
    ['地区生产总值增长5～6%。', [5, 'percent', 'growth', 'exact']],
    ['居民消费价格涨幅3%上下。', [3, 'percent', 'growth', 'about']],
    ['带动300家上下游企业。', [300, 'company', 'count', 'exact']],
    ['企业利润翻了一番。', [100, 'percent', 'growth', 'exact']],
    ['单位能耗下降1-2个百分点。', [-2, 'points', 'growth', 'exact']],
    ['储能电站规模达到12吉瓦时。', [12, 'gwh', 'level', 'reached']],
    ['失业率比上年低0.3个百分点。', [-0.3, 'points', 'growth', 'exact']],
    ['高新技术产业营收增长1.4倍。', [1.4, 'times', 'growth', 'exact']],
    ['基本养老保险参保率提高至95.9%。', [95.9, 'percent', 'share', 'exact']],
    ['园区规模以上工业企业占全市的86%。', [86, 'percent', 'share', 'exact']],
    ['城乡居民人均可支配收入比缩小至1.76:1。', [1.76, 'ratio', 'ratio', 'exact']],
    ['城乡居民人均可支配收入比缩小至1.76：1。', [1.76, 'ratio', 'ratio', 'exact']],
    ['无人机飞行架次居副省级城市第2位。', [2, 'ordinal', 'rank', 'exact']],
    ['12345热线受理群众企业诉求近800万件。', [800, 'item_jian_1e4', 'count', 'nearly']],
    ['5.5万名党员干部下沉一线。', [5.5, 'person_1e4', 'count', 'exact']],
    ['2万余名志愿者活跃在服务点位。', [2, 'volunteer_1e4', 'count', 'more_than']],
    ['育儿补贴惠及86万名婴幼儿。', [86, 'infant_1e4', 'count', 'exact']],
    ['两院院士增至41位。', [41, 'person', 'count', 'exact']],
    ['为3.5万名残疾人提供康复服务。', [3.5, 'disabled_person_1e4', 'count', 'exact']],
    ['3000多名党员干部下沉一线。', [3000, 'person', 'count', 'more_than']],
    ['兑现惠企资金突破140亿元。', [140, 'yuan_1e8', 'level', 'over']],
    ['生活垃圾资源化利用率达85%。', [85, 'percent', 'share', 'reached']],
    ['工业固体废物综合利用率提高到92%。', [92, 'percent', 'share', 'exact']],
    ['生活垃圾资源化利用率达到85%。', [85, 'percent', 'share', 'reached']],
    ['民营经营主体增至394万户。', [394, 'item_hu_1e4', 'count', 'exact']],
    ['城镇调查失业率控制在5.2%以内。', [5.2, 'percent', 'share', 'under']],
    ['改造提升路灯6.6万盏。', [6.6, '?万盏', 'count', 'exact']],
    ['清理政策文件72份。', [72, 'item_fen', 'count', 'exact']],
    ['科学应对19轮强降雨。', [19, 'item_lun', 'count', 'exact']],
    // A rate's denominator is a unit or a period, never the words after it.
    ['建成150亿方/年天然气产能。', [150, '?亿方/年', 'level', 'exact']],
    ['人均公园绿地面积15平方米/人。', [15, '?平方米/人', 'level', 'exact']],
    // Medals counted by their metal: `9金、5银、6铜` is three statements (铜产量1.2万吨 stays tonnes of copper).
    ['贡献9金。', [9, '?金', 'count', 'exact']],
    ['居民消费价格指数控制在 103左右。', [103, 'index_prev100', 'level', 'about']],
    ['休闲农业实现营业收入 445 亿元。', [445, 'yuan_1e8', 'level', 'exact']],
    ['新增城市绿地１８３３万平方米。', [1833, 'square_metre_1e4', 'level', 'exact']],
    // 家 takes its unit from the noun it counts: after the figure, else before it.
    ['牵头建设44家全国重点实验室。', [44, 'institution', 'count', 'exact']],
    ['新认定省级企业技术中心45家。', [45, 'institution', 'count', 'exact']],
    ['引进首店1809家。', [1809, 'store', 'count', 'exact']],
    ['带动上下游企业1000家。', [1000, 'company', 'count', 'exact']],
    // 人次 takes its unit from what it counts: passengers carried, people a programme reached, else visitors.
    ['机场旅客吞吐量突破9000万人次。', [9000, 'passenger_trip_1e4', 'level', 'over']],
    ['航空旅客吞吐量连续3年实现千万级台阶跨越、成为国内第3个突破9000万人次的城市。', [9000, 'passenger_trip_1e4', 'level', 'over']],
    ['开展补贴性职业技能培训28.69万人次。', [28.69, 'person_time_1e4', 'level', 'exact']],
    ['劳动力实现转移就业112万人次。', [112, 'person_time_1e4', 'level', 'exact']],
    ['农村劳动力外出务工1610万人次。', [1610, 'person_time_1e4', 'level', 'exact']],
    ['接待入境游客150万人次，增长35.2%。', [150, 'visit_1e4', 'level', 'exact']],
    ['公共体育场馆免费、低收费开放539万人次。', [539, 'visit_1e4', 'level', 'exact']],
    ['全年演出观演超300万人次。', [300, 'visit_1e4', 'level', 'over']],
    // Comparisons in points, falls written as cuts, doublings, scale words standing for their number.
    ['一产增加值增幅高于全国0.7个百分点。', [0.7, 'points', 'growth', 'exact']],
    ['水体比例优于国家考核目标14.6个百分点。', [14.6, 'points', 'growth', 'over']],
    ['省级一般性支出压减22.3%。', [-22.3, 'percent', 'growth', 'exact']],
    ['CPI微降0.1%。', [-0.1, 'percent', 'growth', 'exact']],
    ['居民消费价格总水平上涨幅度控制在2%左右。', [2, 'percent', 'growth', 'about']],
    ['城乡居民基础养老金最低标准调增11.8%。', [11.8, 'percent', 'growth', 'exact']],
    ['营业收入较“十三五”末期翻一番。', [100, 'percent', 'growth', 'exact']],
    ['新增减税降费超万亿元。', [1, 'yuan_1e12', 'level', 'over']],
    ['带动上下游千余家企业。', [1000, 'company', 'count', 'more_than']],
    ['粮食总产量达到871.6亿斤。', [871.6, 'jin_1e8', 'level', 'reached']],
    ['新增产能3095万吨/年。', [3095, 'tonne_per_year_1e4', 'level', 'exact']],
    // Fractions as shares: the numerator is the value, `/denominator` the unit (fraction_overN for the denominators the glossary names).
    ['茶叶产量占全省1/5。', [1, 'fraction_over5', 'share', 'exact']],
    ['粮食播种面积约占全国增量的1/12，位居前列。', [1, 'fraction_over12', 'share', 'exact']],
    ['技术合同成交额占比超过2/5。', [2, 'fraction_over5', 'share', 'over']],
    // A scale word alone stands for one of it; a money total by its size class is about one of it.
    ['海洋经济总量突破万亿。', [1, '?万亿', 'level', 'over']],
    ['全省财政收入达万亿级规模。', [1, 'yuan_1e12', 'level', 'about']],
    ['数字经济营收达到千亿级规模，', [1000, 'yuan_1e8', 'level', 'about']],
    ['人口出生率为6.39‰，', [6.39, 'permille', 'share', 'exact']],
    ['城乡居民收入比缩小到1.5∶1。', [1.5, 'ratio', 'ratio', 'exact']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual([expected]);
  });

  it('reads a figure split by the newspaper layout, and quotes it as written', () => {
    // Lines of a fixed width, broken mid-phrase; a short line ending in 。 ends its paragraph.
    // The filler ends its clause, so it is no part of the name.
    const text = `${'先'.repeat(22)}\n${'进'.repeat(13)}，新能源汽车保有量\n63.3万辆，城市公交扩大至14个区。\n${'展'.repeat(22)}\n`;
    const statements = extract(text).statements;
    expect(statements.map(reading)).toEqual([
      [63.3, 'vehicle_1e4', 'count', 'exact'],
      [14, 'item', 'count', 'exact'],
    ]);
    expect(statements[0]?.quote).toBe('新能源汽车保有量\n63.3万辆');
  });

  it.each([
    ['dates and years', '2024年2月24日，在2023年基础上，超过2019年水平。'],
    ['streaks and ordinals in names', '连续3年获评，连续12届创建，第12届世界运动会，装备制造成为全市第2个万亿级产业，轨道交通10号线三期。'],
    ['policies named by their articles, versions', '出台优化营商环境70条措施，实施营商环境政策体系6.0版本。'],
    ['the size of a plan’s set of targets', '围绕经济发展提出6项指标，规划共设置26项指标，细化提出25项主要指标。'],
    ['numbers in quoted names, slogans and titles', '轨道交通“800米覆盖通勤比”表现突出，实现“300米见绿、500米见园”，电影《哪吒2》上映。'],
    ['codes', 'PM2.5浓度改善，建设5G网络，引入O2O模式，推进S12线。'],
    ['ages as attributes, ranges', '为60岁以上老年人购买保险，完善0-3岁婴幼儿照护。'],
    ['list and section numbers', '**1** 聚焦提振信心。\n1.“一干多支”：释义。\n'],
    ['Chinese numerals and numbers without a measure word', '细化六个大类指标，2100多万市民。'],
    ['class words and stretches of time', '打造万亿级产业，近3年持续向好，经过5年多时间努力。'],
    ['a step, not a counter', '地区生产总值迈上5万亿台阶。'],
    ['time spent', '用13年时间基本实现现代化，力争用3至5年时间建成一批项目。'],
    ['the top share of a ranking', '营商环境评价进入全国前10%。'],
    ['rank moves without a position', '发展绩效排名上升10位。'],
    ['technical specifications', '形成500千伏“立体双环”架构，国内首条第8.6代AMOLED生产线。'],
  ])('%s are not figures', (_what, text) => {
    expect(read(text)).toEqual([]);
  });

  it('reads time saved as days, and a share after 此前 as a share (only a ranking has a top share)', () => {
    expect(read('为企业节省3天时间。')).toEqual([[3, 'day', 'count', 'exact']]);
    expect(read('占比由改革前12%提高到20%。').map((r) => r[0])).toEqual([12, 20]);
  });

  it('reads the count of a class named by a top share (ESI前1%学科), the share kept in its name', () => {
    const [statement, ...rest] = extract('ESI全球排名前1%的学科数量达到30个。').statements;
    expect(rest).toEqual([]);
    expect(reading(statement!)).toEqual([30, 'item', 'count', 'reached']);
    expect(statement?.quote).toBe('ESI全球排名前1%的学科数量达到30个');
    expect(statement?.proposed?.zh).toBe('ESI全球排名前1%的学科数量');
  });

  it('a fraction (in digits or words) is a share only when proper and written alone: never 5/4, a date or a code', () => {
    expect(read('家庭农场占比超过1/3、2/5。')).toEqual([
      [1, 'fraction_over3', 'share', 'over'],
      [2, 'fraction_over5', 'share', 'over'],
    ]);
    expect(read('粮食产量占全国三分之一，超过四分之一的企业上云。')).toEqual([
      [1, 'fraction_over3', 'share', 'exact'],
      [1, 'fraction_over4', 'share', 'over'],
    ]);
    // A denominator the glossary names no unit for stays a unit word, for the editor.
    expect(read('产量占全国的1/7。')).toEqual([[1, '?/7', 'share', 'exact']]);
    expect(read('完成度为5/4。')).toEqual([]);
    expect(read('截至1/10/2025。')).toEqual([]);
    expect(read('规格为1/2.5英寸。')).toEqual([]);
  });

  it('tenths (成) in digits or words: a share, never a change (as the figure grammar has it) nor 成 starting another word', () => {
    expect(read('数字经济占比超过四成。')).toEqual([[4, 'tenth', 'share', 'over']]);
    expect(read('新能源汽车产量增长三成。')).toEqual([]);
    expect(read('民营经济贡献超6成。')).toEqual([[6, 'tenth', 'share', 'over']]);
    expect(read('一成不变，5成员单位参与。')).toEqual([]);
  });

  it('hours and minutes are a figure only as the predicate ending its clause, never a radius of time in a name', () => {
    expect(read('船舶平均待泊时间同比减少8.9小时，通关时间压缩到20小时以内，急救反应时间缩短到12分钟。')).toEqual([
      [8.9, 'hour', 'level', 'exact'],
      [20, 'hour', 'level', 'under'],
      [12, 'minute', 'level', 'exact'],
    ]);
    expect(read('构建1小时通勤圈，提升15分钟健身圈，落地240小时过境免签政策，每天24小时提供服务。')).toEqual([]);
  });

  it('a round figure in words after a bound word (突破千亿元, 超百万人), not as the threshold of a count', () => {
    expect(read('工业总产值突破千亿元。')).toEqual([[1000, 'yuan_1e8', 'level', 'over']]);
    expect(read('常住人口超百万人。')).toEqual([[100, 'person_1e4', 'count', 'over']]);
    expect(read('191家工业企业营业收入超百亿元。')).toEqual([[191, 'company', 'count', 'exact']]);
    // A hundred or a thousand after a bound word is a count of what follows (the provincial rule: words that state an amount).
    expect(read('举办超千场体育赛事、近百场大型演唱会。')).toEqual([
      [1000, 'event', 'count', 'over'],
      [100, 'event', 'count', 'nearly'],
    ]);
    expect(read('超百个项目落地。')).toEqual([[100, 'item', 'count', 'over']]);
    // 上 before 百, 千 or 万 is at least that many; the 上 of 线上 or 以上 is not.
    expect(read('建成基站上千个，吸引游客上万人次，带动就业上百万人。')).toEqual([
      [1000, 'item', 'count', 'at_least'],
      [1, 'visit_1e4', 'level', 'at_least'],
      [100, 'person_1e4', 'count', 'at_least'],
    ]);
    expect(read('推动线上千家企业入驻。')).toEqual([]);
    // So does a bound after the unit; 亿元以上 names a class of projects.
    expect(read('粮食产量稳定在千万吨以上，营业收入千亿元左右。')).toEqual([
      [1000, 'tonne_1e4', 'target', 'at_least'],
      [1000, 'yuan_1e8', 'target', 'about'],
    ]);
    expect(read('实施亿元以上项目。')).toEqual([]);
  });

  it('a figure in Chinese numerals, only with a measure no set phrase uses (points, 倍, 万/亿 before a unit)', () => {
    expect(read('森林覆盖率提高两个百分点。')).toEqual([[2, 'points', 'growth', 'exact']]);
    expect(read('新增就业十万人。')).toEqual([[10, 'person_1e4', 'count', 'exact']]);
    expect(read('营收超过五百亿元。')).toEqual([[500, 'yuan_1e8', 'level', 'over']]);
    expect(read('推进一带一路，实施三大行动、五个一工程，建设百万亩良田，迈上千亿元台阶。')).toEqual([]);
  });

  it('people a measure reached, written with no counter after its verb, are a count with the noun as unit word; people only named are not', () => {
    const counted = (text: string) =>
      extract(`2026年政府工作报告\n一、2025年工作回顾\n${text}`).statements.map((s) => [s.value, s.unitWord, s.kind, s.qualifier]);
    expect(counted('育儿补贴惠及120余万婴幼儿，免费教育惠及近10万儿童，为138万残疾人发放补贴，带动3.78万农牧民就业增收。')).toEqual([
      [120, '万婴幼儿', 'count', 'more_than'],
      [10, '万儿童', 'count', 'nearly'],
      [138, '万残疾人', 'count', 'exact'],
      [3.78, '万农牧民', 'count', 'exact'],
    ]);
    expect(counted('新增3万市场主体。')).toEqual([[3, '万市场主体', 'count', 'exact']]);
    expect(counted('2100多万成都市民共享发展成果，全省4000万群众，为138万残疾人代表。')).toEqual([]);
  });

  it('列 ranks as 位列 does (列全国第9位); 列入 does not', () => {
    expect(read('发展综合质效指数列全国第9位。')).toEqual([[9, 'ordinal', 'rank', 'exact']]);
    expect(read('列入全国第二批试点，列入全国第一。')).toEqual([]);
  });

  it('a class of size written with a unit (30万千瓦级机组, 300万吨级CCUS) names what follows; a count after it still counts', () => {
    expect(read('建设30万千瓦级机组，开工300万吨级CCUS碳捕集利用项目，100兆瓦级储能加快建设。')).toEqual([]);
    expect(read('建成10万吨级泊位3个。')).toEqual([[3, 'item', 'count', 'exact']]);
  });

  it('a size class is a figure only as the money total of its clause', () => {
    expect(read('全省财政收入迈上万亿级台阶。')).toEqual([]);
    expect(read('形成万亿级规模产业集群。')).toEqual([]);
    expect(read('参保人数达千亿级规模。')).toEqual([]);
  });

  it('reads units with the shared parser words (readUnit)', () => {
    const vocabulary = chineseVocabulary(localisation.lexicons.zh);
    expect(readUnit('1.2万亿元。', 3, vocabulary)).toMatchObject({ unit: { key: 'yuan_1e12' }, length: 3 });
    expect(readUnit('18.2万人次', 4, vocabulary)).toMatchObject({ unit: { key: 'visit_1e4' }, length: 3 });
    expect(readUnit('10:15', 2, vocabulary)).toBeUndefined(); // a time, not a ratio
    expect(readUnit('500千伏', 3, vocabulary)).toBeUndefined();
  });
});

describe('statements: pairing and joining figures', () => {
  const indicators = (text: string) =>
    extract(text).draft.indicators.map((i) => [i.metric, i.value, i.unit, i.kind, i.qualifier, i.rank?.position ?? null, i.change?.value ?? null]);

  it.each<[string, string, unknown[][]]>([
    [
      'the three sectors listed by their ordinals (一、二、三产业, 一二三产)',
      '一、二、三产业增加值分别增长3.1%、6.2%、4.8%。其中一二三产增加值分别增长3%、6%、5%以上。',
      [
        ['primary_industry_value_added', 3.1, 'percent', 'growth', 'exact', null, null],
        ['secondary_industry_value_added', 6.2, 'percent', 'growth', 'exact', null, null],
        ['tertiary_industry_value_added', 4.8, 'percent', 'growth', 'exact', null, null],
        ['primary_industry_value_added', 3, 'percent', 'target', 'exact', null, null],
        ['secondary_industry_value_added', 6, 'percent', 'target', 'exact', null, null],
        ['tertiary_industry_value_added', 5, 'percent', 'target', 'at_least', null, null],
      ],
    ],
    [
      '左右 closing a 分别 list makes every figure of it approximate; 以上 bounds only its own',
      '城乡居民人均可支配收入分别增长4.5%、6%左右。规模以上工业增加值、制造业增加值分别增长6%、7%以上。',
      [
        ['urban_disposable_income', 4.5, 'percent', 'growth', 'about', null, null],
        ['rural_disposable_income', 6, 'percent', 'growth', 'about', null, null],
        ['industrial_value_added', 6, 'percent', 'target', 'exact', null, null],
        ['manufacturing_value_added', 7, 'percent', 'target', 'at_least', null, null],
      ],
    ],
    [
      '城镇、农村 with a shared tail: each its own income (常住居民 as reports write it)',
      '城镇、农村常住居民人均可支配收入分别增长4.1%、6.3%。',
      [
        ['urban_disposable_income', 4.1, 'percent', 'growth', 'exact', null, null],
        ['rural_disposable_income', 6.3, 'percent', 'growth', 'exact', null, null],
      ],
    ],
    [
      '分别 with shared head and tail',
      '规模以上装备制造、医药健康产业分别增长8.1%、10.1%。',
      [
        ['equipment_manufacturing', 8.1, 'percent', 'growth', 'exact', null, null],
        ['pharma_health_industry', 10.1, 'percent', 'growth', 'exact', null, null],
      ],
    ],
    [
      '分别 with a compound and a shared rank',
      '金融机构存贷款余额分别超5.8万亿元、6万亿元，均居中西部城市第1位。',
      [
        ['deposits', 5.8, 'yuan_1e12', 'level', 'over', 1, null],
        ['loans', 6, 'yuan_1e12', 'level', 'over', 1, null],
      ],
    ],
    [
      '分别 with a compound of two kinds of one thing: 客货运 is passenger and freight traffic',
      '客货运量分别增长3%、5%。',
      [
        ['passenger_volume', 3, 'percent', 'growth', 'exact', null, null],
        ['freight_volume', 5, 'percent', 'growth', 'exact', null, null],
      ],
    ],
    [
      '分别 from listed starts, one after a rate (每人每月) and one with the verb read as the figure’s own: only the figures reached',
      '补贴标准、护理补贴标准分别从每人每月209元、280元提高到217元、290元。年末规模以上企业、高新技术企业分别从771家、481家增加到1076家、636家。',
      [
        [expect.any(String), 217, 'yuan', 'level', 'exact', null, null],
        [expect.any(String), 290, 'yuan', 'level', 'exact', null, null],
        [expect.any(String), 1076, 'company', 'count', 'exact', null, null],
        ['hitech_enterprises', 636, 'company', 'count', 'exact', null, null],
      ],
    ],
    [
      'a subjectless 分别 list of changes after a 分别 list of amounts: each change is its amount’s',
      '机场航空旅客和货邮吞吐量分别达到1.35亿人次、453.8万吨，分别增长8.3%、7.9%。',
      [
        ['air_passengers', 1.35, 'passenger_trip_1e8', 'level', 'reached', null, 8.3],
        ['air_cargo', 453.8, 'tonne_1e4', 'level', 'reached', null, 7.9],
      ],
    ],
    [
      '分别 with 收支: revenue and expenditure',
      '一般公共预算收支分别增长3%、5%。',
      [
        ['general_budget_revenue', 3, 'percent', 'growth', 'exact', null, null],
        ['general_budget_expenditure', 5, 'percent', 'growth', 'exact', null, null],
      ],
    ],
    [
      '分别 with 城乡居民',
      '城乡居民人均可支配收入分别增长4.7%、6.9%。',
      [
        ['urban_disposable_income', 4.7, 'percent', 'growth', 'exact', null, null],
        ['rural_disposable_income', 6.9, 'percent', 'growth', 'exact', null, null],
      ],
    ],
    [
      '分别 with elided subjects',
      '市属国企信息全面公开，资产总额、利润总额分别居副省级城市第3位、第4位。',
      [
        ['soe_total_assets', 3, 'ordinal', 'rank', 'exact', 3, null],
        ['soe_total_profits', 4, 'ordinal', 'rank', 'exact', 4, null],
      ],
    ],
    [
      '分别 with 和 and the list opener 其中',
      '其中第一、第二、第三产业增加值分别增长2%、5.5%和6.5%。',
      [
        ['primary_industry_value_added', 2, 'percent', 'growth', 'exact', null, null],
        ['secondary_industry_value_added', 5.5, 'percent', 'growth', 'exact', null, null],
        ['tertiary_industry_value_added', 6.5, 'percent', 'growth', 'exact', null, null],
      ],
    ],
    ['a change after an amount', '国家高新技术企业突破1.3万家、增长13%。', [['hitech_enterprises', 1.3, 'company_1e4', 'count', 'over', null, 13]]],
    ['a change after an amount, 同比', '社会消费品零售总额1520.3亿元，同比下降4.3%。', [['retail_sales', 1520.3, 'yuan_1e8', 'level', 'exact', null, -4.3]]],
    ['a rank after an amount', '外贸进出口总额7489.8亿元、居中西部城市第1位。', [['foreign_trade', 7489.8, 'yuan_1e8', 'level', 'exact', 1, null]]],
    ['从A增至B: only B (家 of institutions)', '三甲医疗卫生机构从39家增至70家。', [['top_tier_hospitals', 70, 'institution', 'count', 'exact', null, null]]],
    ['由A优化整合为B: only B', '三甲医疗卫生机构由71家优化整合为47家。', [['top_tier_hospitals', 47, 'institution', 'count', 'exact', null, null]]],
    ['A个X整合优化为B个: only B', '188个开发区整合优化为120个。', [['park_zone', 120, 'item', 'count', 'exact', null, null]]],
    [
      '由A提高至B with a rate per head or an average (由每生每年, 由平均): only B',
      '城市低保标准由每人每月600元提高至700元，农村低保标准由平均400元提高到500元左右。',
      [
        ['urban_dibao_standard', 700, 'yuan', 'level', 'exact', null, null],
        ['rural_dibao_standard', 500, 'yuan', 'level', 'about', null, null],
      ],
    ],
    [
      '将A整合为B: only B, named by what was merged',
      '将8个公司运营的16支省级政府投资基金整合为产业、科创2支基金，开发区重组整合至120个。',
      [
        ['provincial_level_gov_fund', 2, 'item_zhi', 'count', 'exact', null, null],
        ['park_zone', 120, 'item', 'count', 'exact', null, null],
      ],
    ],
    [
      '从A降到B with the time of A (从上半年, 由上年): only B, of the glossary metric a time word before it does not narrow (年末)',
      '年末城镇调查失业率从上半年5.5%降到5.3%，常住人口由上年729万人增至731万人。',
      [
        ['urban_unemployment_rate', 5.3, 'percent', 'share', 'exact', null, null],
        ['resident_population', 731, 'person_1e4', 'count', 'exact', null, null],
      ],
    ],
    [
      '从第A位提升至第B位: only B',
      '全球创新指数排名在全球科技集群从第47位提升至第24位。',
      [['global_innovation_index_rank', 24, 'ordinal', 'rank', 'exact', 24, null]],
    ],
    ['新增A、达到B: only the total', '千亿级园区新增2个、达到14个。', [['industrial_parks_100bn', 14, 'item', 'count', 'reached', null, null]]],
    [
      'a list of figures after as many subjects pairs like 分别',
      '城乡居民人均可支配收入增长4.8%、6.6%。',
      [
        ['urban_disposable_income', 4.8, 'percent', 'growth', 'exact', null, null],
        ['rural_disposable_income', 6.6, 'percent', 'growth', 'exact', null, null],
      ],
    ],
    [
      'changes listed after a 分别 list pair with its figures in order',
      '城乡居民人均可支配收入分别达5.1万元、2.6万元，增长4.5%、6.2%。',
      [
        ['urban_disposable_income', 5.1, 'yuan_1e4', 'level', 'reached', null, 4.5],
        ['rural_disposable_income', 2.6, 'yuan_1e4', 'level', 'reached', null, 6.2],
      ],
    ],
    [
      'a subjectless 分别 list of changes pairs with the amounts before it',
      '接待入境游客120万人次、国内游客3.2亿人次，分别增长20%、5%。',
      [
        ['inbound_tourists', 120, 'visit_1e4', 'level', 'exact', null, 20],
        ['tourist_visits', 3.2, 'visit_1e8', 'level', 'exact', null, 5],
      ],
    ],
    ['a level right after its change', '外贸进出口增长6%，总额突破5000亿元。', [['foreign_trade', 5000, 'yuan_1e8', 'level', 'over', null, 6]]],
    ['a share’s change in points', '制造业投资占比提升至40.5%、提高2.3个百分点。', [['manufacturing_share', 40.5, 'percent', 'share', 'exact', null, 2.3]]],
    [
      'a gap to a reference is no change and no statement',
      '规上工业增加值增长7.2%，高于全国1.4个百分点。',
      [['industrial_value_added', 7.2, 'percent', 'growth', 'exact', null, null]],
    ],
    [
      'per-capita heads make each listed figure a level',
      '每千人口床位数、执业医师数增至7.5张、3.2个，万人发明专利拥有量达30件。',
      [
        ['hospital_beds_per_1000', 7.5, 'bed', 'level', 'exact', null, null],
        ['per_1000_people_doctor_number', 3.2, 'item', 'level', 'exact', null, null],
        ['invention_patents_per_10000', 30, 'item_jian', 'level', 'reached', null, null],
      ],
    ],
  ])('%s', (_what, text, expected) => {
    expect(indicators(text)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    [
      'after a count',
      '新增国家级专精特新“小巨人”企业84家，750件市人大代表建议、790件市政协委员提案全部办结。',
      'new_little_giants npc_deputy_suggestions cppcc_proposals',
    ],
    ['around the figure', '新增5个国家先进制造业集群。', 'national_advanced_manufacturing_clusters'],
    ['with words inserted', '电网主网安全承载能力倍增至2600万千瓦，休闲农业实现营业收入445亿元。', 'grid_capacity leisure_agriculture_revenue'],
    [
      'in X的Y order',
      '11家全国重点实验室完成优化重组，85%的县级妇幼保健机构达到三级水平。',
      'national_key_labs_restructured maternal_child_health_level3_share',
    ],
    ['as a ranking before its verb', '外国获批在蓉设立领事机构数量居中西部城市第1位。', 'foreign_consulates_rank'],
    ['elided, head earlier in the sentence', '成都都市圈建设深入推进，283项年度重点任务全面完成。', 'metro_area_key_tasks'],
    ['by an alias', '全社会研发投入年均增长10%。', 'rd_spending'],
  ])('finds the metric %s', (_how, text, metrics) => {
    expect(
      extract(text)
        .draft.indicators.map((i) => i.metric)
        .join(' '),
    ).toBe(metrics);
  });

  it.each<[string, string, unknown[][]]>([
    ['a threshold in the name of what is counted', '经济总量超500亿元县5个、达到18个。', [[18, 'item', 'count']]],
    ['a project’s capacity', '推动年产30万吨乙烯等项目建设，新增产能20万吨。', [[20, 'tonne_1e4', 'level']]],
    ['the size of a set something is one of', '城市公园成为全国首批10个试点公园之一。', []],
    ['a bare number after a ratio’s name is a ratio', '城乡居民收入比缩小至2.31。', [[2.31, 'ratio', 'ratio']]],
    ['a policy package named by its number of measures', '出台稳外贸36项政策措施，新增外贸企业120家。', [[120, 'company', 'count']]],
    [
      'the indicators a plan sets are counted, not targets',
      '2026年政府工作报告\n三、“十五五”时期主要目标\n规划纲要提出五大类26项主要指标，其中约束性指标9项。',
      [
        [26, 'item_xiang', 'count'],
        [9, 'item_xiang', 'count'],
      ],
    ],
  ])('reads figures that only name things as no statement: %s', (_what, text, expected) => {
    expect(extract(text).statements.map((s) => [s.value, s.unit, s.kind])).toEqual(expected);
  });

  it('a rank after a count and its noun is the count’s', () => {
    expect(extract('共获得20枚金牌、位列全国第5。').draft.indicators.map((i) => [i.value, i.unit, i.rank?.position ?? null])).toEqual([[20, 'item_mei', 5]]);
  });

  it('a rank among another group right after a rank is the same metric’s, among that group', () => {
    const { draft } = extract('全省粮食产量居全国第1位、中部第2位，资产总额、利润总额分别居副省级城市第3位、第4位。');
    expect(draft.indicators.map((i) => [i.metric, i.value, i.rank?.peers])).toEqual([
      ['grain_output', 1, 'nationwide'],
      ['grain_output', 2, 'central_china'],
      [expect.any(String), 3, 'sub_provincial_cities'],
      [expect.any(String), 4, 'sub_provincial_cities'],
    ]);
    const second = extract('煤炭产量居全国首位、中部第1位，软件业务收入居全国第3位、中西部城市第1位，增速居全国第5位、西部地区第1位。').draft.indicators;
    expect(second.map((i) => [i.metric, i.rank?.peers])).toEqual([
      ['raw_coal_output', 'nationwide'],
      ['raw_coal_output', 'central_china'],
      ['software_revenue', 'nationwide'],
      ['software_revenue', 'central_western_cities'],
      [expect.any(String), 'nationwide'],
      [expect.any(String), 'western_china'],
    ]);
    expect(second[5]?.metric).toBe(second[4]?.metric);
  });

  it('an amount a level grew or fell by is its own concept (…增加额, …减少额), never the level itself', () => {
    const { draft } = extract('地区生产总值比上年增加3000亿元，原煤产量减少200万吨，农民人均收入增加1207元。');
    expect(draft.indicators.map((i) => [i.proposed?.zh, i.proposed?.en, i.value, i.kind])).toEqual([
      ['地区生产总值增加额', 'Increase in gross regional product', 3000, 'level'],
      ['原煤产量减少额', 'Decrease in raw coal output', 200, 'level'],
      ['农民人均收入增加额', expect.stringMatching(/^Increase in /), 1207, 'level'],
    ]);
    expect(draft.indicators.some((i) => i.metric === 'gdp')).toBe(false);
    // Every verb of change counts (压减, 提升); the growth written after the amount is the level's, left to the editor.
    expect(extract('煤炭消费量压减200万吨。').draft.indicators[0]?.proposed?.zh).toBe('煤炭消费量减少额');
    const both = extract('农村居民人均可支配收入增加1207元、增长6.1%。');
    expect(both.draft.indicators.map((i) => [i.value, i.change])).toEqual([[1207, undefined]]);
    expect(both.unmatched.map((s) => [s.metric, s.value, s.kind])).toEqual([['rural_disposable_income', 6.1, 'growth']]);
  });

  it('a gap in points to a reference is its own concept (…与全国差距), never a change of the metric it compares', () => {
    const { draft } = extract('第一产业增加值增幅高于全国0.7个百分点，常住人口城镇化率低于全国2个百分点，工业增速快于经济增速1个百分点。');
    expect(draft.indicators.map((i) => [i.proposed?.zh, i.proposed?.en, i.value, i.unit, i.kind])).toEqual([
      ['第一产业增加值增速与全国差距', 'Gap between growth in primary industry value added and the national rate', 0.7, 'points', 'growth'],
      ['常住人口城镇化率与全国差距', expect.stringMatching(/^Gap between urbanisation rate .* and the national average$/), -2, 'points', 'growth'],
      ['工业增速与经济增速差距', expect.stringMatching(/^\[to translate\] /), 1, 'points', 'growth'],
    ]);
    expect(draft.indicators.some((i) => i.metric === 'primary_industry_value_added' || i.metric === 'urbanisation_rate')).toBe(false);
    // A change over time is the metric's own (比上年高); a gap right after a figure stays that figure's.
    expect(extract('研发经费投入强度比上年高0.1个百分点。').draft.indicators.map((i) => [i.metric, i.proposed])).toEqual([['rd_intensity', undefined]]);
    const attached = extract('农村居民收入增长5.8%、快于经济增速1个百分点。').statements;
    expect(attached.map((s) => [s.metric, s.value, s.unit])).toEqual([['rural_disposable_income', 5.8, 'percent']]);
    // A qualifier between the reference and the figure is the figure's: the gap is nearly 1 point, not more than 1.
    expect(read('工业增速优于全国近1个百分点。')).toEqual([[1, 'points', 'growth', 'nearly']]);
    expect(extract('社会物流总费用与GDP的比率降至13%左右、优于全国约1个百分点。').statements.map(reading)).toEqual([[13, 'percent', 'share', 'about']]);
  });

  it('a gap stated right after a figure becomes its note in both languages, from the references the locales name', () => {
    const notes = (text: string) => extract(text).draft.indicators.map((i) => [i.metric, i.value, i.note?.zh, i.note?.en]);
    expect(notes('地区生产总值增长7.7%，高于全国1.8个百分点。')).toEqual([
      ['gdp', 7.7, '高于全国1.8个百分点。', '1.8 percentage points above the national rate.'],
    ]);
    // 低于 is a gap below; a written qualifier is kept; a growth is compared with the national rate, a share with the average.
    expect(notes('城镇居民人均可支配收入增长5.5%、低于全国平均水平约0.3个百分点。')).toEqual([
      ['urban_disposable_income', 5.5, '低于全国0.3个百分点左右。', 'About 0.3 percentage points below the national rate.'],
    ]);
    // 超过 qualifies the figure as "over" for the labels, but the gap it states is exact.
    expect(notes('进出口总额增长8%，超过全国平均水平0.28个百分点。')[0]?.[3]).toBe('0.28 percentage points above the national rate.');
    // 优于 and 好于 say better, which for a cost is below: the note says "better than", never "above".
    expect(notes('城镇化率达到60%、低于全国2个百分点。')[0]?.[3]).toBe('2 percentage points below the national average.');
    expect(notes('社会物流总费用与GDP的比率降至13%左右、优于全国约1个百分点。')[0]?.[3]).toBe('About 1 percentage point better than the national average.');
    // A reference the locales do not name gets no note: the quote keeps it for the editor, never a guess.
    const unnamed = extract('规上工业增加值增长6%，快于经济增速1个百分点。').draft.indicators;
    expect(unnamed.map((i) => [i.metric, i.note, i.quote])).toEqual([['industrial_value_added', undefined, '规上工业增加值增长6%，快于经济增速1个百分点']]);
    // A list of gaps after a list of figures: each gap is the note of the figure in its place.
    expect(notes('城镇、农村居民人均可支配收入分别增长5%、6%，分别高于全国0.3个、0.5个百分点。')).toEqual([
      ['urban_disposable_income', 5, '高于全国0.3个百分点。', '0.3 percentage points above the national rate.'],
      ['rural_disposable_income', 6, '高于全国0.5个百分点。', '0.5 percentage points above the national rate.'],
    ]);
    expect(notes('城镇、农村居民人均可支配收入分别增长5%、6%，分别高于全国0.3、0.5个百分点。').map((n) => n[2])).toEqual([
      '高于全国0.3个百分点。',
      '高于全国0.5个百分点。',
    ]);
    // A figure with no gap after it has no note.
    expect(notes('地区生产总值增长5%。')).toEqual([['gdp', 5, undefined, undefined]]);
  });

  it('a list in points writes 百分点 once: each N个 before it is points, and each gap is to the reference written first', () => {
    const { draft } = extract('投资、消费增速分别快于全国3.4个、1个百分点。');
    expect(draft.indicators.map((i) => [i.proposed?.zh, i.value, i.unit, i.kind])).toEqual([
      ['投资增速与全国差距', 3.4, 'points', 'growth'],
      ['消费增速与全国差距', 1, 'points', 'growth'],
    ]);
    // So does a list of bare numbers, in points or in %; a bare number with no unit closing its list is no figure.
    expect(read('城镇、农村居民收入分别提高0.3、0.5个百分点。')).toEqual([
      [0.3, 'points', 'growth', 'exact'],
      [0.5, 'points', 'growth', 'exact'],
    ]);
    expect(read('营业收入、利润分别增长3.2、4.5%。').map((r) => r.slice(0, 3))).toEqual([
      [3.2, 'percent', 'growth'],
      [4.5, 'percent', 'growth'],
    ]);
    expect(read('地铁1、2号线开通。')).toEqual([]);
    // Counts in 个 stay counts when no 百分点 closes the list.
    expect(read('新建学校3个、医院2个。')).toEqual([
      [3, 'item', 'count', 'exact'],
      [2, 'item', 'count', 'exact'],
    ]);
  });

  it('in a list of counted things (16所高校、48个学科…) each item is named by its own noun, after its counter', () => {
    const quotes = (text: string) => extract(text).statements.map((s) => [s.quote, s.value]);
    expect(quotes('全省16所高校、48个学科入选“双一流”建设名单。')).toEqual([
      ['全省16所高校', 16],
      ['48个学科入选“双一流”建设名单', 48],
    ]);
    expect(quotes('456个小区完成临时用电治理、60万户居民用上舒心电。')).toEqual([
      ['456个小区完成临时用电治理', 456],
      ['60万户居民用上舒心电', 60],
    ]);
    // The second is another thing counted, never the total of the first: its name is not the first's.
    const { statements, draft } = extract('支持3个国家级保种场、2个国家级核心育种场开展性能测定等工作。');
    expect(statements.map((s) => s.quote)).toEqual(['支持3个国家级保种场', '2个国家级核心育种场开展性能测定等工']);
    expect(draft.indicators.map((i) => [i.value, i.proposed?.zh])).toEqual([
      [3, '国家级保种场'],
      [2, '国家级核心育种场'],
    ]);
  });

  it('a counted noun too long for a name of its own is named up to the verb its clause goes on with', () => {
    const named = (text: string) => extract(text).draft.indicators.map((i) => [i.value, i.proposed?.zh]);
    expect(named('推动40家学生集体用餐配送单位实现全流程检查评价全覆盖。')).toEqual([[40, '学生集体用餐配送单位']]);
    // Chosen for something (入选, 通过): the choice is the concept, so the noun alone is no name: the name holds the choice whole.
    expect(named('全省8个品种入选国家农作物优良品种推广目录，为全国提供良种。')).toEqual([[8, '品种入选国家农作物优良品种推广目录']]);
  });

  it('a share of the nation with no subject of its own is the share of what the sentence just named', () => {
    const { draft } = extract('无人机产量增长39%、占全国9成，工业机器人产量增长30%。五年生产原煤65亿吨，占全国近三成。');
    expect(draft.indicators.map((i) => [i.value, i.unit, i.kind, i.proposed?.zh ?? i.metric])).toEqual([
      [39, 'percent', 'growth', '无人机产量'],
      [9, 'tenth', 'share', '无人机产量占全国比重'],
      [30, 'percent', 'growth', 'industrial_robot_output'],
      [65, 'tonne_1e8', 'level', 'raw_coal_output'],
      [3, 'tenth', 'share', '原煤产量占全国比重'],
    ]);
  });

  it('a share held of the nation (、稳定在全国1/10以上) is the share of what the sentence just named', () => {
    const { statements } = extract('城镇新增就业超690万人、稳定在全国1/10以上。');
    expect(statements.map((s) => [s.value, s.unitWord, s.proposed?.zh ?? s.metric])).toEqual([
      [690, '万人', 'new_urban_jobs'],
      [1, '/10', '城镇新增就业占全国比重'],
    ]);
  });

  it('a change with no subject of its own is that of the glossary metric an earlier clause opens with, when no figure there named it', () => {
    const { draft } = extract('地区生产总值连跨两个万亿元台阶，年均增长5.7%。粮食总产量连续16年位居全国首位，增量39.7亿斤。');
    expect(draft.indicators.map((i) => [i.metric, i.value, i.kind, i.proposed?.zh ?? null])).toEqual([
      ['gdp', 5.7, 'growth', null],
      ['grain_output', 1, 'rank', null],
      [expect.any(String), 39.7, 'level', '粮食产量增量'],
    ]);
  });

  it('a measure named alone after a list mark (、产量) is the earlier subject’s thing in that measure', () => {
    const { draft } = extract('2026年，实现粮食播种面积3320万亩、产量1285万吨以上，茶叶种植面积达到300万亩、产值增长8%。');
    expect(draft.indicators.map((i) => [i.value, i.proposed?.zh ?? i.metric])).toEqual([
      [3320, 'grain_sown_area'],
      [1285, 'grain_output'],
      [300, '茶叶种植面积'],
      [8, '茶叶产值'],
    ]);
    expect(extract('省属国企营业收入增长2倍、利润翻三番。').draft.indicators.map((i) => i.metric)).toEqual([
      'provincial_soe_revenue',
      'provincial_soe_profits',
    ]);
  });

  it('a level with only an adverb before it (，稳步达到) is the earlier subject’s: the level itself, not what it grew by', () => {
    const { draft } = extract('一般公共预算收入增加近1000亿元，稳步达到3000亿元以上。');
    expect(draft.indicators.map((i) => [i.metric, i.value, i.qualifier])).toEqual([
      ['general_budget_revenue_increment', 1000, 'nearly'],
      ['general_budget_revenue', 3000, 'at_least'],
    ]);
  });

  it('a share’s change against its base after a comma is a statement of its own, of the share’s metric', () => {
    const { draft } = extract('研发经费投入强度达到2.5%，比上年提高0.1个百分点。');
    expect(draft.indicators.map((i) => [i.metric, i.value, i.unit, i.kind])).toEqual([
      ['rd_intensity', 2.5, 'percent', 'share'],
      ['rd_intensity', 0.1, 'points', 'growth'],
    ]);
  });

  it('a change measured like for like (，同口径增长4.5%) belongs to the amount before it', () => {
    const { draft } = extract('一般公共预算收入完成3000亿元，同口径增长4.5%。');
    expect(draft.indicators.map((i) => [i.metric, i.value, i.change?.value])).toEqual([['general_budget_revenue', 3000, 4.5]]);
  });

  it('均 gives the rank after a list to each of its figures, each keeping its own subject and quote start', () => {
    const ranked = (text: string) =>
      extract(text).statements.map((s) => [
        s.value,
        s.quote.slice(0, 4),
        extract(text).draft.indicators.find((i) => i.offset === s.offset)?.rank?.position ?? null,
      ]);
    expect(ranked('专精特新企业增至3022家、科技型中小企业增至9.4万家，均居全国第一。')).toEqual([
      [3022, '专精特新', 1],
      [9.4, '科技型中', 1],
    ]);
    // Without 均 the rank is the last figure's; a change of its own ends the list 均 reaches back over.
    expect(ranked('专精特新企业增至3022家、科技型中小企业增至9.4万家，居全国第一。').map((r) => r[2])).toEqual([null, 1]);
    expect(ranked('高新技术企业5.1万家、增长8%，科技型中小企业3万家，均居全国第二。').map((r) => r[2])).toEqual([null, 2]);
  });

  it('never guesses: a subject with no glossary metric becomes a proposal flagged for review, a unit the glossary lacks stays unmatched', () => {
    // 服务企业 is the tail of the glossary's “进解优促”服务企业, but nothing here says 进解优促.
    const { draft } = extract('举办活动超700场、服务企业2.7万家，改造提升路灯6.6万盏。');
    expect(draft.indicators.map((i) => [i.proposed?.zh, localisation.glossary.has('metric', i.metric), i.value])).toEqual([
      ['举办活动', false, 700],
      ['服务企业', false, 2.7],
    ]);
    expect(draft.unmatched).toEqual([{ quote: '改造提升路灯6.6万盏', offset: 20, reason: expect.stringMatching(/, but no glossary unit for “万盏”$/) }]);
  });

  it('lists a count that compat rules out instead of pinning it on an investment metric', () => {
    const { draft } = extract('成都牵头实施的36个共建“双圈”年度重大项目完成投资429亿元。');
    expect(draft.indicators.map((i) => [i.metric, i.value, i.proposed !== undefined])).toEqual([
      [expect.not.stringMatching(/^chengdu_chongqing_projects_investment$/), 36, true],
      ['chengdu_chongqing_projects_investment', 429, false],
    ]);
  });

  it('needs a glossary peer group to make a rank an indicator', () => {
    const { draft } = extract('空气质量综合指数排名第9位，义务教育均衡化水平居全市第2。');
    expect(draft.indicators.map((i) => [i.metric, i.rank?.peers])).toEqual([['compulsory_education_balance_rank', 'chengdu_districts']]);
    expect(draft.unmatched?.[0]?.reason).toBe('metric air_quality_index_rank, rank with no peer group named');
  });
});

describe('metric naming and units', () => {
  const named = (text: string) =>
    extract(text).statements.map((s) => [s.quote, s.metric && localisation.glossary.has('metric', s.metric) ? s.metric : (s.proposed?.zh ?? null)]);

  it.each<[string, string, unknown[][]]>([
    [
      'an elided tail starts a word: 船舶产业增加值 is not 规上工业增加值',
      '规上工业增加值增长6%，船舶产业增加值增长9%。',
      [
        ['规上工业增加值增长6%', 'industrial_value_added'],
        ['船舶产业增加值增长9%', '船舶产业增加值'],
      ],
    ],
    [
      'a rank is named before its verb, whole, without its streak or peer group',
      '数字经济发展指数连续5年全国第一。',
      [['数字经济发展指数连续5年全国第一', '数字经济发展指数']],
    ],
    ['a rank is named before its verb (跃升至), not after its peers', '光伏组件产量跃升至全球第1位。', [['光伏组件产量跃升至全球第1位', '光伏组件产量']]],
    ['the starting rank of 从…跃升至 is not part of the name', '茶叶出口额从全国第9位跃升至第3位。', [['茶叶出口额从全国第9位跃升至第3位', '茶叶出口额']]],
    [
      'a statistical scope or a condition before a glossary name keeps its metric',
      '设区市空气质量优良天数比例达到90.1%，正常年景下粮食产量稳定在700亿斤以上。',
      [
        ['空气质量优良天数比例达到90.1%', 'good_air_days_share'],
        ['粮食产量稳定在700亿斤以上', 'grain_output'],
      ],
    ],
    [
      'a proposal loses the adverbs and verbs before its figure (首次, 稳居)',
      '碳排放配额累计成交量稳居全国第一，绿色铝产值首次突破300亿元。',
      [
        ['碳排放配额累计成交量稳居全国第一', '碳排放配额累计成交量'],
        ['绿色铝产值首次突破300亿元', '绿色铝产值'],
      ],
    ],
    [
      'an edition’s ordinal and what precedes it are not the name',
      '代表团在第9届亚洲冬季运动会上奖牌贡献率位居全国第2。',
      [['亚洲冬季运动会上奖牌贡献率位居全国第2', '亚洲冬季运动会上奖牌贡献率']],
    ],
    [
      'a word that is a metric only as the whole subject of a growth: 经济 is GDP, 投资 fixed-asset investment',
      '经济增长5.5%，数字经济增长10%，全年投资增长5%左右，工业投资增长8%，投资近千亿元。',
      [
        ['经济增长5.5%', 'gdp'],
        ['数字经济增长10%', '数字经济'],
        ['全年投资增长5%左右', 'fixed_asset_investment'],
        ['工业投资增长8%', 'industrial_investment'],
        ['投资近千亿元', '投资'],
      ],
    ],
    [
      'the frame that introduces a list of goals is not part of a name (主要目标包括, 目标是), a goal of its own is',
      '主要目标包括地区生产总值年均增长5%左右，目标任务完成率达到95%。',
      [
        ['地区生产总值年均增长5%左右', 'gdp'],
        ['目标任务完成率达到95%', '目标任务完成率'],
      ],
    ],
    [
      'a proposal’s opening verb (建议) is not part of a name: the plan’s goal is the glossary metric’s',
      '建议“十五五”时期地区生产总值增速目标设定为年均增长5.5%—6%。',
      [['地区生产总值增速目标设定为年均增长5.5%—6%', 'gdp']],
    ],
    [
      'a quantity of a product made (生产原油) is its output (原油产量); a count of things made is not',
      '生产原油239万吨，全年生产钾肥757.5万吨，生产线建成12条。',
      [
        ['生产原油239万吨', 'crude_oil_output'],
        ['全年生产钾肥757.5万吨', '钾肥产量'],
        ['生产线建成12条', '生产线建成'],
      ],
    ],
    [
      'a part’s share of the whole it is written in (财政支出中民生占比) is the part’s share of that whole, in the whole’s measure when it names none (民生支出); 中 inside a word is not',
      '财政支出中民生占比超过80%，工业中战略性新兴产业占比30%以上，科技型中小企业占比达到30%。',
      [
        ['财政支出中民生占比超过80%', 'social_spending_share'],
        ['工业中战略性新兴产业占比30%以上', '战略性新兴产业占工业比重'],
        ['科技型中小企业占比达到30%', '科技型中小企业占比'],
      ],
    ],
    [
      'a 分别 list names each part with the measure the list shares, and the class word before it (行业增加值)',
      '苹果、猕猴桃产量分别增长5%、6%，限额以上通讯器材、家用电器零售额分别增长40.9%、27.1%，船舶、电子专用材料行业增加值分别增长84.8%、17.5%。',
      [
        ['苹果、猕猴桃产量分别增长5%、6%', '苹果产量'],
        ['苹果、猕猴桃产量分别增长5%、6%', '猕猴桃产量'],
        ['限额以上通讯器材、家用电器零售额分别增长40.9%、27.1%', '限额以上通讯器材零售额'],
        ['限额以上通讯器材、家用电器零售额分别增长40.9%、27.1%', 'appliance_retail_sales'],
        ['船舶、电子专用材料行业增加值分别增长84.8%、17.5%', '船舶行业增加值'],
        ['船舶、电子专用材料行业增加值分别增长84.8%、17.5%', '电子专用材料行业增加值'],
      ],
    ],
    [
      'a list whose parts name their own measures shares none; long own words share what follows the first part’s length',
      '进口货值、国际航行船舶进出、离岛免税销售额分别增长38.9%、19.6%、46.8%，城镇、农村居民人均可支配收入分别增长3.4%、5.2%。',
      [
        ['进口货值、国际航行船舶进出、离岛免税销售额分别增长38.9%、19.6%、46.8%', 'imports'],
        ['进口货值、国际航行船舶进出、离岛免税销售额分别增长38.9%、19.6%、46.8%', '国际航行船舶进出'],
        ['进口货值、国际航行船舶进出、离岛免税销售额分别增长38.9%、19.6%、46.8%', 'offshore_duty_free_sales'],
        ['城镇、农村居民人均可支配收入分别增长3.4%、5.2%', 'urban_disposable_income'],
        ['城镇、农村居民人均可支配收入分别增长3.4%、5.2%', 'rural_disposable_income'],
      ],
    ],
    [
      'a share of output is also written of GDP (占GDP比重); a whole inserted into a name (占民间投资) makes another share',
      '数字经济核心产业增加值占GDP比重达9.5%左右，产业民间投资占民间投资比重提高到65.1%。',
      [
        ['数字经济核心产业增加值占GDP比重达9.5%左右', 'digital_economy_core_share'],
        ['产业民间投资占民间投资比重提高到65.1%', '产业民间投资占民间投资比重'],
      ],
    ],
    [
      'PM2.5 by its chemical name (细颗粒物), written with the subscript mark the source kept (PM_2.5), quoted as written',
      '全省PM_2.5平均浓度下降12.1%，细颗粒物（PM_2.5）年平均浓度不高于23微克/立方米。',
      [
        ['PM_2.5平均浓度下降12.1%', 'pm25_concentration'],
        ['细颗粒物（PM_2.5）年平均浓度不高于23微克/立方米', 'pm25_concentration'],
      ],
    ],
    [
      'words before an alias that the glossary’s own name starts with (新增, 城镇, 空气) write that name more fully: no narrower concept',
      '新增减税降费及退税超800亿元，城镇人均住房建筑面积提高到42.2平方米，空气优良天数比例达91.3%。',
      [
        ['减税降费及退税超800亿元', 'tax_fee_relief'],
        ['人均住房建筑面积提高到42.2平方米', 'per_capita_housing_area'],
        ['优良天数比例达91.3%', 'good_air_days_share'],
      ],
    ],
    [
      'other names reports give glossary metrics: 货物贸易, 粮食总产, 能耗强度, 财政民生支出',
      '货物贸易年均增长24.1%，粮食总产436亿斤以上，能耗强度累计下降17.3%，财政民生支出增长4.3%。',
      [
        ['货物贸易年均增长24.1%', 'foreign_trade'],
        ['粮食总产436亿斤以上', 'grain_output'],
        ['能耗强度累计下降17.3%', 'energy_intensity'],
        ['财政民生支出增长4.3%', 'social_spending'],
      ],
    ],
    [
      'firms counted by 家 are named without 企业 (专精特新“小巨人”, 国家制造业单项冠军)',
      '专精特新“小巨人”1356家，国家制造业单项冠军达到274家。',
      [
        ['专精特新“小巨人”1356家', 'little_giants'],
        ['国家制造业单项冠军达到274家', 'single_champion_firms'],
      ],
    ],
    [
      'a count per head of population is a rate of its own, never the count (每10万人刑事案件数 is not 刑事案件数)',
      '每10万人刑事案件数下降36.9%，刑事案件数下降20%。',
      [
        ['每10万人刑事案件数下降36.9%', '每10万人刑事案件数'],
        ['刑事案件数下降20%', 'criminal_cases'],
      ],
    ],
    [
      'a net increase against the last plan’s end (较“十三五”末净增) is what the sentence’s subject grew by',
      '地区生产总值达到3.6万亿元，较“十三五”末净增1万亿元。',
      [
        ['地区生产总值达到3.6万亿元', 'gdp'],
        ['较“十三五”末净增1万亿元', '地区生产总值增加额'],
      ],
    ],
    ['对接 is a verb of the name, not the preposition 对', '全年对接科技成果转化项目200余个。', [['全年对接科技成果转化项目200余个', '对接科技成果转化项目']]],
    ['what a figure is compared with is not part of its name', '全省实有企业较“十三五”期末增长45%。', [['全省实有企业较“十三五”期末增长45%', '实有企业']]],
    ['an increment is named 新增 first', '科技成果转化企业新增120家。', [['科技成果转化企业新增120家', '新增科技成果转化企业']]],
    ['a bracketed list is one word: 县（市、区）', '通高速公路县（市、区）达到98个。', [['通高速公路县（市、区）达到98个', '通高速公路县市区']]],
    ['外贸进出口总值 is foreign trade', '外贸进出口总值增长6%。', [['外贸进出口总值增长6%', 'foreign_trade']]],
    // A narrower name's quote shows the whole name, not only the glossary name it narrows.
    ['words of their own before a glossary name still narrow it', '船舶工业增加值增长8%。', [['船舶工业增加值增长8%', '船舶工业增加值']]],
    ['an owner written into a glossary name narrows it (民营)', '规上民营工业增加值增长6.5%。', [['规上民营工业增加值增长6.5%', '规上民营工业增加值']]],
    [
      'a sector written after a statistical scope narrows it (规上装备工业增加值)',
      '规上装备工业增加值增长8.4%。',
      [['规上装备工业增加值增长8.4%', '规上装备工业增加值']],
    ],
    [
      'a bare measure measures the topic the paragraph just opened with',
      '纺织产业加快智能化改造，建设一批数字车间。产值突破900亿元。',
      [['产值突破900亿元', '纺织产业产值']],
    ],
    [
      'a bare measure in a later clause measures its sentence’s topic; 产业 is not said twice',
      '氢能产业加快示范应用，产业规模突破80亿元。',
      [['产业规模突破80亿元', '氢能产业规模']],
    ],
    [
      'a person counter’s noun is what is counted: the name keeps what counted it',
      '育儿补贴惠及86万名婴幼儿，为3.5万名残疾人提供康复服务。',
      [
        ['育儿补贴惠及86万名婴幼儿', '育儿补贴惠及婴幼儿'],
        ['为3.5万名残疾人提供康复服务', '残疾人提供康复服务'],
      ],
    ],
    [
      'short forms reports use for glossary metrics',
      '规模工业增加值增长6%，城镇居民收入增长4.4%，服务进出口总额增长12%，争取中央转移支付资金4113.7亿元，有效期内高新技术企业达8200家。',
      [
        ['规模工业增加值增长6%', 'industrial_value_added'],
        ['城镇居民收入增长4.4%', 'urban_disposable_income'],
        ['服务进出口总额增长12%', 'service_trade'],
        ['争取中央转移支付资金4113.7亿元', 'central_transfer_payments'],
        ['高新技术企业达8200家', 'hitech_enterprises'],
      ],
    ],
    [
      'pastoral regions’ wording of rural metrics (农牧区 for 农村, 农牧民 for 农民 and 农村居民); investment in a sector named as a field',
      '农牧区劳动力转移就业106万人次，农牧民人均可支配收入增长6.5%，交通领域投资额2400亿元。',
      [
        ['农牧区劳动力转移就业106万人次', 'rural_labour_transferred'],
        ['农牧民人均可支配收入增长6.5%', 'rural_disposable_income'],
        ['交通领域投资额2400亿元', 'transport_investment'],
      ],
    ],
    [
      'a net increase of a count (净增) is named as the text names it, never the stock; a glossary name of new ones is found with its verb first (新增普通高中学位)',
      '高新技术企业净增700家，新增普通高中学位5.8万个。',
      [
        ['高新技术企业净增700家', '净增国家高新技术企业'],
        ['新增普通高中学位5.8万个', 'high_school_places_added'],
      ],
    ],
    [
      'a narrower name holds the glossary’s phrase whole, and a list of examples before a quoted class narrows nothing',
      '消费品以旧换新带动销售额762亿元，高等级航道里程突破1000公里，电动汽车、锂电池、光伏产品“新三样”出口增长18%。',
      [
        ['以旧换新带动销售额762亿元', 'trade_in_sales'],
        ['高等级航道里程突破1000公里', 'high_grade_waterways'],
        ['“新三样”出口增长18%', 'new_three_exports'],
      ],
    ],
    [
      'a measure alone after a list mark is the earlier product’s, never the region’s glossary metric of that name; after a glossary metric it is the region’s',
      '猕猴桃综合产值增长8.5%、出口增长53.6%。地区生产总值增长5%、出口增长10%。',
      [
        ['猕猴桃综合产值增长8.5%', '猕猴桃综合产值'],
        ['出口增长53.6%', '猕猴桃出口'],
        ['地区生产总值增长5%', 'gdp'],
        ['出口增长10%', 'exports'],
      ],
    ],
    [
      'the last part of a list sharing a tail is named by its own words, never by the shared tail alone (东盟 trade is not all trade)',
      '对中亚五国、东盟进出口分别增长37.2%、19%，苹果、猕猴桃出口分别增长5%、6%。',
      [
        ['对中亚五国、东盟进出口分别增长37.2%、19%', '中亚五国进出口'],
        ['对中亚五国、东盟进出口分别增长37.2%、19%', 'asean_trade'],
        ['苹果、猕猴桃出口分别增长5%、6%', '苹果出口'],
        ['苹果、猕猴桃出口分别增长5%、6%', '猕猴桃出口'],
      ],
    ],
    [
      'a bare total after a clause that names a metric and states no figure is that metric’s, not the last figure’s',
      '对东盟进出口增长19%，全省进出口总值创历史新高，达到5379亿元。',
      [
        ['对东盟进出口增长19%', 'asean_trade'],
        ['达到5379亿元', 'foreign_trade'],
      ],
    ],
    [
      '新增 between a stock’s name and its figure makes what was added, never the stock; the total after it is the stock’s',
      '高速公路通车里程新增3000公里，高新技术企业新增500家。铁路运营里程新增1700公里、突破7000公里。',
      [
        ['高速公路通车里程新增3000公里', '新增高速公路通车里程'],
        ['高新技术企业新增500家', 'new_hitech_enterprises'],
        ['铁路运营里程新增1700公里', '新增铁路营运里程'],
        ['突破7000公里', 'railway_length'],
      ],
    ],
    [
      'money raised for the programme that follows is that programme’s funds, one metric per programme',
      '筹措7亿元实施就业惠民工程，筹措280.44亿元实施社保惠民工程。',
      [
        ['筹措7亿元实施就业惠民工程', '就业惠民工程资金'],
        ['筹措280.44亿元实施社保惠民工程', '社保惠民工程资金'],
      ],
    ],
    [
      'a name written whole is no insertion (经济区经济总量 is a zone’s output, not 经济[区经济]总量, the region’s GDP)',
      '成都平原经济区经济总量达到4万亿元，全省经济总量超6万亿元。',
      [
        ['成都平原经济区经济总量达到4万亿元', '成都平原经济区经济总量'],
        ['经济总量超6万亿元', 'gdp'],
      ],
    ],
    [
      'a name followed by a word of consumption per unit is that rate’s (energy per unit of industrial value added), never the name’s',
      '规上工业单位增加值能耗下降5.2%，规上工业增加值增长7.7%，船舶工业增加值能耗下降3%。',
      [
        ['规上工业单位增加值能耗下降5.2%', 'industrial_energy_intensity'],
        ['规上工业增加值增长7.7%', 'industrial_value_added'],
        ['船舶工业增加值能耗下降3%', '船舶工业增加值能耗'],
      ],
    ],
    [
      'a choice a list of counts ends with (入选…名单) is every item’s; an item with a predicate of its own keeps it',
      '16所高校、48个学科入选“双一流”建设名单，25项改革经验获中央改革办推广、83项案例入选年度案例。',
      [
        ['16所高校', '高校入选双一流建设'],
        ['48个学科入选“双一流”建设名单', '学科入选双一流建设名单'],
        ['25项改革经验获中央改革办推广', '改革经验获中央改革办推广'],
        ['83项案例入选年度案例', '案例入选年度案例'],
      ],
    ],
    [
      'after a holder, what a generic counter counts is the noun after it (高校130个学科); after a glossary name or a verb, as before',
      '高校130个学科进入世界高水平行列。启动建设7个省级渔港经济区。地区生产总值连续迈上4个万亿元台阶。',
      [
        ['高校130个学科进入世界高水平行列', '高校学科进入世界高水平行列'],
        ['启动建设7个', '启动建设省级渔港经济区'],
        ['地区生产总值连续迈上4个', '地区生产总值万亿元台阶'],
      ],
    ],
    [
      'suggestions and proposals of the national bodies (全国人大, 全国政协) are their own metrics, not the province’s',
      '办理全国人大代表建议9件、全国政协提案5件，省人大代表建议292件、省政协提案553件。',
      [
        ['办理全国人大代表建议9件', 'national_npc_deputy_suggestions'],
        ['全国政协提案5件', 'national_cppcc_proposals'],
        ['省人大代表建议292件', 'npc_deputy_suggestions'],
        ['省政协提案553件', 'cppcc_proposals'],
      ],
    ],
    [
      'a threshold naming a class (超千亿元的县域) is no statement; the count of the class is named by the whole class',
      '经济总量超千亿元的县域达12个。营收超100亿元的企业达到50家。实施投资2000万元以上的技改项目3000个。',
      [
        ['经济总量超千亿元的县域达12个', '经济总量超千亿元的县域'],
        ['营收超100亿元的企业达到50家', '营收超100亿元的企业'],
        ['投资2000万元以上的技改项目3000个', '投资2000万元以上的技改项目'],
      ],
    ],
    [
      'a threshold right before the class it names (超200亿元县, 超百亿元企业) is no statement either, and a count never totals an amount',
      '主导产业产值突破1.5万亿元，新增经济总量超200亿元县2个、达到29个。营收超百亿元企业达到15家。',
      [
        ['主导产业产值突破1.5万亿元', '主导产业产值'],
        ['新增经济总量超200亿元县2个、达到29个', '经济总量超200亿元县'],
        ['营收超百亿元企业达到15家', '营收超百亿元企业'],
      ],
    ],
    [
      'a count whose clause goes on to a figure of its own is named up to the predicate (落地, 实施, 完成)',
      '15个承接产业转移主平台落地项目2200个。62个省级纵向支持组团实施重点项目1000多个。1550个省重点项目完成投资8000亿元。',
      [
        ['15个承接产业转移主平台落地项目', '承接产业转移主平台'],
        ['承接产业转移主平台落地项目2200个', '承接产业转移主平台落地项目'],
        ['62个省级纵向支持组团实施重点项目', '省级纵向支持组团'],
        ['省级纵向支持组团实施重点项目1000多个', '省级纵向支持组团实施重点项目'],
        ['1550个省重点项目完成投资', '省重点项目'],
        ['省重点项目完成投资8000亿元', 'key_projects_investment'],
      ],
    ],
    [
      'a listed part that goes on from a metric with a measure of its own (游客人均花费) is not that metric',
      '接待游客人次、旅游总花费、游客人均花费年均分别增长4.4%、10%、5.4%。',
      [
        ['接待游客人次、旅游总花费、游客人均花费年均分别增长4.4%、10%、5.4%', 'tourist_visits'],
        ['接待游客人次、旅游总花费、游客人均花费年均分别增长4.4%、10%、5.4%', 'tourist_spending'],
        ['接待游客人次、旅游总花费、游客人均花费年均分别增长4.4%、10%、5.4%', '游客人均花费'],
      ],
    ],
    [
      'a 分别 with no subjects of its own right after a list of as many pairs with that list (each sector ranked, in the national group)',
      '一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九。',
      [
        ['一产、二产、三产增加值分别增长6%、5.2%、5.2%', 'primary_industry_value_added'],
        ['一产、二产、三产增加值分别增长6%、5.2%、5.2%', 'secondary_industry_value_added'],
        ['一产、二产、三产增加值分别增长6%、5.2%、5.2%', 'tertiary_industry_value_added'],
        ['一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九', 'primary_industry_value_added'],
        ['一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九', 'secondary_industry_value_added'],
        ['一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九', 'tertiary_industry_value_added'],
      ],
    ],
    [
      'a technical specification (220千伏及以上, 750千伏和330千伏) is words of a name; a share of an amount the glossary names is its share',
      '220千伏及以上输电线路总长超7万公里。新建22个750千伏和330千伏电网工程。财政民生支出保持在70%以上。',
      [
        ['220千伏及以上输电线路总长超7万公里', '220千伏及以上输电线路总长'],
        ['新建22个750千伏和330千伏电网工程', '新建750千伏和330千伏电网工程'],
        ['财政民生支出保持在70%以上', 'social_spending_share'],
      ],
    ],
    [
      'a count is of things, never of the amount named after them; a year inside a name is the period’s',
      '13个重点园区2025年营业收入突破2.5万亿元。3920个新投产项目增加产值1000亿元。',
      [
        ['13个重点园区2025年营业收入', '重点园区'],
        ['重点园区2025年营业收入突破2.5万亿元', '重点园区营业收入'],
        ['3920个新投产项目增加产值', '新投产项目'],
        ['新投产项目增加产值1000亿元', '新投产项目增加产值'],
      ],
    ],
    ['a handling verb (有效应对) names only what was handled, written after the figure', '有效应对9轮强降雨。', [['有效应对9轮', '有效应对强降雨']]],
    [
      'a bare total after new ones is the stock; 新推出 counts new ones',
      '新增公园127座，提前建成千座公园城市，累计达到1100座。示范区新推出7项制度创新成果、累计达到161项。',
      [
        ['新增公园127座', '新增公园'],
        ['累计达到1100座', '公园'],
        ['新推出7项制度创新成果', '新推出自贸试验区制度创新成果'],
        ['累计达到161项', 'ftz_institutional_innovations'],
      ],
    ],
    [
      'how work on a thing is going (建设扎实推进, 加快推进, 上线运行) is no part of its name',
      '23个山海协作产业园建设扎实推进，42个源网荷储一体化试点加快推进，35项“高效办成一件事”上线运行。',
      [
        ['23个山海协作产业园建设扎实推进', '山海协作产业园'],
        ['42个源网荷储一体化试点加快推进', '源网荷储一体化试点'],
        ['35项“高效办成一件事”上线运行', '高效办成一件事'],
      ],
    ],
    [
      'a part after 其中 with no measure of its own is measured as the whole before it',
      '汽车产量增长1.7倍，其中新能源汽车增长17.2倍。粮食产量800万吨，其中早稻200万吨。进出口总额5000亿元，其中出口3000亿元。',
      [
        ['汽车产量增长1.7倍', 'vehicle_output'],
        ['其中新能源汽车增长17.2倍', 'nev_output'],
        ['粮食产量800万吨', 'grain_output'],
        ['其中早稻200万吨', '早稻产量'],
        ['进出口总额5000亿元', 'foreign_trade'],
        ['出口3000亿元', 'exports'],
      ],
    ],
    [
      'so is one after a stock in use (保有量)',
      '汽车保有量由2552万辆增至3230万辆，其中新能源汽车由45万辆增至356万辆。',
      [
        ['汽车保有量由2552万辆增至3230万辆', '汽车保有量'],
        ['其中新能源汽车由45万辆增至356万辆', 'nev_fleet'],
      ],
    ],
    [
      'what a count chose or passed is named whole, however long the list or test (入选…推广目录, 通过…评估)',
      '全省8个品种入选国家农作物优良品种推广目录。30个县区通过国家义务教育优质均衡发展评估。',
      [
        ['全省8个品种入选国家农作物优良品种推广目', '品种入选国家农作物优良品种推广目录'],
        ['30个县区通过国家义务教育优质均衡发展', '县区通过国家义务教育优质均衡发展评估'],
      ],
    ],
    [
      'how many years running (连续4年) is the period’s to say, never part of a name',
      '棉花产量连续4年占全国九成以上。',
      [['棉花产量连续4年占全国九成以上', '棉花产量占全国比重']],
    ],
    [
      'words that only place what is counted (上下游) are completed by the noun after the figure, up to its predicate',
      '带动上下游千余家企业形成产业集群。',
      [['带动上下游千余家', '上下游企业']],
    ],
    [
      'a bare measure in a sentence that opens with a clause of words is never the topic of a sentence before',
      '吉化乙烯项目投产，总产能达190万吨。创新新能源发展模式，产业投资突破1300亿元。',
      [
        ['总产能达190万吨', '吉化乙烯项目总产能'],
        ['产业投资突破1300亿元', '产业投资'],
      ],
    ],
    [
      'a listed part with words of its own before a metric’s name is a narrower concept; scope and holders are not such words',
      '工业技改投资、制造业技改投资分别增长12%、10%。接待旅游总人数、游客旅游总花费分别增长10.6%、12.6%。',
      [
        ['工业技改投资、制造业技改投资分别增长12%、10%', 'tech_upgrade_investment'],
        ['工业技改投资、制造业技改投资分别增长12%、10%', '制造业技改投资'],
        ['接待旅游总人数、游客旅游总花费分别增长10.6%、12.6%', '接待旅游总人数'],
        ['接待旅游总人数、游客旅游总花费分别增长10.6%、12.6%', 'tourist_spending'],
      ],
    ],
    [
      'a list’s tail is what the last part adds after the words it shares with the first (先进制造业、高技术制造业增加值…)',
      '先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达56.2%、34.7%。城市公园、“口袋公园”保有量分别达到1436个、883个。',
      [
        ['先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达56.2%、34.7%', '先进制造业增加值占规模以上工业增加值比重'],
        ['先进制造业、高技术制造业增加值占规模以上工业增加值比重分别达56.2%、34.7%', 'high_tech_manufacturing_share'],
        ['城市公园、“口袋公园”保有量分别达到1436个、883个', '城市公园保有量'],
        ['城市公园、“口袋公园”保有量分别达到1436个、883个', '口袋公园保有量'],
      ],
    ],
    [
      'a bare 总量 after an increment narrows nothing: the stock named before it',
      '新增上市公司15家、总量达98家。',
      [['上市公司15家、总量达98家', 'listed_companies']],
    ],
    [
      'an increment verb heading a list of counts makes each count with no verb of its own an increment too',
      '新增科技型中小企业7227家、高新技术企业3200家、专精特新企业1565家，新建10家省级概念验证中心、30家标杆孵化器。',
      [
        ['新增科技型中小企业7227家', 'new_tech_smes'],
        ['高新技术企业3200家', 'new_hitech_enterprises'],
        ['专精特新企业1565家', 'new_specialised_smes'],
        ['新建10家省级概念验证中心', '新建概念验证中心'],
        ['30家标杆孵化器', '新建标杆孵化器'],
      ],
    ],
    [
      'a count of new ones fostered, recognised or added under a stock’s short name is the glossary’s count of new ones; a longer name is its own, and so is an amount',
      '新增专精特新企业100家，新认定高新技术企业1400家，新培育科技型中小企业3000家，新增概念验证中心和研发平台10家，新增铁路运营里程639公里。',
      [
        ['新增专精特新企业100家', 'new_specialised_smes'],
        ['新认定高新技术企业1400家', 'new_hitech_enterprises'],
        ['新培育科技型中小企业3000家', 'new_tech_smes'],
        ['概念验证中心和研发平台10家', '新增概念验证中心和研发平台'],
        ['新增铁路运营里程639公里', '新增铁路运营里程'],
      ],
    ],
    [
      'the verb of a flow’s own name (新增城镇就业) heads no list, nor does one inside a name (城镇新增就业); an item with a verb of its own is out of reach',
      '新增城镇就业12万人、农村劳动力转移就业8万人，城镇新增就业3万人、农村劳动力转移就业2万人，新增机器人企业10家、人形机器人产量突破5000台。',
      [
        ['新增城镇就业12万人', 'new_urban_jobs'],
        ['农村劳动力转移就业8万人', 'rural_labour_transferred'],
        ['城镇新增就业3万人', 'new_urban_jobs'],
        ['农村劳动力转移就业2万人', 'rural_labour_transferred'],
        ['新增机器人企业10家', '新增机器人企业'],
        ['人形机器人产量突破5000台', '人形机器人产量'],
      ],
    ],
    [
      'computing power has glossary metrics (算力规模, 智能算力, 超算算力); a code in Latin letters is no unit',
      '算力规模突破4000P，智能算力达4800PF，超算算力达228PF，5G基站达到2万个。',
      [
        ['算力规模突破4000P', 'computing_power'],
        ['智能算力达4800PF', 'intelligent_computing_power'],
        ['超算算力达228PF', 'supercomputing_power'],
        ['5G基站达到2万个', 'base_stations_5g'],
      ],
    ],
    [
      'a name of new ones (残疾人新增就业) is never made new again by the increment verb heading its list',
      '新增城镇就业10万人、残疾人就业6500人。残疾人新增就业2.1万人。',
      [
        ['新增城镇就业10万人', 'new_urban_jobs'],
        ['残疾人就业6500人', 'new_jobs_disabled'],
        ['残疾人新增就业2.1万人', 'new_jobs_disabled'],
      ],
    ],
    [
      'a head of population opening a list (每千人托位、养老床位数) is every part’s: a rate, never the stock it is a rate of',
      '每千人托位、养老床位数分别达到4.7个、27.3张。',
      [
        ['每千人托位、养老床位数分别达到4.7个、27.3张', 'childcare_places_per_1000'],
        ['每千人托位、养老床位数分别达到4.7个、27.3张', '每千人养老床位数'],
      ],
    ],
    [
      'a quote ends before the 和 or 及 that joins the next counted item',
      '建成30家标杆孵化器和10家中试平台，培育20家领军企业及5家链主企业。',
      [
        ['建成30家标杆孵化器', '标杆孵化器'],
        ['10家中试平台', 'pilot_bases'],
        ['培育20家领军企业', '领军企业'],
        ['5家链主企业', '链主企业'],
      ],
    ],
    [
      'how many more of a count (增加) is its increase, never the count; 提升 says what was upgraded; a glossary count of new ones is what 增加 counts',
      '高新技术企业增加2000多家，改造提升25个标准化养老机构，普通高中学位增加6710个。',
      [
        ['高新技术企业增加2000多家', '国家高新技术企业增加额'],
        ['改造提升25个标准化养老机构', '标准化养老机构'],
        ['普通高中学位增加6710个', 'high_school_places_added'],
      ],
    ],
    [
      'of a land area too only 增加 says how much more (提升 says what was worked), and 再 is no part of a name',
      '耕地面积增加50万亩，森林抚育提升200万亩，人均住房面积提高2平方米，力争国家级实验室再增加3家。',
      [
        ['耕地面积增加50万亩', '耕地面积增加额'],
        ['森林抚育提升200万亩', '森林抚育'],
        ['人均住房面积提高2平方米', '人均住房面积增加额'],
        ['力争国家级实验室再增加3家', '国家级实验室增加额'],
      ],
    ],
    ['a verb phrase is no topic: the measure stays bare', '拓展生物基材料产业化应用。产值超过50亿元。', [['产值超过50亿元', '产值']]],
    [
      '其中 counts a subset the same way as the figure before it, whose words stop at the list mark',
      '经营主体稳步增长。总量达980万户，新登记52万户、其中个体工商户40万户。',
      [
        ['总量达980万户', 'market_entities'],
        ['新登记52万户', 'new_market_entities'],
        ['其中个体工商户40万户', '新登记个体工商户'],
      ],
    ],
  ])('%s', (_what, text, expected) => {
    expect(named(text)).toEqual(expected);
  });

  it('ranks listed after the first take its peer group (居全国第二、第七、第九: all national ranks, all indicators)', () => {
    const ranks = extract('一产、二产、三产增加值分别增长6%、5.2%、5.2%，分别居全国第二、第七、第九。').statements.filter((s) => s.kind === 'rank');
    expect(ranks.map((s) => [s.value, s.reason])).toEqual([
      [2, undefined],
      [7, undefined],
      [9, undefined],
    ]);
  });

  it('a count is never the total of a rate the sentence named before it (9所高校 is no enrolment rate)', () => {
    const text = '高等教育毛入学率提升至52%以上、进入普及化阶段，9所省市（州）共建本科高校管理体制改革全面完成。';
    expect(named(text).filter(([, metric]) => metric === 'higher_education_enrolment_rate')).toEqual([
      ['高等教育毛入学率提升至52%以上', 'higher_education_enrolment_rate'],
    ]);
  });

  it('位 counts people, but not places moved or bounded in a ranking', () => {
    const { statements } = extract('新晋院士3位，综合排名较上年前移3位，营商环境评价排名提升5位，前10位城市中有2个。');
    expect(statements.map((s) => [s.value, s.unit])).toEqual([
      [3, 'person'],
      [2, 'item'],
    ]);
  });

  it('a count of milestones names what it counts; the level after it keeps the glossary metric', () => {
    const { statements } = extract('全省生产总值接连跨上2个千亿元台阶、达到6200亿元。');
    expect(statements.map((s) => [s.value, s.proposed?.zh ?? s.metric])).toEqual([
      [2, '生产总值千亿元台阶'],
      [6200, 'gdp'],
    ]);
    // Never the glossary name again under a second key.
    expect(statements.filter((s) => s.proposed && localisation.glossary.has('metric', s.proposed.zh))).toEqual([]);
  });

  it('reads a bare number after a ratio of two amounts as that ratio to one', () => {
    const { statements } = extract('城乡居民收入比缩小至2.31，农村居民人均可支配收入达到2.1万元。');
    expect(statements.map((s) => [s.value, s.unit, s.kind, s.metric])).toEqual([
      [2.31, 'ratio', 'ratio', 'urban_rural_income_ratio'],
      [2.1, 'yuan_1e4', 'level', 'rural_disposable_income'],
    ]);
  });

  it('money per head is a rate a rate metric takes: 全员劳动生产率 in 万元/人', () => {
    const { statements } = extract('全员劳动生产率提高到38万元/人。');
    expect(statements.map((s) => [s.value, s.unit, s.kind, s.metric])).toEqual([[38, 'yuan_per_person_1e4', 'level', 'labour_productivity']]);
  });

  it('gives a rank its peer group: worldwide (全球), among provinces (各省区)', () => {
    const { draft } = extract('光伏组件产量跃升至全球第1位，森林蓄积量居各省区第二。');
    expect(draft.indicators.map((i) => [i.value, i.rank?.peers])).toEqual([
      [1, 'worldwide'],
      [2, 'provinces'],
    ]);
  });

  it.each<[string, unknown[]]>([
    ['新增城市公园绿地320公顷', [320, 'hectare', 'level', 'exact']],
    ['耕层厚度达到25厘米', [25, 'centimetre', 'level', 'reached']],
    ['土壤有机质含量达到22克/千克', [22, 'gram_per_kilogram', 'level', 'reached']],
    ['出版图书12部', [12, 'item_bu', 'count', 'exact']],
    ['机耕作业3000万亩次', [3000, 'mu_time_1e4', 'level', 'exact']],
    ['风电发电量超3000亿度', [3000, 'kwh_1e8', 'level', 'over']],
    // Computing power in petaflops, written in Latin letters (P, PF) as no code is (5G, T3).
    ['算力规模突破4000P', [4000, 'pflops', 'level', 'over']],
    ['智能算力达4800PF', [4800, 'pflops', 'level', 'reached']],
    ['算力规模突破160Eflops', [160, 'eflops', 'level', 'over']],
    ['建成智能算力超4.8万P', [4.8, 'pflops_1e4', 'level', 'over']],
  ])('reads the unit in %s', (text, expected) => {
    expect(read(`${text}。`)).toEqual([expected]);
  });
});

describe('periods and targets', () => {
  const times = (text: string, region = 'chengdu') => extract(text, region).statements.map((s) => [s.value, s.kind, s.period]);

  it('a 2026 work report: results are 2025, 今年 targets 2026, 到2030年 is 2030', () => {
    const report = [
      '政府工作报告',
      '规模以上工业增加值增长7%。力争工业投资增长6.5%。',
      '“十五五”发展的主要考虑',
      '提出了到2030年地区生产总值达到3.2万亿元的目标。',
      '2026年工作安排',
      '今年是“十五五”开局之年。',
      '今年全市经济社会发展的主要预期目标是:地区生产总值增长5.5%左右;城镇新增就业24万人以上。',
      '实施成渝区域科技创新合作项目10个以上。',
    ].join('\n');
    expect(times(report)).toEqual([
      [7, 'growth', 2025],
      [6.5, 'target', 2026],
      [3.2, 'target', 2030],
      [5.5, 'target', 2026],
      [24, 'target', 2026],
      [10, 'target', 2026],
    ]);
    expect(extract(report).draft.period).toEqual({ from: 2025, to: 2026 });
  });

  it('a figure for the report’s own year (今年) is a target, even in a paragraph that reviews the last one; 今年以来 is not', () => {
    expect(times('2026年政府工作报告\n去年全省地区生产总值增长5.4%。今年地区生产总值增长5%左右。')).toEqual([
      [5.4, 'growth', 2025],
      [5, 'target', 2026],
    ]);
    // 年内 and 本年 in a review are the year reviewed; 今年以来 and 今年一季度 are results so far.
    expect(times('2026年政府工作报告\n过去一年，年内新增城镇就业25.3万人，本年新开工重大项目200个。').map((t) => t[1])).toEqual(['count', 'count']);
    expect(times('2026年政府工作报告\n过去一年，全市经济平稳。今年一季度以来，全市地区生产总值增长5.5%。').map((t) => t[1])).toEqual(['growth']);
  });

  it('a paragraph opened as one of the five years (这是…的五年, 过去的五年) reviews the plan; a level held for years named is held over them, its verb opening the figure or not', () => {
    const report =
      '2026年政府工作报告\n一、2025年和“十四五”时期工作回顾\n过去一年，全省地区生产总值增长5.4%。\n这是综合经济实力显著提升的五年。\n进出口总值实现翻番，粮食总产量连续18年保持在100万吨以上。\n过去的五年，城乡居民收入年均增长6%。';
    expect(times(report)).toEqual([
      [5.4, 'growth', 2025],
      [100, 'growth', { from: 2021, to: 2025 }],
      [100, 'level', { from: 2008, to: 2025 }],
      [6, 'growth', { from: 2021, to: 2025 }],
    ]);
  });

  it('近五年 in the review is the last plan’s span, and no part of the metric’s name', () => {
    const report = '2026年政府工作报告\n一、2025年和“十四五”工作回顾\n过去一年，全省地区生产总值增长5.4%。近五年全省研发投入年均增长10%。';
    expect(times(report)).toEqual([
      [5.4, 'growth', 2025],
      [10, 'growth', { from: 2021, to: 2025 }],
    ]);
    expect(extract(report).statements[1]?.metric).toBe('rnd_spending');
  });

  it('a span of years in numerals (二〇二一—二〇二五年) folds as a span', () => {
    expect(compactText('“十四五”（二〇二一—二〇二五年）时期').text).toBe('“十四五”(2021—2025年)时期');
    expect(compactText('二○三○年').text).toBe('2030年');
    expect(compactText('一九八二年的一九九个项目').text).toBe('1982年的一九九个项目');
  });

  it('a horizon in numerals (到二〇三〇年) is the same year as in digits, and the quote keeps the numerals', () => {
    const report = '2026年政府工作报告\n到二〇三〇年，常住人口城镇化率达到70%。';
    expect(times(report)).toEqual([[70, 'target', 2030]]);
    expect(extract(report).statements[0]?.quote).toBe('常住人口城镇化率达到70%');
    expect(times('2026年政府工作报告\n到二○三○年，常住人口城镇化率达到70%。')).toEqual([[70, 'target', 2030]]);
  });

  it('an analysis: the year it opens on is its review year; `2024年是…` starts the outlook', () => {
    const text =
      '课题组\n2023年，全市地区生产总值超2.2万亿元、增长6%。\n2024年是关键一年。统筹推进158个重大项目建设。\n以科技创新引领产业升级\n打造10个示范品牌。';
    expect(times(text)).toEqual([
      [2.2, 'level', 2023],
      [158, 'target', 2024],
      [10, 'target', 2024],
    ]);
    expect(extract(text).draft.kind).toBe('analysis');
  });

  it('a news article: 未来五年 sets targets for five years on; a sentence with 以上 states targets; 去年 is the year before', () => {
    const text = [
      '# 未来五年 加快建设',
      '森林覆盖率达到41%以上。',
      '### 2023年工作安排建议',
      '# 青白江：奋力建设北部中心',
      '过去一年，地区生产总值达到650.7亿元。',
      '民生福祉永不止步！实现新增就业1万人以上，城镇登记失业率控制在4%以内；建成21个儿童友好社区。',
      '去年，新建天府绿道36公里。',
    ].join('\n');
    expect(times(text, 'qingbaijiang')).toEqual([
      [41, 'target', 2027],
      [650.7, 'level', 2022],
      [1, 'target', 2023],
      [4, 'target', 2023],
      [21, 'target', 2023],
      [36, 'level', 2022],
    ]);
  });

  it('a five-year plan: its targets are for its last year unless a year is named', () => {
    const text =
      '成都市青白江区国民经济和社会发展第十四个五年规划和2035年远景目标纲要\n第三章 打造陆港主枢纽\n到 2025 年，集装箱吞吐量达到 120万标箱。\n到“十四五”末期，城镇居民人均可支配收入年均增幅不低于 7.5 %。';
    const result = extract(text, 'qingbaijiang');
    expect(result.statements.map((s) => [s.value, s.kind, s.period])).toEqual([
      [120, 'target', 2025],
      [7.5, 'target', 2025],
    ]);
    expect(result.draft).toMatchObject({ kind: 'five-year-plan', period: { from: 2021, to: 2025 } });
  });

  it.each([
    ['十三', { from: 2016, to: 2020 }],
    ['十四', { from: 2021, to: 2025 }],
    ['十五', { from: 2026, to: 2030 }],
  ])('plan %s五 runs %o', (numeral, years) => {
    expect(planYears(numeral)).toEqual(years);
  });

  describe('a 2026 report: how each figure of the five-year review and the plan ahead is dated', () => {
    const review = (sentence: string) => times(`2026年政府工作报告\n一、“十四五”时期工作回顾\n五年来，${sentence}`);
    it.each<[string, string, unknown[][]]>([
      ['a stock reached (达) is the last year’s', '规上工业企业数量达5200家。', [[5200, 'count', 2025]]],
      [
        'what is being built now (在建) is a stock',
        '建成数字化车间30个、在建12个。',
        [
          [30, 'count', { from: 2021, to: 2025 }],
          [12, 'count', 2025],
        ],
      ],
      [
        'a stock over a threshold (超) is the last year’s; events over one (送戏下乡, 开工) are the plan’s',
        '国家高新技术企业超1.5万家，免费送戏下乡超8万场，开工项目超1万个。',
        [
          [1.5, 'count', 2025],
          [8, 'count', { from: 2021, to: 2025 }],
          [1, 'count', { from: 2021, to: 2025 }],
        ],
      ],
      ['a level held (稳定在…以上) runs over the plan', '医保参保率稳定在96%以上。', [[96, 'share', { from: 2021, to: 2025 }]]],
      ['an annual amount (年产量) runs over the plan', '粮食年产量超700亿斤。', [[700, 'level', { from: 2021, to: 2025 }]]],
      ['land treated (治理) is the plan’s work', '治理水土流失面积3.55万平方公里。', [[3.55, 'level', { from: 2021, to: 2025 }]]],
      ['visits and trips (人次) are a flow over the plan, never a stock', '农村劳动力外出务工1610万人次。', [[1610, 'level', { from: 2021, to: 2025 }]]],
      ['roads built or rebuilt (新改建) are the plan’s work', '新改建农村公路4.2万公里。', [[4.2, 'level', { from: 2021, to: 2025 }]]],
      ['the end of a move (由48户整合至15户) is the last year’s', '省属企业由48户整合至15户。', [[15, 'count', 2025]]],
      ['so is the end of a move to a rate per month (提高到每月815元)', '城市低保标准提高到每月815元。', [[815, 'level', 2025]]],
      [
        'a listed figure shares its verb’s time',
        '文化场馆、体育场馆分别增至320座、150座。',
        [
          [320, 'count', 2025],
          [150, 'count', 2025],
        ],
      ],
      [
        'measured against the previous plan: the current one',
        '工业投资比“十三五”时期增长52%，地区生产总值较“十三五”末净增3000亿元。',
        [
          [52, 'growth', { from: 2021, to: 2025 }],
          [3000, 'level', { from: 2021, to: 2025 }],
        ],
      ],
      [
        '近N年 and N年 before a change span those years',
        '近3年森林覆盖率提升2.1个百分点，税收收入4年增长30%。',
        [
          [2.1, 'growth', { from: 2023, to: 2025 }],
          [30, 'growth', { from: 2022, to: 2025 }],
        ],
      ],
      [
        'a gap to a reference is read at the end, with its level',
        '高中阶段毛入学率达到95.5%，高于全国平均水平3.2个百分点。林草覆盖率优于考核目标2.5个百分点。',
        [
          [95.5, 'share', 2025],
          [2.5, 'growth', 2025],
        ],
      ],
      [
        '累计 heading a list sums each item that states only its figure, not one with a verb of its own',
        '累计接待游客5.2亿人次、旅游收入4800亿元，累计建成充电桩8万个、覆盖率达到95%。',
        [
          [5.2, 'level', { from: 2021, to: 2025 }],
          [4800, 'level', { from: 2021, to: 2025 }],
          [8, 'count', { from: 2021, to: 2025 }],
          [95, 'share', 2025],
        ],
      ],
      [
        'a span at the head of a sentence, and the years of a move',
        '2020年到2025年，服务业增加值占比从50.1%提升到54.3%，人均生产总值从2020年的6.1万元提高到2025年的8.3万元。',
        [
          [54.3, 'share', 2025],
          [8.3, 'level', 2025],
        ],
      ],
    ])('%s', (_what, sentence, expected) => {
      expect(review(sentence)).toEqual(expected);
    });

    it.each(['五年来', '五年间', '过去5年', '这五年', '过去的五年里'])('a paragraph opened by %s in the year’s review reviews the plan', (opening) => {
      const text = `2026年政府工作报告\n一、2025年工作回顾\n过去一年，经济平稳。\n${opening}，新建5G基站8万个，粮食产量达到700亿斤。`;
      expect(times(text)).toEqual([
        [8, 'count', { from: 2021, to: 2025 }],
        [700, 'level', 2025],
      ]);
    });

    it('a change against a base year (比2020年) runs from the year after it to the year the sentence names, else the year under review', () => {
      const text =
        '2026年政府工作报告\n一、2025年工作回顾\n工业投资比2020年增长30%。2024年全省服务业增加值占比较2020年提高4个百分点。2025年比2024年增长5%。工业比2024年增长6%。';
      expect(times(text)).toEqual([
        [30, 'growth', { from: 2021, to: 2025 }],
        [4, 'growth', { from: 2021, to: 2024 }],
        [5, 'growth', 2025],
        [6, 'growth', 2025],
      ]);
      // A quote never starts inside a number, however long the words before the figure.
      const quote = (sentence: string) => extract(`2026年政府工作报告\n一、2025年工作回顾\n${sentence}`, 'chengdu').statements[0]?.quote;
      expect(quote('2025年全省产业占比较2020年提高14个百分点。')).toBe('2025年全省产业占比较2020年提高14个百分点');
      // Nor between 第 and its number.
      expect(quote('在第9届亚冬会上为中国体育代表团贡献9金、5银、6铜。')).toMatch(/^第9届/);
    });

    it('YYYY年以来 at the head of a sentence spans the years from it to the year under review', () => {
      expect(times('2026年政府工作报告\n一、2025年工作回顾\n2023年以来，新建5G基站8万个，粮食产量达到700亿斤。2024年，新建5G基站2万个。')).toEqual([
        [8, 'count', { from: 2023, to: 2025 }],
        [700, 'level', 2025],
        [2, 'count', 2024],
      ]);
    });

    it('a review heading of the last five years (过去五年) that names no plan reviews the plan the year under review ends', () => {
      const text = '2026年政府工作报告\n一、过去五年工作回顾\n地区生产总值年均增长5.5%，城镇新增就业累计300万人，粮食产量达到700亿斤。';
      expect(times(text)).toEqual([
        [5.5, 'growth', { from: 2021, to: 2025 }],
        [300, 'count', { from: 2021, to: 2025 }],
        [700, 'level', 2025],
      ]);
    });

    it('年均 before a change in the year’s review averages the years of the plan under way, unless it names the measure', () => {
      const text = '2026年政府工作报告\n一、2025年工作回顾\n地区生产总值增长5%、年均增长5.5%，PM2.5年均浓度下降3%。';
      expect(times(text)).toEqual([
        [5, 'growth', 2025],
        [5.5, 'growth', { from: 2021, to: 2025 }],
        [-3, 'growth', 2025],
      ]);
      expect(times('2025年政府工作报告\n一、2024年工作回顾\n地区生产总值年均增长5.5%。')).toEqual([[5.5, 'growth', { from: 2021, to: 2024 }]]);
    });

    it('累计 before a change in the year’s review is the whole change over the plan’s years so far', () => {
      const text = '2026年政府工作报告\n一、2025年工作回顾\n能耗强度累计下降17.3%，单位地区生产总值能耗下降3%。';
      expect(times(text)).toEqual([
        [-17.3, 'growth', { from: 2021, to: 2025 }],
        [-3, 'growth', 2025],
      ]);
    });

    it('a short framing sentence gives way to the plan review after it', () => {
      const text =
        '2026年政府工作报告\n一、2025年工作回顾\n过去一年，地区生产总值增长5%。\n各位代表！2025年是“十四五”收官之年。五年来，地区生产总值年均增长5.5%。';
      expect(times(text)).toEqual([
        [5, 'growth', 2025],
        [5.5, 'growth', { from: 2021, to: 2025 }],
      ]);
    });

    it('a plan’s goals without a horizon: levels are the plan’s last year; growth, additions and levels held run over the plan', () => {
      const text =
        '2026年政府工作报告\n三、“十五五”时期主要目标\n人均预期寿命提高到80岁，森林覆盖率达25%，城镇新增就业300万人，粮食产量稳定在700亿斤以上，居民人均可支配收入年均增长5%，人均受教育年限增加1年，国家级实验室再增加3家。';
      expect(times(text)).toEqual([
        [80, 'target', 2030],
        [25, 'target', 2030],
        [300, 'target', { from: 2026, to: 2030 }],
        [700, 'target', { from: 2026, to: 2030 }],
        [5, 'target', { from: 2026, to: 2030 }],
        [1, 'target', { from: 2026, to: 2030 }],
        [3, 'target', { from: 2026, to: 2030 }],
      ]);
    });

    it('回望过去五年 after a short framing sentence opens a review of the plan', () => {
      const text =
        '2026年政府工作报告\n一、2025年和“十四五”时期工作回顾\n过去一年，地区生产总值增长5%。\n各位代表！“十四五”规划顺利收官。回望过去五年，全省上下攻坚克难。\n（一）转向高质量发展。税收收入年均增长3%。';
      expect(times(text)).toEqual([
        [5, 'growth', 2025],
        [3, 'growth', { from: 2021, to: 2025 }],
      ]);
    });

    it('a change attached to a level and dated to a span (年均, or a five-year review’s whole change) runs over it, not the level’s year', () => {
      const changes = (text: string) => extract(text, 'chengdu').draft.indicators.map((i) => [i.value, i.period, i.change]);
      expect(
        changes('2026年政府工作报告\n一、“十四五”时期工作回顾\n五年来，地区生产总值跨过3万亿元、年均增长5.2%，居民人均可支配收入超3.1万元、年均增速6.1%。'),
      ).toEqual([
        [3, 2025, { value: 5.2, unit: 'percent', averageOver: { from: 2021, to: 2025 } }],
        [3.1, 2025, { value: 6.1, unit: 'percent', averageOver: { from: 2021, to: 2025 } }],
      ]);
      expect(changes('2026年政府工作报告\n一、“十四五”时期工作回顾\n五年来，新能源总装机达到8000万千瓦、增长2.4倍，贷款余额13万亿元，增长83%。')).toEqual([
        [8000, 2025, { value: 2.4, unit: 'times', over: { from: 2021, to: 2025 } }],
        [13, 2025, { value: 83, unit: 'percent', over: { from: 2021, to: 2025 } }],
      ]);
      // A plan's goal: the level is the plan's last year's, its 年均 growth over the plan, 左右 kept.
      expect(changes('2026年政府工作报告\n二、“十五五”时期主要目标\n地区生产总值年均增长5%左右、达到3万亿元。')).toEqual([
        [3, 2030, { value: 5, unit: 'percent', qualifier: 'about', averageOver: { from: 2026, to: 2030 } }],
      ]);
      // The year's review: a change of the year.
      expect(changes('2026年政府工作报告\n一、2025年工作回顾\n过去一年，地区生产总值达到3万亿元、增长5%。')).toEqual([
        [3, 2025, { value: 5, unit: 'percent' }],
      ]);
    });

    it('a threshold crossed (迈上, 跨越…台阶) is more than it; the steps crossed are a count', () => {
      const read = (sentence: string) =>
        extract(`2026年政府工作报告\n一、2025年工作回顾\n${sentence}`, 'chengdu').statements.map((s) => [s.value, s.kind, s.qualifier]);
      expect(read('地区生产总值迈上4000亿元台阶，粮食产量跃上500亿斤，工业总产值跨越5000亿元大关。')).toEqual([
        [4000, 'level', 'over'],
        [500, 'level', 'over'],
        [5000, 'level', 'over'],
      ]);
      expect(read('地区生产总值连续迈上4个万亿元台阶，经济总量跨过3个千亿元台阶。')).toEqual([
        [4, 'count', 'exact'],
        [3, 'count', 'exact'],
      ]);
    });

    it('a paragraph opened by a dash (——这五年) is read by its opening words', () => {
      const text = '2026年政府工作报告\n一、2025年和“十四五”时期工作回顾\n——这五年，创新动能更加强劲。高新技术企业数增长1.7倍，研发人员年均增长11.2%。';
      expect(times(text)).toEqual([
        [1.7, 'growth', { from: 2021, to: 2025 }],
        [11.2, 'growth', { from: 2021, to: 2025 }],
      ]);
    });

    it('未来五年 sets goals over the five years ahead: levels at their end, growth over them', () => {
      const headed = '2026年政府工作报告\n三、未来五年的主要目标\n常住人口城镇化率达到68%，研发经费投入年均增长10%左右。';
      const opened = '2026年政府工作报告\n二、“十五五”时期的发展\n未来五年，常住人口城镇化率达到68%，研发经费投入年均增长10%左右。';
      for (const text of [headed, opened])
        expect(times(text)).toEqual([
          [68, 'target', 2030],
          [10, 'target', { from: 2026, to: 2030 }],
        ]);
    });

    it('a result measured against the year’s targets (高于预期目标) is no target', () => {
      const text =
        '2026年政府工作报告\n一、2025年工作回顾\n——经济增长稳中有进。地区生产总值增长5.1%，增速高于预期目标。规上工业增加值增长7.7%。\n今年的主要预期目标是：地区生产总值增长5%左右。';
      expect(times(text)).toEqual([
        [5.1, 'growth', 2025],
        [7.7, 'growth', 2025],
        [5, 'target', 2026],
      ]);
    });

    it('a level held for years named is held over them; a rank held so is now’s', () => {
      const text = '2026年政府工作报告\n一、“十四五”时期工作回顾\n五年来，群众满意度连续6年保持95%以上，外贸进出口总额连续5年保持全国第3位。';
      expect(times(text)).toEqual([
        [95, 'share', { from: 2020, to: 2025 }],
        [3, 'rank', 2025],
      ]);
    });

    it('under a plan’s horizon (到2030年) levels are the horizon’s; growth and levels held run over the plan', () => {
      const text =
        '2026年政府工作报告\n三、“十五五”时期主要目标\n到2030年，常住人口城镇化率达到70%，城镇调查失业率控制在5.5%左右，地区生产总值年均增长5%左右。';
      expect(times(text)).toEqual([
        [70, 'target', 2030],
        [5.5, 'target', { from: 2026, to: 2030 }],
        [5, 'target', { from: 2026, to: 2030 }],
      ]);
    });
  });

  it('力争 makes every unqualified or merely reached figure of its sentence an aim, up to a semicolon; 努力争取 does not', () => {
    const text =
      '2026年政府工作报告\n二、2026年工作安排\n力争新增高新技术企业500家，工业增加值增长6%，数字经济核心产业增加值占比达到12%。努力争取更好结果；一般公共预算收入增长3%。';
    expect(extract(text).statements.map((s) => [s.value, s.qualifier])).toEqual([
      [500, 'aim'],
      [6, 'aim'],
      [12, 'aim'],
      [3, 'exact'],
    ]);
  });

  it('争取 makes only its own clause an aim', () => {
    const text = '2026年政府工作报告\n二、2026年工作安排\n今年主要目标是：进出口总额争取增长3%，城镇新增就业45万人。';
    expect(extract(text).statements.map((s) => [s.value, s.qualifier])).toEqual([
      [3, 'aim'],
      [45, 'exact'],
    ]);
  });

  it('takes the topic from the section the figure sits in', () => {
    const text =
      '（二）坚持生态优先、绿色发展\n先进制造业提档升级。规模以上工业企业增至4408家。\n污染防治扎实有效。生活垃圾资源化利用率提升至84.7%。\n新增城市绿地1833万平方米。';
    expect(extract(text).draft.indicators.map((i) => i.topic)).toEqual(['industry', 'environment', 'environment']);
  });
});

describe('decoding report bytes', () => {
  const text = '地区生产总值增长6%。';

  it('the GB18030 helper writes the known codes: 中文 is D6D0 CEC4', () => {
    expect([...gb18030('中文')]).toEqual([0xd6, 0xd0, 0xce, 0xc4]);
  });

  it.each<[string, Uint8Array, string]>([
    ['UTF-8', new TextEncoder().encode(text), 'utf-8'],
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8'],
    ['UTF-16LE with a BOM', Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]), 'utf-16le'],
    ['UTF-16BE with a BOM', Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]), 'utf-16be'],
    ['GB18030', gb18030(text), 'gb18030'],
  ])('reads %s', (_name, bytes, encoding) => {
    expect(decodeReport(bytes)).toEqual({ text, encoding });
  });

  it.each<[string, Uint8Array, RegExp]>([
    ['an empty file', new Uint8Array(), /empty/],
    ['NUL bytes', Uint8Array.from([0x41, 0x00, 0x42]), /binary data.*NUL byte at byte 1/],
    ['bytes that are neither UTF-8 nor GB18030', Uint8Array.from([0x41, 0xff, 0xff, 0x80]), /neither UTF-8 nor GB18030/],
    ['control characters', Uint8Array.from([0x41, 0x01, 0x02, 0x03, 0x04, 0x42]), /binary data/],
  ])('rejects %s', (_name, bytes, message) => {
    expect(() => decodeReport(bytes)).toThrow(DecodeError);
    expect(() => decodeReport(bytes)).toThrow(message);
  });
});

describe('bad input', () => {
  it('text with no figures is a valid draft with no indicators', () => {
    const { draft } = extract('坚持稳中求进工作总基调，推动高质量发展。');
    expect(draft.indicators).toEqual([]);
    expect(draft.unmatched).toEqual([]);
    expect(validateBriefing(draft, { file: 'x', localisation }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('asks for the region when the text names none', () => {
    expect(() => extractDraft('增长6%。', { localisation, fallbackYear: 2026 })).toThrow(RegionError);
    expect(() => extractDraft('增长6%。', { localisation, fallbackYear: 2026 })).toThrow(/no region named in the title or first lines.*pass --region/);
  });

  it('reads a 10 MB report in one linear pass (seed text, long digit runs, stray marks) into a valid draft', () => {
    const seed = readFileSync(join(PROJECT_ROOT, 'data/sources/003_4a09d1ca12ba0be9.txt'), 'utf8');
    const noise = `${'1'.repeat(5000)}${'第'.repeat(500)}${'“'.repeat(200)}${'增长5%、'.repeat(200)}${'分别'.repeat(100)}\n`;
    const parts: string[] = [];
    let size = 0;
    while (size < 10 * 1024 * 1024) {
      parts.push(seed, noise);
      size += Buffer.byteLength(seed) + Buffer.byteLength(noise);
    }
    const { draft, statements } = extract(parts.join(''));
    expect(statements.length).toBeGreaterThan(10_000);
    expect(validateBriefing(draft, { file: 'big', localisation }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('briefings extract', () => {
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(work, name);
    writeFileSync(path, bytes);
    return path;
  };

  it('prints a draft that validates, 2-space JSON, and says on stderr what it found', async () => {
    const source = join(PROJECT_ROOT, 'data/sources/001_5f259a37d2f73165.txt');
    const run = await runCli(['extract', source]);
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(1);
    expect(run.out[0]).toMatch(/^\{\n {2}"id": "chengdu-2026-work-report",\n/);
    const draft = JSON.parse(run.out[0] as string);
    expect(draft).toMatchObject({ status: 'draft', region: 'chengdu', kind: 'work-report', source: { file: '001_5f259a37d2f73165.txt' } });
    expect(
      validateBriefing(draft, { file: 'f', localisation, sourceText: readFileSync(source, 'utf8') }).problems.filter((p) => p.severity === 'error'),
    ).toEqual([]);
    expect(run.err.join('\n')).toMatch(/\d+ indicators, \d+ unmatched phrases/);
  });

  it('takes --region and --id', async () => {
    const run = await runCli(['extract', file('plain.txt', '城镇新增就业31.1万人。'), '--region', 'qingbaijiang', '--id', 'qbj-draft']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out[0] as string)).toMatchObject({
      id: 'qbj-draft',
      region: 'qingbaijiang',
      indicators: [{ metric: 'new_urban_jobs', value: 31.1, period: 2025 }],
    });
  });

  it('reads a GB18030 file', async () => {
    const run = await runCli(['extract', file('gb.txt', gb18030('成都市\n地区生产总值增长6%。')), '--region', 'chengdu']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out[0] as string).indicators[0]).toMatchObject({ metric: 'gdp', value: 6, quote: '地区生产总值增长6%', offset: 4 });
  });

  it.each<[string, Uint8Array | string, RegExp]>([
    ['an empty file', '', /empty\.txt: the file is empty/],
    ['a binary file', Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), /binary\.txt: binary data, not a text report/],
  ])('fails on %s with a message naming the file (exit 1)', async (_name, bytes, message) => {
    const name = message.source.startsWith('empty') ? 'empty.txt' : 'binary.txt';
    const run = await runCli(['extract', file(name, bytes), '--region', 'chengdu']);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err.join('\n')).toMatch(message);
  });

  it('fails on a missing file (exit 1)', async () => {
    const run = await runCli(['extract', join(work, 'nope.txt')]);
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/nope\.txt: cannot read/);
  });

  it.each<[string[], RegExp]>([
    [['--region', 'atlantis'], /unknown --region "atlantis" \(known: .*chengdu, .*qingbaijiang/],
    [['--id', 'Not A Slug'], /--id "Not A Slug" is not a slug/],
    [[], /give one report file/],
  ])('is a usage error (exit 2) with %o', async (args, message) => {
    const run = await runCli(['extract', ...(args.length > 0 ? [file('ok.txt', '增长6%。'), ...args] : [])]);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(message);
  });

  it('asks for --region when the text names none (exit 2)', async () => {
    const run = await runCli(['extract', file('anon.txt', '增长6%。')]);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(/anon\.txt: no region named in the title or first lines.*pass --region/);
  });
});
