import Handlebars from 'handlebars';
import type { Lang } from '../../i18n/languages';
import type { Briefing, Indicator } from '../../model/site';
import type { RenderContext } from '../context';
import { figureView, measureOf, metricName, periodText, regionName } from './indicators';

const HEADLINE_TOPICS = 4;
const TARGETS = 3;

/**
 * A summary written from the data where an editor wrote none, from the message templates in
 * locales (`ui:generated.*`): what the briefing covers, one headline figure per topic (an
 * editor's highlight first), and its leading targets. Marked as generated wherever it is shown.
 */
export function generatedSummary(briefing: Briefing, ctx: RenderContext, lang: Lang): { readonly html: string; readonly text: string } {
  const lexicon = ctx.lexicon(lang);
  const t = (key: string, vars?: Record<string, unknown>) => lexicon.t(`ui:generated.${key}`, vars);
  const stated = briefing.indicators.filter((i) => i.input.kind !== 'target');
  const targets = briefing.indicators.filter((i) => i.input.kind === 'target');
  const topics = [...new Set(briefing.indicators.map((i) => i.input.topic))].sort();
  const sentences = [
    t('lead', {
      region: regionName(ctx, lang, briefing.input.region),
      period: periodText(ctx, lang, briefing.input.period),
      count: briefing.indicators.length,
      topics: list(
        ctx,
        lang,
        topics.map((k) => lexicon.t(`topics:${k}`)),
      ),
    }),
  ];
  const byTopic = new Map<string, Indicator>();
  for (const i of [...stated.filter((s) => s.input.highlight), ...stated]) if (!byTopic.has(i.input.topic)) byTopic.set(i.input.topic, i);
  for (const topic of topics.filter((k) => byTopic.has(k)).slice(0, HEADLINE_TOPICS)) {
    const i = byTopic.get(topic) as Indicator;
    const figure = figureView(i, ctx, lang);
    sentences.push(t('headline', { metric: metricName(ctx, lang, i.input.metric), statement: figure.statement, when: figure.when }));
  }
  const leading = [...targets.filter((i) => i.input.highlight), ...targets.filter((i) => !i.input.highlight)].slice(0, TARGETS);
  if (leading.length > 0) {
    const items = leading.map((i) =>
      t(measureOf(i) === 'growth' ? 'targetGrowth' : 'targetAmount', {
        metric: metricName(ctx, lang, i.input.metric),
        figure: figureView(i, ctx, lang).figure,
        period: periodText(ctx, lang, i.input.period),
      }),
    );
    sentences.push(t(leading.length === targets.length ? 'targetsAll' : 'targetsSome', { count: targets.length, list: list(ctx, lang, items) }));
  }
  const text = sentences.reduce((text, next) => t('nextSentence', { text, next }));
  return { text, html: `<p>${Handlebars.Utils.escapeExpression(text)}</p>` };
}

/** "a, b and c" / "a、b和c", from locale patterns. */
function list(ctx: RenderContext, lang: Lang, items: readonly string[]): string {
  const t = (key: string, vars?: Record<string, unknown>) => ctx.lexicon(lang).t(`ui:generated.${key}`, vars);
  if (items.length <= 1) return items[0] ?? '';
  return t('and', { head: items.slice(0, -1).join(t('listSeparator')), last: items[items.length - 1] });
}
