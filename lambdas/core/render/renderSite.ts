import { LANGUAGES } from '../i18n/languages';
import type { Localisation } from '../i18n/localisation';
import type { SiteModel } from '../model/site';
import { RenderContext, type RenderConfig } from './context';
import { comparisonDownloads } from './compareDownloads';
import { comparisonFeeds } from './compareFeeds';
import { renderDownloads } from './downloads';
import { renderFeeds } from './feeds';
import { OUTPUT_FORMATS, type OutputFile, type PlannedFile, materialise } from './outputFormats';
import { type PageSpec, pageSpecs } from './pages';
import { fileOf, routes } from './routes';
import { isSearchable, restatesFigures } from './searchPage';
import { renderSitemap } from './sitemap';
import type { Theme } from './theme';
import { feedLinks, pageFrame } from './views/frame';

export interface RenderInput {
  readonly model: SiteModel;
  readonly theme: Theme;
  readonly localisation: Localisation;
  readonly config: RenderConfig;
}

/**
 * Plans the whole site, file by file, in publish order (a generator, so a writer can stream 10,000
 * pages without holding them all; each file renders only when asked). Pure: the same input gives
 * byte-identical files.
 *
 *     for (const file of renderSite(input)) write(file.path, file.render())
 */
export function* renderSite(input: RenderInput, context?: RenderContext): Generator<PlannedFile> {
  const ctx = context ?? renderContext(input);
  for (const name of ctx.theme.assetNames) {
    const type = name.endsWith('.css') ? OUTPUT_FORMATS.css : name.endsWith('.js') ? OUTPUT_FORMATS.js : OUTPUT_FORMATS.text;
    const body = ctx.theme.asset(name);
    yield { path: routes.asset(ctx.theme.assetFile(name)).slice(1), render: () => body, contentType: type.mediaType, role: 'asset' };
  }
  yield* renderDownloads(ctx);
  const pages = [...pageSpecs(ctx)];
  for (const page of pages) if (page.role === 'page') yield* htmlFiles(ctx, page);
  yield* comparisonDownloads(ctx);
  yield* renderFeeds(ctx);
  yield* comparisonFeeds(ctx);
  for (const page of pages) if (page.role !== 'page') yield* htmlFiles(ctx, page);
  yield bilingualPage(ctx, routes.chooser(), 'chooser');
  yield bilingualPage(ctx, routes.notFound(), 'notFound');
  yield* renderSitemap(ctx, pages);
}

/** The context a build renders with; pass the same one to `searchRecords` and `renderSite` to share its memos. */
export function renderContext(input: RenderInput): RenderContext {
  return new RenderContext(input.model, input.theme, input.localisation, input.config);
}

function* htmlFiles(ctx: RenderContext, page: PageSpec): Generator<PlannedFile> {
  const inputs = ctx.config.signature === undefined ? [] : page.inputs();
  for (const { code: lang } of LANGUAGES) {
    const path = fileOf(page.route(lang));
    const fingerprint = ctx.fingerprint(path, inputs);
    yield {
      path,
      ...(fingerprint && { fingerprint }),
      render: () => {
        const view = page.view(lang);
        const frame = pageFrame(ctx, lang, page.route, view.heading, view.description, page.scopes);
        const route = page.route(lang);
        const searchable = isSearchable(route);
        return ctx.theme.page(page.template, { ...frame, ...view, searchable, restated: searchable && restatesFigures(route) });
      },
      contentType: OUTPUT_FORMATS.html.mediaType,
      role: page.role,
      ...(page.owner && { owner: page.owner }),
    };
  }
}

/** The whole site rendered in memory, keyed by path (tests, small sites): text files only (no search index). */
export function renderSiteToMemory(input: RenderInput): Map<string, OutputFile<string>> {
  return new Map(
    [...renderSite(input)].map((file) => {
      const { body, ...rest } = materialise(file);
      if (typeof body !== 'string') throw new Error(`${file.path}: a binary file has no place in an in-memory text site`);
      return [file.path, { ...rest, body }];
    }),
  );
}

/** The language chooser and the 404 page speak both languages at once. */
function bilingualPage(ctx: RenderContext, route: string, key: 'chooser' | 'notFound'): PlannedFile {
  const path = fileOf(route);
  const fingerprint = ctx.fingerprint(path, []);
  return {
    path,
    ...(fingerprint && { fingerprint }),
    render: () => renderBilingual(ctx, route, key),
    contentType: OUTPUT_FORMATS.html.mediaType,
    role: 'index',
  };
}

function renderBilingual(ctx: RenderContext, route: string, key: 'chooser' | 'notFound'): string {
  const choices = LANGUAGES.map(({ code, tag }) => {
    const t = (k: string) => ctx.lexicon(code).t(`ui:${key}.${k}`);
    const feeds = feedLinks(ctx, code, { kind: 'site' });
    return {
      tag,
      title: t('title'),
      description: t('description'),
      label: t('action'),
      href: ctx.href(routes.home(code)),
      subscribe: ctx.lexicon(code).t('ui:footer.subscribe', { name: feeds[0]?.scopeTitle ?? '' }),
      feeds,
    };
  });
  const [zh, en] = choices;
  return ctx.theme.render('pages/bilingual', {
    zh,
    en,
    choices,
    noindex: key === 'notFound',
    feeds: key === 'chooser' ? choices.flatMap((c) => c.feeds.map((f) => ({ ...f, hreflang: c.tag }))) : [],
    canonical: ctx.url(route),
    alternates: [...LANGUAGES.map((l) => ({ hreflang: l.tag, href: ctx.url(routes.home(l.code)) })), { hreflang: 'x-default', href: ctx.url(route) }],
    stylesheet: ctx.href(routes.asset(ctx.theme.assetFile('style.css'))),
  });
}
