import { LANGUAGES, type Lang, languageOf } from '../../i18n/languages';
import type { RenderContext } from '../context';
import { OUTPUT_FORMATS } from '../outputFormats';
import { type Scope, routes } from '../routes';
import { feedFormatsOf, feedRoute, feedTitle } from './feedRoutes';

export type RouteOf = (lang: Lang) => string;

/** What the layout needs on every page: head links, navigation and the way to the other language. */
export function pageFrame(ctx: RenderContext, lang: Lang, route: RouteOf, heading: string, description: string, scopes: readonly Scope[]) {
  const lexicon = ctx.lexicon(lang);
  const { tag } = languageOf(lang);
  const other = LANGUAGES.find((l) => l.code !== lang) ?? languageOf(lang);
  return {
    lang,
    tag,
    title: lexicon.t('ui:site.title', { page: heading }),
    heading,
    description,
    canonical: ctx.url(route(lang)),
    alternates: [...LANGUAGES.map((l) => ({ hreflang: l.tag, href: ctx.url(route(l.code)) })), { hreflang: 'x-default', href: ctx.url(route('en')) }],
    feeds: scopes.flatMap((scope) => feedLinks(ctx, lang, scope)),
    feedGroups: scopes.map((scope) => ({ title: feedTitle(ctx, lang, scope), links: feedLinks(ctx, lang, scope) })),
    twin: { href: ctx.href(route(other.code)), tag: other.tag, label: ctx.lexicon(other.code).t('ui:language.name') },
    nav: {
      home: ctx.href(routes.home(lang)),
      briefings: ctx.href(routes.briefings(lang)),
      topics: ctx.href(routes.topics(lang)),
      regions: ctx.href(routes.regions(lang)),
      indicators: ctx.href(routes.indicators(lang)),
      compare: ctx.href(routes.comparisons(lang)),
      glossary: ctx.href(routes.glossary(lang)),
      targets: ctx.href(routes.targets(lang)),
      search: ctx.href(routes.search(lang)),
    },
    stylesheet: ctx.href(routes.asset(ctx.theme.assetFile('style.css'))),
  };
}

/** A scope's feeds in each of its formats, for autodiscovery and the footer. */
export function feedLinks(ctx: RenderContext, lang: Lang, scope: Scope) {
  const title = feedTitle(ctx, lang, scope);
  return feedFormatsOf(scope).map((format) => ({
    type: OUTPUT_FORMATS[format].mediaType.split(';')[0],
    title: `${title} (${OUTPUT_FORMATS[format].label})`,
    label: OUTPUT_FORMATS[format].label,
    scopeTitle: title,
    href: ctx.href(feedRoute(lang, scope, format)),
  }));
}
