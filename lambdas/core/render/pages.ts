import { LANG_CODES, type Lang, languageOf } from '../i18n/languages';
import type { Briefing } from '../model/site';
import type { RenderContext } from './context';
import type { Role } from './outputFormats';
import { type Scope, routes } from './routes';
import type { Indicator } from '../model/site';
import { TERM_READINGS_FILE, termReading } from '../i18n/termReadings';
import { downloadLinks } from './downloads';
import { glossaryTerms, termMarker } from './terms';
import { briefingCard, briefingPeriod, keyNumbers, summaryOf, topicGroups } from './views/briefings';
import { regionCharts } from './views/chart';
import { dateView } from './views/dates';
import { type RouteOf, feedLinks } from './views/frame';
import { metricName, regionName } from './views/indicators';
import { byRegion, latestFigures, topicOf } from './views/series';
import { tableLabels, tableView } from './views/table';
import { targetsPage } from './views/targets';
import { comparisonPageSpecs } from './comparePages';
import { targetYearsShowing } from './views/comparisons';
import { regionIndex, regionPlace, regionPlaceInputs, regionsWithPages } from './views/regions';
import { searchPage } from './searchPage';

/** One page of the site, the same in every language: where it lives and what it shows. */
export interface PageSpec {
  readonly route: RouteOf;
  readonly template: string;
  readonly role: Role;
  /** Feeds the page advertises (autodiscovery, footer). */
  readonly scopes: readonly Scope[];
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
/** Pages stay small at any data size; every figure remains on its briefing page. */
const CARDS_PER_GROUP_PAGE = 100;
const ROWS_PER_INDICATOR_PAGE = 200;

/** Every HTML page of the site: briefing pages, then indexes, each list after the pages it links to. */
export function* pageSpecs(ctx: RenderContext): Generator<PageSpec> {
  for (const briefing of ctx.model.briefings) yield briefingPage(ctx, briefing);
  for (const [metric, series] of ctx.model.metrics) yield indicatorPage(ctx, metric, series);
  yield indicatorsIndex(ctx);
  yield targetsPage(ctx);
  yield* groupPages(ctx, 'topic');
  yield* groupPages(ctx, 'region');
  yield* comparisonPageSpecs(ctx);
  yield glossaryPage(ctx);
  yield listPage(
    ctx,
    routes.briefings,
    [SITE],
    () => versionsOf(ctx.model.briefings),
    (lang) => ({
      heading: ctx.lexicon(lang).t('ui:briefings.heading'),
      description: ctx.lexicon(lang).t('ui:briefings.description'),
      briefings: ctx.model.briefings.map((b) => briefingCard(b, ctx, lang)),
    }),
  );
  yield searchPage(ctx);
  yield homePage(ctx);
}

/** One metric: a section per region, each with its charts, its table and its feeds. */
function indicatorPage(ctx: RenderContext, metric: string, series: readonly Indicator[]): PageSpec {
  const regions = byRegion(ctx, metric, series);
  const scopes: Scope[] = [...regions.keys()].map((region) => ({ kind: 'indicator', key: metric, region }));
  return {
    route: (lang) => routes.indicator(lang, metric),
    template: 'indicator',
    role: 'index',
    scopes,
    inputs: () => versionsOf([...new Set(series.map((i) => i.briefing))]),
    view: (lang) => {
      const lexicon = ctx.lexicon(lang);
      const name = metricName(ctx, lang, metric);
      return {
        heading: name,
        description: lexicon.t('ui:indicator.description', { metric: name, count: series.length, regions: regions.size }),
        labels: tableLabels(ctx, lang),
        downloads: downloadLinks(ctx, lang, 'indicators', metric),
        regions: [...regions].map(([region, list]) => {
          const shown = list.slice(-ROWS_PER_INDICATOR_PAGE);
          const place = regionName(ctx, lang, region);
          const vars = { metric: name, region: place };
          return {
            id: `region-${region}`,
            name: place,
            href: ctx.href(routes.region(lang, region)),
            lede: truncation(ctx, lang, shown.length, list.length),
            charts: regionCharts(metric, region, list, ctx, lang),
            table: tableView(ctx, lang, lexicon.t('ui:indicator.caption', vars), shown, { metric: false, region: false, withBriefing: true }),
            feeds: feedLinks(ctx, lang, { kind: 'indicator', key: metric, region }),
          };
        }),
      };
    },
  };
}

/** Indicators grouped by topic, each with its latest figure in every region. */
function indicatorsIndex(ctx: RenderContext): PageSpec {
  const metricCounts = () =>
    [...ctx.model.metrics].map(([metric, series]) => `${metric}:${series.length}:${versionsOf([...new Set(series.map((i) => i.briefing))]).join(',')}`);
  return listPage(ctx, routes.indicators, [SITE], metricCounts, (lang) => {
    const lexicon = ctx.lexicon(lang);
    const byTopic = new Map<string, Indicator[]>();
    const noFigure: Array<{ name: string; href: string }> = [];
    for (const [metric, series] of ctx.model.metrics) {
      const latest = latestFigures(series);
      const topic = topicOf(series);
      if (latest.length === 0) noFigure.push({ name: metricName(ctx, lang, metric), href: ctx.href(routes.indicator(lang, metric)) });
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), ...latest]);
    }
    const collator = new Intl.Collator(languageOf(lang).tag);
    return {
      heading: lexicon.t('ui:indicators.heading'),
      description: lexicon.t('ui:indicators.description'),
      groups: [...byTopic]
        .filter(([, list]) => list.length > 0)
        .map(([topic, list]) => {
          const name = lexicon.t(`topics:${topic}`);
          const sorted = [...list].sort(
            (a, b) => collator.compare(metricName(ctx, lang, a.input.metric), metricName(ctx, lang, b.input.metric)) || (a.region < b.region ? -1 : 1),
          );
          return {
            id: `topic-${topic}`,
            name,
            href: ctx.href(routes.topic(lang, topic)),
            table: tableView(ctx, lang, lexicon.t('ui:indicators.caption', { topic: name }), sorted, { region: true, withBriefing: true }),
          };
        })
        .sort((a, b) => collator.compare(a.name, b.name)),
      targetsOnly: { heading: lexicon.t('ui:indicators.targetsOnly'), links: noFigure.sort((a, b) => collator.compare(a.name, b.name)) },
    };
  });
}

function briefingPage(ctx: RenderContext, briefing: Briefing): PageSpec {
  const { input } = briefing;
  return {
    route: (lang) => routes.briefing(lang, briefing.id),
    template: 'briefing',
    role: 'page',
    scopes: [SITE, { kind: 'region', key: input.region }],
    owner: briefing.id,
    lastmod: briefing.updatedAt,
    // The links to the targets tables depend on the other briefings of its region: their years are inputs too.
    inputs: () => [...versionsOf([briefing]), ...targetYearsShowing(ctx, briefing).map((year) => `targets:${year}`)],
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
        summaryGenerated: summary?.generated === true ? ctx.lexicon(lang).t('ui:generated.notice') : undefined,
        corrections: (input.corrections ?? []).map((c) => ({ date: dateView(c.date, lexicon), note: c.note[lang] })),
        keyNumbers: keyNumbers(briefing, ctx, lang),
        compareTargets: targetYearsShowing(ctx, briefing).map((year) => ({
          href: `${ctx.href(routes.targetsOfYear(lang, year))}#r-${input.region}`,
          label: lexicon.t('ui:briefing.compareTargets', { year, region: card.region.name }),
        })),
        groups: topicGroups(briefing.indicators, ctx, lang),
        labels: tableLabels(ctx, lang),
        downloads: downloadLinks(ctx, lang, 'briefings', briefing.id),
      };
    },
  };
}

function glossaryPage(ctx: RenderContext): PageSpec {
  return {
    route: routes.glossary,
    template: 'glossary',
    role: 'index',
    scopes: [SITE],
    inputs: () => [],
    view: (lang) => {
      const other = LANG_CODES.find((l) => l !== lang) ?? lang;
      return {
        heading: ctx.lexicon(lang).t('ui:glossary.heading'),
        description: ctx.lexicon(lang).t('ui:glossary.description'),
        otherTag: languageOf(other).tag,
        terms: glossaryTerms(ctx)
          .map((term) => ({
            anchor: `term-${term.key}`,
            name: term.names[lang],
            otherName: term.names[other],
            pinyin: readingOf(term.key),
            explanation: term.explanations[lang],
          }))
          .sort((a, b) => a.name.localeCompare(b.name, languageOf(lang).tag)),
      };
    },
  };
}

/** A term without its reading is a project error (like a missing translation), not something to render around. */
function readingOf(key: string): string {
  const reading = termReading(key);
  if (reading === undefined) throw new Error(`glossary term "${key}" has no pinyin in ${TERM_READINGS_FILE}: run npm run -s pinyin`);
  return reading;
}

function homePage(ctx: RenderContext): PageSpec {
  const newestPerRegion = [...ctx.model.regions.values()].map((list) => list[0]).filter((b): b is Briefing => b !== undefined);
  return {
    route: routes.home,
    template: 'home',
    role: 'index',
    scopes: [SITE],
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
    const scopes: Scope[] = briefings.length > 0 ? [{ kind, key }] : [SITE]; // feeds exist only where briefings do
    const inputs = () => (kind === 'region' ? [...versionsOf(briefings), '|', ...regionPlaceInputs(ctx, key)] : versionsOf(briefings));
    yield listPage(
      ctx,
      (lang) => pageRoute(lang, key),
      scopes,
      inputs,
      (lang) => {
        const lexicon = ctx.lexicon(lang);
        const name = lexicon.t(`${ns}:${key}`);
        const all = briefings.flatMap((b) => b.indicators);
        const figures = kind === 'topic' ? latestFigures(all.filter((i) => i.input.topic === key)) : keyFigures(all);
        return {
          heading: name,
          description: lexicon.t(briefings.length > 0 ? `ui:${kind}.description` : 'ui:region.none', { name, count: briefings.length }),
          lede: truncation(ctx, lang, Math.min(briefings.length, CARDS_PER_GROUP_PAGE), briefings.length),
          ...(figures.length > 0 && {
            table: tableView(ctx, lang, lexicon.t(`ui:${kind}.caption`, { name }), figures, { withBriefing: true, ...(kind === 'topic' && { region: true }) }),
          }),
          ...(kind === 'region' && briefings.length > 0 && { downloads: downloadLinks(ctx, lang, 'regions', key) }),
          ...(kind === 'region' && regionPlace(ctx, lang, key)),
          briefings: briefings.slice(0, CARDS_PER_GROUP_PAGE).map((b) => ({ ...briefingCard(b, ctx, lang), summary: '' })),
        };
      },
    );
  }
  const indexInputs = () => [
    ...[...groups].map(([key, list]) => `${key}:${list.length}`),
    ...(kind === 'region' ? ['|', ...regionsWithPages(ctx).map((key) => `${key}:${ctx.model.hierarchy.level(key) ?? ''}`)] : []),
  ];
  yield listPage(ctx, indexRoute, [SITE], indexInputs, (lang) => {
    const view = { heading: ctx.lexicon(lang).t(`ui:${ns}.heading`), description: ctx.lexicon(lang).t(`ui:${ns}.description`) };
    if (kind === 'region') return { ...view, linkGroups: regionIndex(ctx, lang) };
    return {
      ...view,
      links: [...groups.entries()].map(([key, list]) => ({
        name: ctx.lexicon(lang).t(`${ns}:${key}`),
        href: ctx.href(pageRoute(lang, key)),
        count: list.length,
      })),
    };
  });
}

const KEY_FIGURES_PER_REGION = 24;

/** A region's key figures: the latest figure of each metric an editor highlighted, else of the first metrics. */
function keyFigures(indicators: readonly Indicator[]): Indicator[] {
  const highlighted = new Set(indicators.filter((i) => i.input.highlight).map((i) => i.input.metric));
  const latest = latestFigures(indicators);
  const chosen = highlighted.size > 0 ? latest.filter((i) => highlighted.has(i.input.metric)) : latest;
  return chosen.slice(0, KEY_FIGURES_PER_REGION);
}

/** "Showing the latest 100 of 5,000." when a list is cut, nothing otherwise. */
function truncation(ctx: RenderContext, lang: Lang, shown: number, total: number): string | undefined {
  return shown < total ? ctx.lexicon(lang).t('ui:list.truncated', { shown, total }) : undefined;
}

function listPage(ctx: RenderContext, route: RouteOf, scopes: readonly Scope[], inputs: () => readonly string[], view: (lang: Lang) => PageView): PageSpec {
  return { route, template: 'list', role: 'index', scopes, inputs, view: (lang) => ({ labels: tableLabels(ctx, lang), ...view(lang) }) };
}
