import type { Lang } from '../i18n/languages';
import { SEARCH_INDEX_DIR } from '../search/searchIndex';
import type { RenderContext } from './context';
import type { PageSpec } from './pages';
import { routes } from './routes';

/**
 * `/{lang}/search/`: a search box over the static index (Pagefind picks the index of the page's
 * `<html lang>`), shown only once the script runs; without it the page is a list of the indexes,
 * so every page stays two clicks away.
 */
export function searchPage(ctx: RenderContext): PageSpec {
  return {
    route: routes.search,
    template: 'search',
    role: 'index',
    scopes: [{ kind: 'site' }],
    inputs: () => [],
    view: (lang: Lang) => {
      const t = (key: string, vars?: Record<string, string>) => ctx.lexicon(lang).t(key, vars);
      const browse = [routes.briefings, routes.indicators, routes.topics, routes.regions, routes.glossary] as const;
      const names = ['briefings', 'indicators', 'topics', 'regions', 'glossary'] as const;
      return {
        heading: t('ui:search.heading'),
        description: t('ui:search.description'),
        index: ctx.href(`/${SEARCH_INDEX_DIR}`),
        script: ctx.href(routes.asset(ctx.theme.assetFile('search.js'))),
        messages: { some: t('ui:search.some', { query: '%s' }), none: t('ui:search.none', { query: '%s' }), loading: t('ui:search.loading') },
        links: browse.map((route, i) => ({
          name: t(`ui:nav.${names[i]}`),
          description: t(`ui:${names[i]}.description`),
          href: ctx.href(route(lang)),
        })),
      };
    },
  };
}

/**
 * Pages whose content search indexes: the pages of one briefing, indicator, topic or region and the
 * glossary; not the home page, the lists of lists or the search page itself (they would match everything).
 */
export function isSearchable(route: string): boolean {
  return /^\/[^/]+\/(?:(?:briefings|indicators|topics|regions)\/[^/]+\/(?:.+\/)?|glossary\/)$/.test(route);
}

/**
 * Pages that restate figures a briefing states (an indicator's, a topic's or a region's tables and charts).
 * Search indexes them by their own words and leaves the restated rows out, so that a figure or quote
 * finds the one briefing that states it rather than every page that repeats it.
 */
export function restatesFigures(route: string): boolean {
  return /^\/[^/]+\/(?:indicators|topics|regions)\/[^/]+\//.test(route);
}
