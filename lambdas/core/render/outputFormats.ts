/**
 * Output formats as data (after Hugo's output formats): media type, and the role a file plays
 * when publishing, which orders uploads so that nothing links to a page not yet online.
 */
export const OUTPUT_FORMATS = {
  html: { mediaType: 'text/html; charset=utf-8' },
  rss: { mediaType: 'application/rss+xml; charset=utf-8', fileName: 'feed.xml', template: 'feeds/rss', label: 'RSS' },
  atom: { mediaType: 'application/atom+xml; charset=utf-8', fileName: 'atom.xml', template: 'feeds/atom', label: 'Atom' },
  jsonfeed: { mediaType: 'application/feed+json; charset=utf-8', fileName: 'feed.json', label: 'JSON Feed' },
  sitemap: { mediaType: 'application/xml; charset=utf-8' },
  text: { mediaType: 'text/plain; charset=utf-8' },
  css: { mediaType: 'text/css; charset=utf-8' },
  js: { mediaType: 'text/javascript; charset=utf-8' },
  wasm: { mediaType: 'application/wasm' },
  csv: { mediaType: 'text/csv; charset=utf-8; header=present' },
  json: { mediaType: 'application/json; charset=utf-8' },
  /** Binary search-index shards (Pagefind), only ever fetched by its script. */
  binary: { mediaType: 'application/octet-stream' },
} as const;

export type OutputFormatName = keyof typeof OUTPUT_FORMATS;
export const FEED_FORMATS = ['rss', 'atom', 'jsonfeed'] as const;
export type FeedFormatName = (typeof FEED_FORMATS)[number];

/**
 * Publish order: each role goes online only after the roles before it, so that if a publish
 * stops half-way no feed or index links to a file that is not there: feeds link to briefing
 * pages; index pages link to briefing pages, feeds and (leaf lists first) other index pages.
 */
export const ROLES = ['asset', 'page', 'feed', 'index', 'meta'] as const;
export type Role = (typeof ROLES)[number];

/** A file's bytes: text (UTF-8) for everything rendered from templates, raw bytes for the search index. */
export type Body = string | Uint8Array;

export interface OutputFile<B extends Body = string> {
  /** Object key / relative file path, no leading slash: `en/briefings/x/index.html`. */
  readonly path: string;
  readonly body: B;
  readonly contentType: string;
  readonly role: Role;
  /** The briefing a page belongs to, if any: its pages are kept when its data file turns bad. */
  readonly owner?: string;
}

/**
 * A file the renderer can produce on demand. `fingerprint` (when the build has a signature) names
 * everything its bytes depend on: a publisher that already holds a file with that fingerprint
 * need not render it at all, which makes a republish cost what changed, not what exists.
 */
export interface PlannedFile<B extends Body = string> extends Omit<OutputFile<B>, 'body'> {
  readonly fingerprint?: string;
  /**
   * A fragment of an index rebuilt as a whole (the search index's shards): the stale files it replaces,
   * in its folder or below, are renamed fragments rather than lost pages, so they do not count against
   * the max-deletes guard.
   */
  readonly replaceable?: true;
  /**
   * Paths this file took over, which the viewer-request function redirects here (a series' former Atom and
   * JSON Feed): deleting them moves readers, it loses nothing, so they do not count against the guard either.
   */
  readonly supersedes?: readonly string[];
  render(): B;
}

/** What a store takes: text pages, feeds and assets, and the binary search index. */
export type SiteFile = OutputFile<Body>;

export function materialise<B extends Body>(file: PlannedFile<B>): OutputFile<B> {
  const { fingerprint: _fingerprint, replaceable: _replaceable, supersedes: _supersedes, render, ...rest } = file;
  return { ...rest, body: render() };
}
