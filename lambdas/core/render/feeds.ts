import Handlebars from 'handlebars';
import { LANGUAGES, type Lang, languageOf } from '../i18n/languages';
import type { Briefing } from '../model/site';
import type { RenderContext } from './context';
import { stableId } from './ids';
import { FEED_FORMATS, type FeedFormatName, OUTPUT_FORMATS, type PlannedFile } from './outputFormats';
import { versionsOf } from './pages';
import { type Scope, routes } from './routes';
import { briefingCard, keyNumbers, summaryOf } from './views/briefings';
import { type DateView, dateView } from './views/dates';
import { mainTargetsOf } from './views/comparisons';
import { feedRoute, feedTitle, scopeKey } from './views/feedRoutes';

/** Items per feed: readers poll often; the site keeps the full archive. */
export const FEED_ITEMS = 50;

/** Before any briefing exists a feed still needs an `updated`; a fixed one keeps builds byte-identical. */
const EMPTY_FEED_UPDATED = '2000-01-01T00:00:00Z';

/** Feeds for the whole site and for every topic and region, in each format and language. */
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
      let view: FeedView | undefined;
      const lazyView = () => (view ??= feedView(ctx, lang, scope, items));
      for (const format of FEED_FORMATS) yield feedFile(ctx, lang, scope, format, lazyView, inputs);
    }
  }
}

export function feedFile(ctx: RenderContext, lang: Lang, scope: Scope, format: FeedFormatName, view: () => FeedView, inputs: readonly string[]): PlannedFile {
  const spec = OUTPUT_FORMATS[format];
  const path = feedRoute(lang, scope, format).slice(1);
  const selfUrl = ctx.url(feedRoute(lang, scope, format));
  const fingerprint = ctx.fingerprint(path, inputs);
  const render = () => (format === 'jsonfeed' ? jsonFeed({ ...view(), selfUrl }) : ctx.theme.render(OUTPUT_FORMATS[format].template, { ...view(), selfUrl }));
  return { path, ...(fingerprint && { fingerprint }), render, contentType: spec.mediaType, role: 'feed' };
}

/** What every feed format is written from (RSS and Atom templates, JSON Feed serialiser). */
export interface FeedView {
  readonly lang: Lang;
  readonly tag: string;
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly homeUrl: string;
  readonly updated: DateView;
  readonly author: string;
  readonly generator: string;
  readonly items: readonly FeedItem[];
}

export interface FeedItem {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly published: DateView;
  readonly updated: DateView;
  readonly categories: ReadonlyArray<{ readonly term: string; readonly label: string }>;
  readonly summary: string;
  readonly contentHtml: string;
}

function feedView(ctx: RenderContext, lang: Lang, scope: Scope, briefings: readonly Briefing[]): FeedView {
  const lexicon = ctx.lexicon(lang);
  const newest = briefings.reduce<string | undefined>((latest, b) => (latest === undefined || b.updatedAt > latest ? b.updatedAt : latest), undefined);
  return {
    lang,
    tag: languageOf(lang).tag,
    id: stableId(`feed:${lang}:${scopeKey(scope)}`),
    title: feedTitle(ctx, lang, scope),
    description: lexicon.t('ui:feed.description'),
    homeUrl: ctx.url(routes.scopePage(lang, scope)),
    updated: dateView(newest ?? EMPTY_FEED_UPDATED, lexicon),
    author: lexicon.t('ui:site.name'),
    generator: lexicon.t('ui:site.name'),
    items: briefings.map((b) => feedItem(ctx, lang, b)),
  };
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
      corrections,
      keyNumbers: keyNumbers(briefing, ctx, lang),
      indicatorCount: briefing.indicators.length,
      mainTargets: mainTargetsOf(briefing, ctx, lang),
    });
    const summary = card.summary || card.title;
    return {
      id: stableId(`briefing:${lang}:${briefing.id}`),
      title: card.title,
      url: card.url,
      published: dateView(briefing.publishedAt, lexicon),
      updated: dateView(briefing.updatedAt, lexicon),
      categories: briefing.topics.map((term) => ({ term, label: lexicon.t(`topics:${term}`) })),
      summary,
      /** RSS `<description>` is read as HTML: escaped once more, so a bare `&` ("R&D") is not an error. */
      summaryHtml: escapeHtml(summary),
      contentHtml: contentHtml.trim(),
    };
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

const escapeHtml = Handlebars.Utils.escapeExpression;
