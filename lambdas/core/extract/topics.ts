/**
 * A figure's topic, from the words of the section it sits in: the paragraph's lead phrase
 * (`先进制造业提档升级。`), then the headings above it, then the metric's own name.
 * Keywords are ordered: the first listed wins when a heading holds two (`市域协同创新突破` is regional).
 */
import type { Structure } from './structure';

const KEYWORDS: ReadonlyArray<readonly [string, string]> = [
  ['成渝', 'regional'],
  ['都市圈', 'regional'],
  ['双核', 'regional'],
  ['同城化', 'regional'],
  ['区域', 'regional'],
  ['协同', 'regional'],
  ['协作', 'regional'],
  ['省域', 'regional'],
  ['市域', 'regional'],
  ['就业', 'employment'],
  ['招聘', 'employment'],
  ['失业', 'employment'],
  ['收入', 'incomes'],
  ['金融', 'finance'],
  ['存款', 'finance'],
  ['贷款', 'finance'],
  ['上市', 'finance'],
  ['财政', 'fiscal'],
  ['预算', 'fiscal'],
  ['税', 'fiscal'],
  ['惠企', 'fiscal'],
  ['投资', 'investment'],
  ['项目建设', 'investment'],
  ['外贸', 'trade'],
  ['外资', 'trade'],
  ['进出口', 'trade'],
  ['开放', 'trade'],
  ['国际', 'trade'],
  ['枢纽', 'trade'],
  ['口岸', 'trade'],
  ['班列', 'trade'],
  ['航线', 'trade'],
  ['陆港', 'trade'],
  ['农业', 'agriculture'],
  ['农村', 'agriculture'],
  ['乡村', 'agriculture'],
  ['粮', 'agriculture'],
  ['农田', 'agriculture'],
  ['耕地', 'agriculture'],
  ['生态', 'environment'],
  ['环境', 'environment'],
  ['绿色', 'environment'],
  ['污染', 'environment'],
  ['空气', 'environment'],
  ['水质', 'environment'],
  ['碳', 'environment'],
  ['公园', 'environment'],
  ['绿道', 'environment'],
  ['绿地', 'environment'],
  ['消费', 'consumption'],
  ['文旅', 'consumption'],
  ['旅游', 'consumption'],
  ['会展', 'consumption'],
  ['服务业', 'consumption'],
  ['商圈', 'consumption'],
  ['科技', 'innovation'],
  ['创新', 'innovation'],
  ['研发', 'innovation'],
  ['人才', 'innovation'],
  ['技术', 'innovation'],
  ['制造', 'industry'],
  ['工业', 'industry'],
  ['产业', 'industry'],
  ['园区', 'industry'],
  ['数字', 'industry'],
  ['人工智能', 'industry'],
  ['教育', 'social'],
  ['学位', 'social'],
  ['医疗', 'social'],
  ['卫生', 'social'],
  ['健康', 'social'],
  ['养老', 'social'],
  ['民生', 'social'],
  ['公共服务', 'social'],
  ['社保', 'social'],
  ['文化', 'social'],
  ['体育', 'social'],
  ['城市', 'urban'],
  ['治理', 'urban'],
  ['安全', 'urban'],
  ['交通', 'urban'],
  ['住房', 'urban'],
  ['法治', 'urban'],
  ['依法', 'urban'],
  ['经济', 'economy'],
  ['生产总值', 'economy'],
  ['GDP', 'economy'],
  ['营商环境', 'economy'],
  ['经营主体', 'economy'],
  ['改革', 'economy'],
  ['国企', 'economy'],
];

export const FALLBACK_TOPIC = 'economy';
/** Headings further back than this many paragraphs do not name a figure's topic. */
const MAX_PARAGRAPHS_BACK = 40;

/** The topic a phrase names, if any: the keyword listed first among those it contains. */
export function topicOf(text: string, known: (topic: string) => boolean): string | undefined {
  for (const [keyword, topic] of KEYWORDS) if (text.includes(keyword) && known(topic)) return topic;
  return undefined;
}

export function topicAt(structure: Structure, at: number, metricName: string | undefined, known: (topic: string) => boolean): string {
  // The paragraph's own lead phrase, else the nearest heading above it, else the metric's name.
  const index = structure.paragraphIndex(at);
  const own = structure.paragraphs[index];
  const lead = own?.lead?.text ?? own?.heading?.text;
  const fromLead = lead === undefined ? undefined : topicOf(lead, known);
  if (fromLead) return fromLead;
  for (let i = index - 1; i >= 0 && index - i < MAX_PARAGRAPHS_BACK; i--) {
    const heading = structure.paragraphs[i]?.heading;
    if (!heading) continue;
    const topic = topicOf(heading.text, known);
    if (topic) return topic;
    if (heading.level <= 2) break;
  }
  return (metricName && topicOf(metricName, known)) || (known(FALLBACK_TOPIC) ? FALLBACK_TOPIC : 'economy');
}
