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
 * marked `data-pagefind-body` is indexed; each page is indexed in its `<html lang>`.
 */
export interface SearchIndexer {
  /** Names the indexer and its version: part of the index's fingerprint. */
  readonly version: string;
  build(pages: AsyncIterable<SearchPage>): Promise<IndexFile[]>;
}

/** Where the index is published, next to the pages: the search page loads `/pagefind/pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind/';

/**
 * The site's planned files followed by its search index, planned like any other file (so a folder
 * and a bucket get the same bytes, only changed shards are uploaded, stale ones deleted last).
 *
 * The index depends on every page, so it carries one fingerprint made of all of theirs: when no page
 * changed, the index is neither rebuilt nor rendered (its files are re-planned from the manifest).
 * Otherwise every page is rendered for the indexer and kept until the publisher takes it, so no
 * page renders twice. The index goes out last (role `meta`, with the sitemap): pages never wait for it.
 */
export async function* withSearchIndex(
  files: Iterable<PlannedFile>,
  previous: Manifest,
  indexer: SearchIndexer,
  baseUrl: URL,
): AsyncGenerator<PlannedFile<Body>> {
  const pages: KeptPage[] = [];
  for (const file of files) {
    if (file.contentType !== OUTPUT_FORMATS.html.mediaType) {
      yield file;
      continue;
    }
    const page: KeptPage = { file };
    pages.push(page);
    yield { ...file, render: () => handOver(page) };
  }
  const fingerprint = indexFingerprint(
    indexer,
    baseUrl,
    pages.map((p) => p.file),
  );
  const held = Object.entries(previous.files).filter(([path]) => path.startsWith(SEARCH_INDEX_DIR));
  if (fingerprint !== undefined && held.length > 0 && held.every(([, entry]) => entry.fingerprint === fingerprint)) {
    for (const [path, entry] of held) {
      const render = (): never => {
        throw new Error(`${path}: the search index is unchanged, so it is not rebuilt`);
      };
      yield { path, fingerprint, contentType: entry.contentType, role: 'meta', replaceable: true, render };
    }
    return;
  }
  const index = await indexer.build(searchPages(pages, baseUrl));
  for (const file of index) {
    yield {
      path: SEARCH_INDEX_DIR + file.path,
      ...(fingerprint && { fingerprint }),
      contentType: indexMediaType(file.path),
      role: 'meta',
      replaceable: true,
      render: () => file.bytes,
    };
  }
}

/** A page and, once the indexer has rendered it, its body, until the publisher takes it. */
interface KeptPage {
  readonly file: PlannedFile;
  body?: string;
}

function handOver(page: KeptPage): string {
  const { body } = page;
  if (body === undefined) return page.file.render();
  page.body = undefined;
  return body;
}

async function* searchPages(pages: readonly KeptPage[], baseUrl: URL): AsyncGenerator<SearchPage> {
  for (const page of pages) {
    page.body = page.file.render();
    yield { url: baseUrl.pathname + page.file.path.replace(/(^|\/)index\.html$/, '$1'), html: page.body };
  }
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

function indexMediaType(path: string): string {
  if (path.endsWith('.js')) return OUTPUT_FORMATS.js.mediaType;
  if (path.endsWith('.json')) return 'application/json; charset=utf-8';
  return OUTPUT_FORMATS.binary.mediaType;
}
