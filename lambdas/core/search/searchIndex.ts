import { createHash } from 'node:crypto';
import type { Manifest } from '../publish/manifest';
import { type Body, OUTPUT_FORMATS, type PlannedFile } from '../render/outputFormats';

/** A rendered page for the search index, at the URL path readers reach it by (`/en/briefings/x/`). */
export interface SearchPage {
  readonly url: string;
  readonly html: string;
}

/** One file of a built index, relative to the index folder (`pagefind.js`, `fragment/en_1a2b.pf_fragment`). */
export interface IndexFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/**
 * Builds a static search index from the site's pages (adapter: Pagefind). Only the part of a page
 * marked `data-pagefind-body` is indexed; each page is indexed in its `<html lang>`. The index's bytes
 * depend on the order the pages come in, so they always come in the site's order.
 */
export interface SearchIndexer {
  /** Names the indexer and its version: part of the index's fingerprint. */
  readonly version: string;
  build(pages: AsyncIterable<SearchPage>): Promise<IndexFile[]>;
}

/** Where the index is published, next to the pages: the search page loads `/pagefind/pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind/';

/**
 * The one part of a plan decided late: a search index to build from `pages` while the executor writes
 * the rest, its files planned (planIndexFiles) when the indexer delivers them. Its folder is reserved
 * when the plan is made: nothing else may be planned there, and what the manifest lists under it is
 * neither deleted nor counted by the guards until the index is known.
 */
export interface DeferredIndex {
  /** The reserved folder (`pagefind/`): every index file goes here, and only index files. */
  readonly folder: string;
  /** Every page's fingerprint in one (none when a page has none). */
  readonly fingerprint?: string;
  /** Every page to index, in the site's order (also those the plan skips or another run publishes). */
  readonly pages: readonly PlannedFile[];
  /** The URL path readers reach a page by, as the index records it. */
  readonly baseUrlPath: string;
  readonly indexer: SearchIndexer;
}

export interface PlannedSearch {
  /** The site's planned files, plus the held index files when the index need not be rebuilt. */
  readonly files: readonly PlannedFile<Body>[];
  /** The index to build while the site is written (none: it is unchanged, see `files`). */
  readonly index?: DeferredIndex;
}

/**
 * Plans the search index beside the site's files. The index depends on every page, so it carries one
 * fingerprint made of all of theirs: when no page changed, the index is neither rebuilt nor rendered (its
 * files are re-planned from the manifest, fingerprinted, so the publisher skips them). Otherwise it is
 * deferred: the executor builds it while it writes the rest, and publishes it after every other group.
 */
export function planSearchIndex(files: Iterable<PlannedFile>, previous: Manifest, indexer: SearchIndexer, baseUrl: URL): PlannedSearch {
  const all = [...files];
  const pages = all.filter(isSearchPage);
  const fingerprint = indexFingerprint(indexer, baseUrl, pages);
  const held = Object.entries(previous.files).filter(([path]) => path.startsWith(SEARCH_INDEX_DIR));
  if (fingerprint !== undefined && held.length > 0 && held.every(([, entry]) => entry.fingerprint === fingerprint)) {
    const kept = held.map(([path, entry]): PlannedFile<Body> => {
      const render = (): never => {
        throw new Error(`${path}: the search index is unchanged, so it is not rebuilt`);
      };
      return { path, fingerprint, contentType: entry.contentType, role: 'meta', replaceable: true, render };
    });
    return { files: [...all, ...kept] };
  }
  return {
    files: all,
    index: { folder: SEARCH_INDEX_DIR, ...(fingerprint && { fingerprint }), pages, baseUrlPath: baseUrl.pathname, indexer },
  };
}

/** Whether a planned file is a page the search index reads. */
export function isSearchPage(file: Pick<PlannedFile, 'contentType'>): boolean {
  return file.contentType === OUTPUT_FORMATS.html.mediaType;
}

/** The URL a page is indexed under: its folder for an `index.html`. */
export function searchUrl(index: Pick<DeferredIndex, 'baseUrlPath'>, path: string): string {
  return index.baseUrlPath + path.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * What the indexer reads of a page: its language and the part marked `data-pagefind-body`, nothing
 * else (Pagefind ignores the rest once any page marks a body, so the index is the same; it parses half
 * the bytes). A page with no marked part is sent as an empty body and stays out of the index.
 */
export function searchableHtml(html: string): string {
  const lang = /^<!DOCTYPE html>\n<html lang="([^"]*)">/.exec(html)?.[1];
  if (lang === undefined) return html;
  const start = html.indexOf(' data-pagefind-body');
  if (start < 0) return `<!DOCTYPE html><html lang="${lang}"><body></body></html>`;
  const open = html.lastIndexOf('<main', start);
  const close = html.indexOf('</main>', start);
  if (open < 0 || close < 0) return html;
  return `<!DOCTYPE html><html lang="${lang}"><body>${html.slice(open, close + '</main>'.length)}</body></html>`;
}

/** All the pages' fingerprints, or none when one page has none (then every build reindexes). */
function indexFingerprint(indexer: SearchIndexer, baseUrl: URL, pages: readonly PlannedFile[]): string | undefined {
  const hash = createHash('sha256').update(`${indexer.version}\n${baseUrl.href}`);
  for (const page of pages) {
    if (page.fingerprint === undefined) return undefined;
    hash.update(`\n${page.path}\t${page.fingerprint}`);
  }
  return `search:${hash.digest('hex')}`;
}

export function indexMediaType(path: string): string {
  if (path.endsWith('.js')) return OUTPUT_FORMATS.js.mediaType;
  if (path.endsWith('.json')) return 'application/json; charset=utf-8';
  return OUTPUT_FORMATS.binary.mediaType;
}
