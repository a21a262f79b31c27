import { createHash } from 'node:crypto';
import { LANGUAGES, type Lang, languageOf } from '../i18n/languages';
import type { RenderContext } from './context';
import { OUTPUT_FORMATS, type PlannedFile } from './outputFormats';
import { routes } from './routes';
import { glossaryTerms } from './terms';
import { summaryOf } from './views/briefings';
import { figureView, metricName, regionName } from './views/indicators';

/** One page as the search index sees it: its address, language, title and searchable text. */
export interface SearchRecord {
  readonly url: string;
  /** The page language, lower-cased as Pagefind matches it (`zh-cn`, `en`): the index is split by language and Chinese is segmented. */
  readonly language: string;
  readonly title: string;
  readonly content: string;
}

/** A file of the static search index, relative to its folder (`pagefind/`). */
export interface SearchFile {
  readonly path: string;
  readonly body: Uint8Array;
}

/** Builds a static search index from records (Pagefind in the build; none in tests that do not need it). */
export interface SearchIndexer {
  index(records: readonly SearchRecord[]): Promise<readonly SearchFile[]>;
}

export const SEARCH_FOLDER = 'pagefind/';

/**
 * What readers can search, in both languages, from the model rather than from rendered HTML (so an
 * incremental build that renders nothing can still index everything): briefings with their
 * summaries and figures, indicators by region, topics, regions and the glossary.
 */
export function searchRecords(ctx: RenderContext): SearchRecord[] {
  const records: SearchRecord[] = [];
  for (const { code: lang, tag } of LANGUAGES) {
    const sep = ctx.lexicon(lang).t('ui:separator');
    const add = (route: string, title: string, parts: readonly string[]) => records.push({ url: ctx.href(route), language: tag.toLowerCase(), title, content: [title, ...parts].join(sep) });
    for (const briefing of ctx.model.briefings) {
      const rows = briefing.indicators.map((i) => `${metricName(ctx, lang, i.input.metric)} ${figureView(i, ctx, lang).when} ${figureView(i, ctx, lang).statement}`);
      add(routes.briefing(lang, briefing.id), briefing.input.title[lang], [regionName(ctx, lang, briefing.input.region), summaryOf(briefing, ctx, lang)?.text ?? '', ...rows]);
    }
    for (const [metric, series] of ctx.model.metrics) {
      const regions = [...new Set(series.map((i) => regionName(ctx, lang, i.region)))];
      add(routes.indicator(lang, metric), metricName(ctx, lang, metric), [...regions, ...series.slice(-20).map((i) => figureView(i, ctx, lang).statement)]);
    }
    for (const key of ctx.model.topics.keys()) add(routes.topic(lang, key), ctx.lexicon(lang).t(`topics:${key}`), []);
    for (const key of ctx.model.regions.keys()) add(routes.region(lang, key), regionName(ctx, lang, key), []);
    const terms = glossaryTerms(ctx).map((t) => `${t.names[lang]} ${t.names.zh === t.names[lang] ? '' : t.names.zh} ${t.explanations[lang]}`);
    add(routes.glossary(lang), ctx.lexicon(lang).t('ui:glossary.heading'), terms);
  }
  return records;
}

/** The index's files as site files (assets: they go online before the search pages that load them). */
export function* searchIndexFiles(ctx: RenderContext, files: readonly SearchFile[]): Generator<PlannedFile> {
  for (const file of files) {
    const path = SEARCH_FOLDER + file.path;
    const hash = createHash('sha256').update(file.body).digest('hex');
    const fingerprint = ctx.fingerprint(path, [hash]);
    const type = file.path.endsWith('.js') ? OUTPUT_FORMATS.js : file.path.endsWith('.json') ? OUTPUT_FORMATS.json : file.path.endsWith('.css') ? OUTPUT_FORMATS.css : OUTPUT_FORMATS.bytes;
    yield { path, ...(fingerprint && { fingerprint }), render: () => file.body, contentType: type.mediaType, role: 'asset' };
  }
}

/** What the search page needs to load the index: where it lives and the page's language. */
export function searchConfig(ctx: RenderContext, lang: Lang) {
  return { base: ctx.href(`/${SEARCH_FOLDER}`), lang: languageOf(lang).tag };
}
