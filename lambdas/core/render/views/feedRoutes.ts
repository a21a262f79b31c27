import type { Lang } from '../../i18n/languages';
import type { RenderContext } from '../context';
import { type FeedFormatName, OUTPUT_FORMATS } from '../outputFormats';
import { type Scope, routes } from '../routes';

export function feedRoute(lang: Lang, scope: Scope, format: FeedFormatName): string {
  return routes.scope(lang, scope) + OUTPUT_FORMATS[format].fileName;
}

export function feedTitle(ctx: RenderContext, lang: Lang, scope: Scope): string {
  const lexicon = ctx.lexicon(lang);
  if (scope.kind === 'site') return lexicon.t('ui:feed.title.site');
  if (scope.kind === 'indicator') return lexicon.t('ui:feed.title.indicator', { metric: lexicon.t(`metrics:${scope.key}`), region: lexicon.t(`regions:${scope.region}`) });
  const name = lexicon.t(`${scope.kind === 'topic' ? 'topics' : 'regions'}:${scope.key}`);
  return lexicon.t('ui:feed.title.scoped', { name });
}

export function scopeKey(scope: Scope): string {
  return scope.kind === 'site' ? 'site' : scope.kind === 'indicator' ? `indicator:${scope.key}:${scope.region}` : `${scope.kind}:${scope.key}`;
}
