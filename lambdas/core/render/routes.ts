import type { Lang } from '../i18n/languages';

/**
 * The URL layout (DESIGN.md "Site layout", a contract). A route is a site-absolute URL path;
 * pages are directories (`/en/briefings/x/`) stored as `…/index.html`.
 */
export type Scope =
  | { readonly kind: 'site' }
  | { readonly kind: 'topic'; readonly key: string }
  | { readonly kind: 'region'; readonly key: string }
  /** Regions of one level by one main target and year ("2026 provincial GDP growth targets"). */
  | { readonly kind: 'comparison'; readonly key: string; readonly year: number; readonly level: string };

export const routes = {
  chooser: () => '/',
  notFound: () => '/404.html',
  sitemap: () => '/sitemap.xml',
  robots: () => '/robots.txt',
  asset: (name: string) => `/assets/${name}`,
  home: (lang: Lang) => `/${lang}/`,
  briefings: (lang: Lang) => `/${lang}/briefings/`,
  briefing: (lang: Lang, id: string) => `/${lang}/briefings/${id}/`,
  topics: (lang: Lang) => `/${lang}/topics/`,
  topic: (lang: Lang, key: string) => `/${lang}/topics/${key}/`,
  regions: (lang: Lang) => `/${lang}/regions/`,
  region: (lang: Lang, key: string) => `/${lang}/regions/${key}/`,
  indicators: (lang: Lang) => `/${lang}/indicators/`,
  indicator: (lang: Lang, metric: string) => `/${lang}/indicators/${metric}/`,
  glossary: (lang: Lang) => `/${lang}/glossary/`,
  search: (lang: Lang) => `/${lang}/search/`,
  /** Main targets compared: the index, a year's table of every region, one target's ranking. */
  comparisons: (lang: Lang) => `/${lang}/compare/`,
  targetsOfYear: (lang: Lang, year: number) => `/${lang}/targets/${year}/`,
  comparison: (lang: Lang, target: string, year: number) => `/${lang}/compare/${target}/${year}/`,
  /** Comparison downloads are language-neutral: one file serves both languages' pages. */
  comparisonData: (target: string, year: number, format: 'csv' | 'json') => `/data/compare/${target}-${year}.${format}`,
  targetsData: (year: number, format: 'csv' | 'json') => `/data/targets/${year}.${format}`,
  /** Home of a feed scope: feeds live next to the page they follow. */
  scope: (lang: Lang, scope: Scope) =>
    scope.kind === 'site'
      ? routes.home(lang)
      : scope.kind === 'topic'
        ? routes.topic(lang, scope.key)
        : scope.kind === 'region'
          ? routes.region(lang, scope.key)
          : `${routes.comparison(lang, scope.key, scope.year)}${scope.level}/`,
  /** The page a feed scope's feeds link to as their home. */
  scopePage: (lang: Lang, scope: Scope) =>
    scope.kind === 'comparison' ? `${routes.comparison(lang, scope.key, scope.year)}#level-${scope.level}` : routes.scope(lang, scope),
} as const;

/** The stored object for a route: `/en/` → `en/index.html`, `/404.html` → `404.html`. */
export function fileOf(route: string): string {
  const path = route.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Absolute URL of a route under the site's base URL (which may carry a path prefix). */
export function absolute(baseUrl: URL, route: string): string {
  return new URL(route.replace(/^\//, ''), baseUrl).href;
}
