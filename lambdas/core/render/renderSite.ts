import { LANGUAGES } from '../i18n/languages';
import type { Localisation } from '../i18n/localisation';
import type { SiteModel } from '../model/site';
import { RenderContext, type RenderConfig } from './context';
import { renderFeeds } from './feeds';
import { OUTPUT_FORMATS, type OutputFile } from './outputFormats';
import { type PageSpec, pageSpecs } from './pages';
import { fileOf, routes } from './routes';
import { renderSitemap } from './sitemap';
import type { Theme } from './theme';
import { pageFrame } from './views/frame';

export interface RenderInput {
  readonly model: SiteModel;
  readonly theme: Theme;
  readonly localisation: Localisation;
  readonly config: RenderConfig;
}

/**
 * Renders the whole site, file by file (a generator, so a writer can stream 10,000 pages without
 * holding them all). Pure: the same input gives byte-identical files.
 *
 *     for (const file of renderSite(input)) write(file.path, file.body)
 */
export function* renderSite(input: RenderInput): Generator<OutputFile> {
  const ctx = new RenderContext(input.model, input.theme, input.localisation, input.config);
  for (const name of ctx.theme.assetNames) {
    const type = name.endsWith('.css') ? OUTPUT_FORMATS.css : OUTPUT_FORMATS.text;
    yield { path: routes.asset(ctx.theme.assetFile(name)).slice(1), body: ctx.theme.asset(name), contentType: type.mediaType, role: 'asset' };
  }
  const pages = [...pageSpecs(ctx)];
  for (const page of pages) if (page.role === 'page') yield* htmlFiles(ctx, page);
  yield* renderFeeds(ctx);
  for (const page of pages) if (page.role !== 'page') yield* htmlFiles(ctx, page);
  yield bilingualPage(ctx, routes.chooser(), 'chooser');
  yield bilingualPage(ctx, routes.notFound(), 'notFound');
  yield* renderSitemap(ctx, pages);
}

function* htmlFiles(ctx: RenderContext, page: PageSpec): Generator<OutputFile> {
  for (const { code: lang } of LANGUAGES) {
    const view = page.view(lang);
    const frame = pageFrame(ctx, lang, page.route, view.heading, view.description, page.scope);
    yield {
      path: fileOf(page.route(lang)),
      body: ctx.theme.page(page.template, { ...frame, ...view }),
      contentType: OUTPUT_FORMATS.html.mediaType,
      role: page.role,
      ...(page.owner && { owner: page.owner }),
    };
  }
}

/** The whole site in memory, keyed by path (tests, small sites). */
export function renderSiteToMemory(input: RenderInput): Map<string, OutputFile> {
  return new Map([...renderSite(input)].map((file) => [file.path, file]));
}

/** The language chooser and the 404 page speak both languages at once. */
function bilingualPage(ctx: RenderContext, route: string, key: 'chooser' | 'notFound'): OutputFile {
  const choices = LANGUAGES.map(({ code, tag }) => {
    const t = (k: string) => ctx.lexicon(code).t(`ui:${key}.${k}`);
    return { tag, title: t('title'), description: t('description'), label: t('action'), href: ctx.href(routes.home(code)) };
  });
  const [zh, en] = choices;
  const body = ctx.theme.render('pages/bilingual', {
    zh,
    en,
    choices,
    noindex: key === 'notFound',
    canonical: ctx.url(route),
    alternates: [...LANGUAGES.map((l) => ({ hreflang: l.tag, href: ctx.url(routes.home(l.code)) })), { hreflang: 'x-default', href: ctx.url(route) }],
    stylesheet: ctx.href(routes.asset(ctx.theme.assetFile('style.css'))),
  });
  return { path: fileOf(route), body, contentType: OUTPUT_FORMATS.html.mediaType, role: 'index' };
}
