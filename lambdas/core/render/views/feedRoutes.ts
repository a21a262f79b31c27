import type { Lang } from '../../i18n/languages';
import type { RenderContext } from '../context';
import { FEED_FORMATS, type FeedFormatName, OUTPUT_FORMATS } from '../outputFormats';
import { type Scope, routes } from '../routes';

/**
 * The formats a scope's feed is published in. An indicator series, one per metric and region (most of the site's
 * files), is RSS alone at the URL the design names (`/en/indicators/gdp/chengdu/feed.xml`); its former Atom and JSON
 * Feed URLs answer with a permanent redirect there (infra/functions/indexRewrite.js). Every other scope has all three.
 */
export function feedFormatsOf(scope: Scope): readonly FeedFormatName[] {
  return scope.kind === 'indicator' ? SERIES_FEED_FORMATS : FEED_FORMATS;
}
const SERIES_FEED_FORMATS: readonly FeedFormatName[] = ['rss'];

/** The routes a scope's feed in one format took over: the formats it is no longer published in, when this is its first. */
export function formerFeedRoutes(lang: Lang, scope: Scope, format: FeedFormatName): string[] {
  const formats = feedFormatsOf(scope);
  if (format !== formats[0]) return [];
  return FEED_FORMATS.filter((f) => !formats.includes(f)).map((f) => feedRoute(lang, scope, f));
}

export function feedRoute(lang: Lang, scope: Scope, format: FeedFormatName): string {
  return routes.scope(lang, scope) + OUTPUT_FORMATS[format].fileName;
}

export function feedTitle(ctx: RenderContext, lang: Lang, scope: Scope): string {
  const lexicon = ctx.lexicon(lang);
  if (scope.kind === 'site') return lexicon.t('ui:feed.title.site');
  if (scope.kind === 'indicator')
    return lexicon.t('ui:feed.title.indicator', { metric: lexicon.t(`metrics:${scope.key}`), region: lexicon.t(`regions:${scope.region}`) });
  if (scope.kind === 'comparison') return lexicon.t('ui:feed.title.scoped', { name: comparisonTitle(ctx, lang, scope.key, scope.year, scope.level) });
  const name = lexicon.t(`${scope.kind === 'topic' ? 'topics' : 'regions'}:${scope.key}`);
  return lexicon.t('ui:feed.title.scoped', { name });
}

/** "2026 provincial GDP growth targets", "2026年各省地区生产总值增长目标". */
export function comparisonTitle(ctx: RenderContext, lang: Lang, target: string, year: number, level: string): string {
  const lexicon = ctx.lexicon(lang);
  return lexicon.t('ui:compare.levelTitle', {
    year,
    level: lexicon.t(`ui:compare.levelAdjective.${level}`),
    subject: lexicon.t(`ui:compare.subject.${target}`),
  });
}

export function scopeKey(scope: Scope): string {
  if (scope.kind === 'comparison') return `comparison:${scope.key}:${scope.year}:${scope.level}`;
  return scope.kind === 'site' ? 'site' : scope.kind === 'indicator' ? `indicator:${scope.key}:${scope.region}` : `${scope.kind}:${scope.key}`;
}
