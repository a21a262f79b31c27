import type { Lang } from '../i18n/languages';

/**
 * The URL layout, a contract (feeds and links out there point at it). A route is a site-absolute URL path;
 * pages are directories (`/en/briefings/x/`) stored as `…/index.html`.
 */
export type Scope =
  | { readonly kind: 'site' }
  | { readonly kind: 'topic'; readonly key: string }
  | { readonly kind: 'region'; readonly key: string }
  /** One metric in one region ("Chengdu GDP"): a feed of its figures as reports state them. */
  | { readonly kind: 'indicator'; readonly key: string; readonly region: string }
  /** Regions of one level by one main target and year ("2026 provincial GDP growth targets"). */
  | { readonly kind: 'comparison'; readonly key: string; readonly year: number; readonly level: string };

/** Downloads by what they hold: a comparison's key is `<target>-<year>`, a targets table's its year. */
export type DataKind = 'indicators' | 'briefings' | 'regions' | 'compare' | 'targets';

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
  /** Where a metric's feeds for one region live; the figures are on the indicator page, in the region's section. */
  indicatorRegion: (lang: Lang, metric: string, region: string) => `/${lang}/indicators/${metric}/${region}/`,
  targets: (lang: Lang) => `/${lang}/targets/`,
  search: (lang: Lang) => `/${lang}/search/`,
  glossary: (lang: Lang) => `/${lang}/glossary/`,
  /** Main targets compared: the index, a year's table of every region, one target's ranking. */
  comparisons: (lang: Lang) => `/${lang}/compare/`,
  targetsOfYear: (lang: Lang, year: number) => `/${lang}/targets/${year}/`,
  comparison: (lang: Lang, target: string, year: number) => `/${lang}/compare/${target}/${year}/`,
  /** Downloads are language-neutral: one file serves both languages' pages. */
  data: (kind: DataKind, key: string, format: 'csv' | 'json') => `/data/${kind}/${key}.${format}`,
  siteData: (format: 'csv' | 'json') => `/data/all.${format}`,
  /** Directory of a feed scope's feeds: next to the page they follow. */
  scope: (lang: Lang, scope: Scope) =>
    scope.kind === 'site'
      ? routes.home(lang)
      : scope.kind === 'topic'
        ? routes.topic(lang, scope.key)
        : scope.kind === 'region'
          ? routes.region(lang, scope.key)
          : scope.kind === 'indicator'
            ? routes.indicatorRegion(lang, scope.key, scope.region)
            : `${routes.comparison(lang, scope.key, scope.year)}${scope.level}/`,
  /** The page a feed scope's feeds link to as their home. */
  scopePage: (lang: Lang, scope: Scope) =>
    scope.kind === 'indicator'
      ? `${routes.indicator(lang, scope.key)}#region-${scope.region}`
      : scope.kind === 'comparison'
        ? `${routes.comparison(lang, scope.key, scope.year)}#level-${scope.level}`
        : routes.scope(lang, scope),
} as const;

/** The stored object for a route: `/en/` → `en/index.html`, `/404.html` → `404.html`. */
export function fileOf(route: string): string {
  const path = route.replace(/^\//, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** Absolute URL of a route under the site's base URL (which may carry a path prefix). */
export function absolute(baseUrl: URL, route: string): string {
  // A plain route (unreserved characters, no dot segments) resolves to itself after a base ending in a
  // slash: join them as strings, which is what the URL parser would give, without parsing 100,000 times.
  const base = baseUrl.href;
  if (PLAIN_ROUTE.test(route) && base.endsWith('/') && baseUrl.search === '' && baseUrl.hash === '') return base + route.slice(1);
  return new URL(route.replace(/^\//, ''), baseUrl).href;
}

const PLAIN_ROUTE = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?(?:#[A-Za-z0-9._~-]*)?$/;
