import Handlebars from 'handlebars';
import { LANGUAGES, type Lang, languageOf } from '../i18n/languages';
import { type Briefing, type Indicator, yearOf } from '../model/site';
import type { RenderContext } from './context';
import { stableId } from './ids';
import { type FeedFormatName, OUTPUT_FORMATS, type PlannedFile } from './outputFormats';
import { versionsOf } from './pages';
import { type Scope, routes } from './routes';
import { briefingCard, keyNumbers, summaryOf } from './views/briefings';
import { type DateView, dateView } from './views/dates';
import { figureView, indicatorRow } from './views/indicators';
import { mainTargetsOf } from './views/comparisons';
import { byRegion } from './views/series';
import { feedFormatsOf, feedRoute, feedTitle, formerFeedRoutes, scopeKey } from './views/feedRoutes';

/** Items per feed: readers poll often; the site keeps the full archive. */
export const FEED_ITEMS = 50;

/** What a feed is about, by scope; topics, regions and the site share the default. */
const DESCRIPTIONS: Partial<Record<Scope['kind'], string>> = { indicator: 'ui:feed.indicatorDescription', comparison: 'ui:compare.feed.description' };

/** Before any briefing exists a feed still needs an `updated`; a fixed one keeps builds byte-identical. */
const EMPTY_FEED_UPDATED = '2000-01-01T00:00:00Z';

/**
 * Feeds for the whole site, every topic and region (new briefings), and every metric in every
 * region ("Chengdu GDP": each figure as a report states it), in each format and language.
 */
export function* renderFeeds(ctx: RenderContext): Generator<PlannedFile> {
  const scopes: Array<[Scope, readonly Briefing[]]> = [
    [{ kind: 'site' }, ctx.model.briefings],
    ...[...ctx.model.topics].map(([key, list]): [Scope, readonly Briefing[]] => [{ kind: 'topic', key }, list]),
    ...[...ctx.model.regions].map(([key, list]): [Scope, readonly Briefing[]] => [{ kind: 'region', key }, list]),
  ];
  for (const { code: lang } of LANGUAGES) {
    for (const [scope, briefings] of scopes) {
      const items = briefings.slice(0, FEED_ITEMS);
      const inputs = ctx.config.signature === undefined ? [] : versionsOf(items);
      yield* feedFiles(ctx, lang, scope, inputs, () =>
        feedView(
          ctx,
          lang,
          scope,
          items.map((b) => feedItem(ctx, lang, b)),
          newestOf(items),
        ),
      );
    }
    for (const [metric, series] of ctx.model.metrics) {
      for (const [region, list] of byRegion(ctx, metric, series)) {
        const scope: Scope = { kind: 'indicator', key: metric, region };
        const items = newestFirst(list).slice(0, FEED_ITEMS);
        const briefings = [...new Set(items.map((i) => i.briefing))];
        const inputs = ctx.config.signature === undefined ? [] : versionsOf(briefings);
        yield* feedFiles(ctx, lang, scope, inputs, () =>
          feedView(
            ctx,
            lang,
            scope,
            items.map((i) => figureItem(ctx, lang, i)),
            newestOf(briefings),
          ),
        );
      }
    }
  }
}

export function newestOf(briefings: readonly Briefing[]): string | undefined {
  return briefings.reduce<string | undefined>((latest, b) => (latest === undefined || b.updatedAt > latest ? b.updatedAt : latest), undefined);
}

/** Figures newest report first, then latest period. */
function newestFirst(list: readonly Indicator[]): Indicator[] {
  return [...list].sort(
    (a, b) =>
      (a.briefing.publishedAt < b.briefing.publishedAt ? 1 : a.briefing.publishedAt > b.briefing.publishedAt ? -1 : 0) ||
      yearOf(b.input.period) - yearOf(a.input.period),
  );
}

/** A scope's feed in each of its formats; the view is built once, when the first of them renders. */
export function* feedFiles(ctx: RenderContext, lang: Lang, scope: Scope, inputs: readonly string[], makeView: () => FeedView): Generator<PlannedFile> {
  let view: FeedView | undefined;
  const shared = () => (view ??= makeView());
  for (const format of feedFormatsOf(scope)) yield feedFile(ctx, lang, scope, format, shared, inputs);
}

function feedFile(ctx: RenderContext, lang: Lang, scope: Scope, format: FeedFormatName, view: () => FeedView, inputs: readonly string[]): PlannedFile {
  const spec = OUTPUT_FORMATS[format];
  const path = feedRoute(lang, scope, format).slice(1);
  const selfUrl = ctx.url(feedRoute(lang, scope, format));
  const fingerprint = ctx.fingerprint(path, inputs);
  const render = () => (format === 'jsonfeed' ? jsonFeed({ ...view(), selfUrl }) : ctx.theme.render(OUTPUT_FORMATS[format].template, { ...view(), selfUrl }));
  const supersedes = formerFeedRoutes(lang, scope, format).map((route) => route.slice(1));
  return { path, ...(fingerprint && { fingerprint }), ...(supersedes.length > 0 && { supersedes }), render, contentType: spec.mediaType, role: 'feed' };
}

export type FeedView = ReturnType<typeof feedView>;

export function feedView(ctx: RenderContext, lang: Lang, scope: Scope, items: readonly FeedItem[], newest: string | undefined) {
  const lexicon = ctx.lexicon(lang);
  return {
    lang,
    tag: languageOf(lang).tag,
    id: stableId(`feed:${lang}:${scopeKey(scope)}`),
    title: feedTitle(ctx, lang, scope),
    description: lexicon.t(DESCRIPTIONS[scope.kind] ?? 'ui:feed.description', { name: feedTitle(ctx, lang, scope) }),
    homeUrl: ctx.url(routes.scopePage(lang, scope)),
    updated: dateView(newest ?? EMPTY_FEED_UPDATED, lexicon),
    author: lexicon.t('ui:site.name'),
    generator: lexicon.t('ui:site.name'),
    items,
  };
}

export interface FeedItem {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly published: DateView;
  readonly updated: DateView;
  readonly categories: ReadonlyArray<{ readonly term: string; readonly label: string }>;
  readonly summary: string;
  /** The summary as HTML, for RSS `<description>` (which readers parse as HTML: a bare `&` there is an error). */
  readonly summaryHtml: string;
  readonly contentHtml: string;
  /** `contentHtml` escaped for XML, once per item: RSS and Atom carry it in every feed that lists the item. */
  readonly contentXml: string;
}

/** A feed item with its derived forms: the summary as HTML and the content as XML text. */
export function finishItem(item: Omit<FeedItem, 'summaryHtml' | 'contentXml'>): FeedItem {
  return { ...item, summaryHtml: escapeHtml(item.summary), contentXml: escapeHtml(item.contentHtml) };
}

/** One figure as a feed item: "GDP, 2025: more than 2.2 trillion yuan, up 6%". */
function figureItem(ctx: RenderContext, lang: Lang, indicator: Indicator): FeedItem {
  const lexicon = ctx.lexicon(lang);
  const row = indicatorRow(indicator, ctx, lang, true);
  const figure = figureView(indicator, ctx, lang);
  const title = lexicon.t('ui:feed.figureTitle', { metric: row.metric.name, when: figure.when, statement: figure.statement });
  const url = `${ctx.url(routes.briefing(lang, indicator.briefing.id))}#${row.anchor}`;
  const summary = lexicon.t('ui:feed.figureSummary', { statement: figure.statement, source: indicator.briefing.input.title[lang] });
  const contentHtml = ctx.theme.render('partials/feed-figure', {
    lang,
    url,
    statement: figure.statement,
    quoteHtml: row.quoteHtml,
    note: row.note,
    source: indicator.briefing.input.title[lang],
  });
  return finishItem({
    id: stableId(`figure:${lang}:${indicator.briefing.id}:${indicator.input.id}`),
    title,
    url,
    published: dateView(indicator.briefing.publishedAt, lexicon),
    updated: dateView(indicator.briefing.updatedAt, lexicon),
    categories: [{ term: indicator.input.topic, label: lexicon.t(`topics:${indicator.input.topic}`) }],
    summary,
    contentHtml: contentHtml.trim(),
  });
}

export const escapeHtml = Handlebars.Utils.escapeExpression;

/** A generated summary says so in feeds too. */
function feedSummary(ctx: RenderContext, lang: Lang, briefing: Briefing, text: string): string {
  return summaryOf(briefing, ctx, lang)?.generated ? `${text} ${ctx.lexicon(lang).t('ui:generated.notice')}` : text;
}

function feedItem(ctx: RenderContext, lang: Lang, briefing: Briefing): FeedItem {
  return ctx.memo(`feed-item:${lang}`, briefing, () => {
    const lexicon = ctx.lexicon(lang);
    const card = briefingCard(briefing, ctx, lang);
    const corrections = (briefing.input.corrections ?? []).map((c) => ({ date: dateView(c.date, lexicon), note: c.note[lang] }));
    const contentHtml = ctx.theme.render('partials/feed-content', {
      lang,
      url: card.url,
      summaryHtml: summaryOf(briefing, ctx, lang)?.html,
      summaryGenerated: summaryOf(briefing, ctx, lang)?.generated === true ? lexicon.t('ui:generated.notice') : undefined,
      corrections,
      keyNumbers: keyNumbers(briefing, ctx, lang),
      indicatorCount: briefing.indicators.length,
      mainTargets: mainTargetsOf(briefing, ctx, lang),
    });
    return finishItem({
      id: stableId(`briefing:${lang}:${briefing.id}`),
      title: card.title,
      url: card.url,
      published: dateView(briefing.publishedAt, lexicon),
      updated: dateView(briefing.updatedAt, lexicon),
      categories: briefing.topics.map((term) => ({ term, label: lexicon.t(`topics:${term}`) })),
      summary: feedSummary(ctx, lang, briefing, card.summary || card.title),
      contentHtml: contentHtml.trim(),
    });
  });
}

/** JSON Feed 1.1 (jsonfeed.org/version/1.1), serialised rather than templated: JSON has one right spelling. */
function jsonFeed(view: FeedView & { selfUrl: string }): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: view.title,
    home_page_url: view.homeUrl,
    feed_url: view.selfUrl,
    description: view.description,
    language: view.tag,
    authors: [{ name: view.author }],
    items: view.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      date_published: item.published.iso,
      date_modified: item.updated.iso,
      tags: item.categories.map((c) => c.label),
      language: view.tag,
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
