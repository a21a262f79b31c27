import type { Lang } from '../../i18n/languages';
import type { Briefing, Indicator } from '../../model/site';
import type { RenderContext } from '../context';
import { renderMarkdown, type RenderedMarkdown } from '../markdown';
import { generatedSummary } from './generatedSummary';
import { routes } from '../routes';
import { type DateView, dateView } from './dates';
import { figureView, metricName, periodText } from './indicators';
import { type TableView, tableView } from './table';

/** A briefing as lists, indexes and feeds show it. */
export interface BriefingCard {
  readonly title: string;
  readonly href: string;
  readonly url: string;
  readonly published: DateView;
  readonly region: { readonly name: string; readonly href: string };
  readonly kind: string;
  readonly summary: string;
}

export interface KeyNumber {
  readonly metric: string;
  readonly figure: string;
  readonly when: string;
}

export function briefingCard(briefing: Briefing, ctx: RenderContext, lang: Lang): BriefingCard {
  return ctx.memo(`card:${lang}`, briefing, () => {
    const lexicon = ctx.lexicon(lang);
    const { input } = briefing;
    const route = routes.briefing(lang, briefing.id);
    return {
      title: input.title[lang],
      href: ctx.href(route),
      url: ctx.url(route),
      published: dateView(input.published, lexicon),
      region: { name: lexicon.t(`regions:${input.region}`), href: ctx.href(routes.region(lang, input.region)) },
      kind: lexicon.t(`kinds:${input.kind}`),
      summary: summaryOf(briefing, ctx, lang)?.text ?? '',
    };
  });
}

export interface Summary extends RenderedMarkdown {
  /** Written by the site from the figures, not by an editor: readers are told so. */
  readonly generated: boolean;
}

/** The editor's summary in this language, or one generated from the figures where none was written. */
export function summaryOf(briefing: Briefing, ctx: RenderContext, lang: Lang): Summary | undefined {
  return ctx.memo(`summary:${lang}`, briefing, () => {
    const source = briefing.input.summary?.[lang];
    if (source !== undefined) return { ...renderMarkdown(source), generated: false };
    return briefing.indicators.length > 0 ? { ...generatedSummary(briefing, ctx, lang), generated: true } : undefined;
  });
}

/** Highlighted indicators, or the first few when an editor marked none. */
export function keyNumbers(briefing: Briefing, ctx: RenderContext, lang: Lang, limit = 6): KeyNumber[] {
  return ctx.memo(`key:${lang}`, briefing, () => {
    const marked = briefing.indicators.filter((i) => i.input.highlight);
    const chosen = (marked.length > 0 ? marked : briefing.indicators).slice(0, limit);
    return chosen.map((indicator) => ({
      metric: metricName(ctx, lang, indicator.input.metric),
      figure: figureView(indicator, ctx, lang).statement,
      when: figureView(indicator, ctx, lang).when,
    }));
  });
}

export interface TopicGroup {
  readonly anchor: string;
  readonly name: string;
  readonly href: string;
  readonly table: TableView & { readonly anchors: boolean };
}

/** A briefing's indicators grouped by topic, topics in glossary-key order, rows as the editor ordered them. */
export function topicGroups(indicators: readonly Indicator[], ctx: RenderContext, lang: Lang, withBriefing = false): TopicGroup[] {
  const lexicon = ctx.lexicon(lang);
  const byTopic = new Map<string, Indicator[]>();
  for (const indicator of indicators) {
    const list = byTopic.get(indicator.input.topic) ?? [];
    list.push(indicator);
    byTopic.set(indicator.input.topic, list);
  }
  return [...byTopic.keys()].sort().map((topic) => {
    const name = lexicon.t(`topics:${topic}`);
    return {
      anchor: `topic-${topic}`,
      name,
      href: ctx.href(routes.topic(lang, topic)),
      table: {
        ...tableView(ctx, lang, lexicon.t('ui:table.caption', { topic: name }), byTopic.get(topic) ?? [], { withBriefing, region: false }),
        anchors: !withBriefing,
      },
    };
  });
}

export function briefingPeriod(briefing: Briefing, ctx: RenderContext, lang: Lang): string {
  return periodText(ctx, lang, briefing.input.period);
}
