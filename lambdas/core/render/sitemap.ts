import { LANGUAGES } from '../i18n/languages';
import type { RenderContext } from './context';
import type { OutputFile } from './outputFormats';
import type { PageSpec } from './pages';
import { routes } from './routes';
import { OUTPUT_FORMATS } from './outputFormats';

/** The sitemap, every page with its language alternates; and robots.txt pointing at it. */
export function renderSitemap(ctx: RenderContext, pages: readonly PageSpec[]): OutputFile[] {
  const urls = pages.flatMap((page) =>
    LANGUAGES.map(({ code }) => ({
      loc: ctx.url(page.route(code)),
      lastmod: page.lastmod?.replace('.000Z', 'Z'),
      alternates: LANGUAGES.map((l) => ({ hreflang: l.tag, href: ctx.url(page.route(l.code)) })),
    })),
  );
  return [
    { path: routes.sitemap().slice(1), body: ctx.theme.render('feeds/sitemap', { urls }), contentType: OUTPUT_FORMATS.sitemap.mediaType, role: 'meta' },
    {
      path: routes.robots().slice(1),
      body: ctx.theme.render('feeds/robots', { sitemap: ctx.url(routes.sitemap()) }, { escape: false }),
      contentType: OUTPUT_FORMATS.text.mediaType,
      role: 'meta',
    },
  ];
}
