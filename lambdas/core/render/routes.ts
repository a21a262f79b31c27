import type { Lang } from '../i18n/languages';

/**
 * The URL layout, a contract (feeds and links out there point at it). A route is a site-absolute URL path;
 * pages are directories (`/en/briefings/x/`) stored as `…/index.html`.
 */
export type Scope =
  | { readonly kind: 'site' }
  | { readonly kind: 'topic'; readonly key: string }
  | { readonly kind: 'region'; readonly key: string };

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
  /** Home of a feed scope: feeds live next to the page they follow. */
  scope: (lang: Lang, scope: Scope) =>
    scope.kind === 'site' ? routes.home(lang) : scope.kind === 'topic' ? routes.topic(lang, scope.key) : routes.region(lang, scope.key),
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
