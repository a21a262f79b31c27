import { LANG_CODES, type Lang, languageOf } from '../i18n/languages';
import type { Briefing } from '../model/site';
import type { RenderContext } from './context';
import type { Role } from './outputFormats';
import { type Scope, routes } from './routes';
import { briefingCard, briefingPeriod, keyNumbers, summaryOf, topicGroups } from './views/briefings';
import { dateView } from './views/dates';
import type { RouteOf } from './views/frame';
import { comparisonPageSpecs } from './comparePages';
import { glossaryTerms, termMarker } from './terms';
import { metricChart } from './views/chart';
import { regionIndex, regionPlace, regionPlaceInputs, regionsWithPages } from './views/regions';
import { indicatorRow, metricName } from './views/indicators';
import { searchPage } from './searchPage';

/** One page of the site, the same in every language: where it lives and what it shows. */
export interface PageSpec {
  readonly route: RouteOf;
  readonly template: string;
  readonly role: Role;
  /** Feeds the page advertises (autodiscovery, footer). */
  readonly scope: Scope;
  readonly owner?: string;
  /** Last modification, for the sitemap. */
  readonly lastmod?: string;
  /** What the page shows besides words and templates: the versions of its briefings, keys, counts. */
  readonly inputs: () => readonly string[];
  readonly view: (lang: Lang) => PageView;
}

/** Page inputs for a list of briefings: ids and versions, in order. */
export function versionsOf(briefings: readonly Briefing[]): string[] {
  return briefings.map((b) => `${b.id}@${b.version}`);
}

export interface PageView {
  readonly heading: string;
  readonly description: string;
  readonly [field: string]: unknown;
}

const SITE: Scope = { kind: 'site' };
const LATEST_ON_HOME = 20;
const BRIEFINGS_PER_TOPIC_TABLE = 5;
/** Pages stay small at any data size; every figure remains on its briefing page. */
const CARDS_PER_GROUP_PAGE = 100;
const ROWS_PER_INDICATOR_PAGE = 200;

/** Every HTML page of the site: briefing pages, then indexes, each list after the pages it links to. */
export function* pageSpecs(ctx: RenderContext): Generator<PageSpec> {
  markSharedRows(ctx);
  for (const briefing of ctx.model.briefings) yield briefingPage(ctx, briefing);
  for (const [metric, series] of ctx.model.metrics) {
    const inputs = () => versionsOf([...new Set(series.map((i) => i.briefing))]);
    yield listPage(ctx, (lang) => routes.indicator(lang, metric), SITE, inputs, (lang) => {
      const name = metricName(ctx, lang, metric);
      const shown = series.slice(-ROWS_PER_INDICATOR_PAGE);
      return {
        heading: name,
        description: ctx.lexicon(lang).t('ui:indicator.description', { metric: name, count: series.length }),
        lede: truncation(ctx, lang, shown.length, series.length),
        chart: metricChart(metric, series, ctx, lang),
        table: tableView(ctx, lang, name, shown.map((i) => indicatorRow(i, ctx, lang, true))),
      };
    });
  }
  const metricCounts = () => [...ctx.model.metrics].map(([metric, series]) => `${metric}:${series.length}`);
  yield listPage(ctx, routes.indicators, SITE, metricCounts, (lang) => ({
    heading: ctx.lexicon(lang).t('ui:indicators.heading'),
    description: ctx.lexicon(lang).t('ui:indicators.description'),
    links: [...ctx.model.metrics.entries()]
      .map(([metric, series]) => ({ name: metricName(ctx, lang, metric), href: ctx.href(routes.indicator(lang, metric)), count: series.length }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),
  }));
  yield* groupPages(ctx, 'topic');
  yield* groupPages(ctx, 'region');
  yield* comparisonPageSpecs(ctx);
  yield glossaryPage(ctx);
  yield listPage(ctx, routes.briefings, SITE, () => versionsOf(ctx.model.briefings), (lang) => ({
    heading: ctx.lexicon(lang).t('ui:briefings.heading'),
    description: ctx.lexicon(lang).t('ui:briefings.description'),
    briefings: ctx.model.briefings.map((b) => briefingCard(b, ctx, lang)),
  }));
  yield searchPage(ctx);
  yield homePage(ctx);
}

/** Rows that index pages show again, so the rendering of their briefing page can be reused. */
function markSharedRows(ctx: RenderContext): void {
  for (const series of ctx.model.metrics.values()) for (const indicator of series.slice(-ROWS_PER_INDICATOR_PAGE)) ctx.shared.add(indicator);
  for (const [topic, briefings] of ctx.model.topics) {
    for (const briefing of briefings.slice(0, BRIEFINGS_PER_TOPIC_TABLE)) for (const i of briefing.indicators) if (i.input.topic === topic) ctx.shared.add(i);
  }
}

function briefingPage(ctx: RenderContext, briefing: Briefing): PageSpec {
  const { input } = briefing;
  return {
    route: (lang) => routes.briefing(lang, briefing.id),
    template: 'briefing',
    role: 'page',
    scope: SITE,
    owner: briefing.id,
    lastmod: briefing.updatedAt,
    inputs: () => versionsOf([briefing]),
    view: (lang) => {
      const lexicon = ctx.lexicon(lang);
      const card = briefingCard(briefing, ctx, lang);
      const summary = summaryOf(briefing, ctx, lang);
      return {
        heading: card.title,
        description: summary?.text ?? card.title,
        region: card.region,
        kind: card.kind,
        period: briefingPeriod(briefing, ctx, lang),
        published: dateView(briefing.publishedAt, lexicon),
        updated: briefing.updatedAt === briefing.publishedAt ? undefined : dateView(briefing.updatedAt, lexicon),
        sourceDate: card.published,
        source: { title: input.source.title[lang], publisher: input.source.publisher[lang], url: input.source.url },
        summaryHtml: summary && termMarker(ctx, lang).markHtml(summary.html, lang),
        corrections: (input.corrections ?? []).map((c) => ({ date: dateView(c.date, lexicon), note: c.note[lang] })),
        keyNumbers: keyNumbers(briefing, ctx, lang),
        groups: topicGroups(briefing.indicators, ctx, lang),
        labels: tableLabels(ctx, lang),
      };
    },
  };
}

function glossaryPage(ctx: RenderContext): PageSpec {
  return {
    route: routes.glossary,
    template: 'glossary',
    role: 'index',
    scope: SITE,
    inputs: () => [],
    view: (lang) => {
      const other = LANG_CODES.find((l) => l !== lang) ?? lang;
      return {
        heading: ctx.lexicon(lang).t('ui:glossary.heading'),
        description: ctx.lexicon(lang).t('ui:glossary.description'),
        otherTag: languageOf(other).tag,
        terms: glossaryTerms(ctx)
          .map((term) => ({ anchor: `term-${term.key}`, name: term.names[lang], otherName: term.names[other], explanation: term.explanations[lang] }))
          .sort((a, b) => a.name.localeCompare(b.name, languageOf(lang).tag)),
      };
    },
  };
}

function homePage(ctx: RenderContext): PageSpec {
  const newestPerRegion = [...ctx.model.regions.values()].map((list) => list[0]).filter((b): b is Briefing => b !== undefined);
  return {
    route: routes.home,
    template: 'home',
    role: 'index',
    scope: SITE,
    inputs: () => [...versionsOf(newestPerRegion), '|', ...versionsOf(ctx.model.briefings.slice(0, LATEST_ON_HOME))],
    view: (lang) => ({
      heading: ctx.lexicon(lang).t('ui:home.heading'),
      description: ctx.lexicon(lang).t('ui:home.lede'),
      keyNumbers: newestPerRegion.map((b) => ({ ...briefingCard(b, ctx, lang), numbers: keyNumbers(b, ctx, lang) })),
      latest: ctx.model.briefings.slice(0, LATEST_ON_HOME).map((b) => briefingCard(b, ctx, lang)),
    }),
  };
}

/** One page per topic (or region), then the index of them. */
function* groupPages(ctx: RenderContext, kind: 'topic' | 'region'): Generator<PageSpec> {
  const groups = kind === 'topic' ? ctx.model.topics : ctx.model.regions;
  const ns = kind === 'topic' ? 'topics' : 'regions';
  const indexRoute = kind === 'topic' ? routes.topics : routes.regions;
  const pageRoute = kind === 'topic' ? routes.topic : routes.region;
  // Regions: every region with briefings and every region above one, so the hierarchy has no dead ends.
  const keys = kind === 'region' ? regionsWithPages(ctx) : [...groups.keys()];
  for (const key of keys) {
    const briefings = groups.get(key) ?? [];
    const scope: Scope = briefings.length > 0 ? { kind, key } : SITE; // feeds exist only where briefings do
    const inputs = () => (kind === 'region' ? [...versionsOf(briefings), '|', ...regionPlaceInputs(ctx, key)] : versionsOf(briefings));
    yield listPage(ctx, (lang) => pageRoute(lang, key), scope, inputs, (lang) => {
      const name = ctx.lexicon(lang).t(`${ns}:${key}`);
      const recent = briefings.slice(0, BRIEFINGS_PER_TOPIC_TABLE).flatMap((b) => b.indicators);
      const inTopic = kind === 'topic' ? recent.filter((i) => i.input.topic === key) : [];
      return {
        heading: name,
        description: ctx.lexicon(lang).t(briefings.length > 0 ? `ui:${kind}.description` : 'ui:region.none', { name, count: briefings.length }),
        lede: briefings.length === 0 ? ctx.lexicon(lang).t('ui:region.none', { name }) : truncation(ctx, lang, Math.min(briefings.length, CARDS_PER_GROUP_PAGE), briefings.length),
        briefings: briefings.slice(0, CARDS_PER_GROUP_PAGE).map((b) => briefingCard(b, ctx, lang)),
        ...(inTopic.length > 0 && { table: tableView(ctx, lang, name, inTopic.map((i) => indicatorRow(i, ctx, lang, true))) }),
        ...(kind === 'region' && regionPlace(ctx, lang, key)),
      };
    });
  }
  const indexInputs = () => [
    ...[...groups].map(([key, list]) => `${key}:${list.length}`),
    ...(kind === 'region' ? ['|', ...regionsWithPages(ctx).map((key) => `${key}:${ctx.model.hierarchy.level(key) ?? ''}`)] : []),
  ];
  yield listPage(ctx, indexRoute, SITE, indexInputs, (lang) => ({
    heading: ctx.lexicon(lang).t(`ui:${ns}.heading`),
    description: ctx.lexicon(lang).t(`ui:${ns}.description`),
    ...(kind === 'region'
      ? { levels: regionIndex(ctx, lang) }
      : { links: [...groups.entries()].map(([key, list]) => ({ name: ctx.lexicon(lang).t(`${ns}:${key}`), href: ctx.href(pageRoute(lang, key)), count: list.length })) }),
  }));
}

function listPage(ctx: RenderContext, route: RouteOf, scope: Scope, inputs: () => readonly string[], view: (lang: Lang) => PageView): PageSpec {
  return { route, template: 'list', role: 'index', scope, inputs, view: (lang) => ({ labels: tableLabels(ctx, lang), ...view(lang) }) };
}

/** "Showing the latest 100 of 5,000." when a list is cut, nothing otherwise. */
function truncation(ctx: RenderContext, lang: Lang, shown: number, total: number): string | undefined {
  return shown < total ? ctx.lexicon(lang).t('ui:list.truncated', { shown, total }) : undefined;
}

function tableView(ctx: RenderContext, lang: Lang, name: string, rows: unknown[]) {
  return { caption: ctx.lexicon(lang).t('ui:table.caption', { topic: name }), rows };
}

function tableLabels(ctx: RenderContext, lang: Lang) {
  return ctx.memo('labels', lang, () => {
    const t = (key: string) => ctx.lexicon(lang).t(`ui:table.${key}`);
    return { metric: t('metric'), period: t('period'), figure: t('figure'), change: t('change'), source: t('source') };
  });
}
