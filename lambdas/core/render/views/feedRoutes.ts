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
