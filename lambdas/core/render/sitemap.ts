import { LANGUAGES } from '../i18n/languages';
import type { RenderContext } from './context';
import type { PlannedFile } from './outputFormats';
import { type PageSpec, versionsOf } from './pages';
import { routes } from './routes';
import { OUTPUT_FORMATS } from './outputFormats';

/** The sitemap, every page with its language alternates; and robots.txt pointing at it. */
export function renderSitemap(ctx: RenderContext, pages: readonly PageSpec[]): PlannedFile[] {
  const urls = () =>
    pages.flatMap((page) =>
      LANGUAGES.map(({ code }) => ({
        loc: ctx.url(page.route(code)),
        lastmod: page.lastmod?.replace('.000Z', 'Z'),
        alternates: LANGUAGES.map((l) => ({ hreflang: l.tag, href: ctx.url(page.route(l.code)) })),
      })),
    );
  const sitemap = routes.sitemap().slice(1);
  const robots = routes.robots().slice(1);
  // The page set and every lastmod follow from the published briefings and their metrics.
  const allPages = ctx.fingerprint(sitemap, ctx.config.signature === undefined ? [] : [...versionsOf(ctx.model.briefings), ...ctx.model.metrics.keys()]);
  const fixed = ctx.fingerprint(robots, []);
  return [
    {
      path: sitemap,
      ...(allPages && { fingerprint: allPages }),
      render: () => ctx.theme.render('feeds/sitemap', { urls: urls() }),
      contentType: OUTPUT_FORMATS.sitemap.mediaType,
      role: 'meta',
    },
    {
      path: robots,
      ...(fixed && { fingerprint: fixed }),
      render: () => ctx.theme.render('feeds/robots', { sitemap: ctx.url(routes.sitemap()) }, { escape: false }),
      contentType: OUTPUT_FORMATS.text.mediaType,
      role: 'meta',
    },
  ];
}
