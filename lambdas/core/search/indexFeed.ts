import type { Body, PlannedFile } from '../render/outputFormats';
import { type DeferredIndex, type SearchPage, searchUrl, searchableHtml } from './searchIndex';

/** Characters of page bodies held at once for the other side (about 64 MB at worst): flat memory at any size. */
export const DEFAULT_HELD_CHARS = 32 * 1024 * 1024;

/**
 * The pages of a deferred index, fed to the indexer in the site's order while the executor writes in
 * publish order (the two differ: index pages are written after the feeds, but Pagefind should have
 * them while the feeds are written). A page is rendered once for both when memory allows: whichever
 * side renders it first keeps the body for the other, up to `heldChars` in all; past that the other
 * side renders it again (the same bytes), so memory stays flat however large the site.
 */
export class IndexFeed {
  /** Pages the indexer has not taken yet. */
  private readonly unindexed: Set<string>;
  /** Indexed pages the executor will render and has not yet. */
  private readonly unwritten: Set<string>;
  private readonly forIndexer = new Map<string, string>();
  private readonly forWriter = new Map<string, string>();
  private held = 0;
  private stopped: { reason: unknown } | undefined;

  constructor(
    private readonly index: DeferredIndex,
    writes: Iterable<string>,
    private readonly heldChars = DEFAULT_HELD_CHARS,
  ) {
    this.unindexed = new Set(index.pages.map((p) => p.path));
    this.unwritten = new Set([...writes].filter((path) => this.unindexed.has(path)));
  }

  /** The executor's body for a file: the one the indexer kept, or rendered now (and kept for the indexer). */
  render(file: PlannedFile<Body>): Body {
    if (!this.unwritten.delete(file.path)) return file.render();
    const kept = this.take(this.forWriter, file.path);
    if (kept !== undefined) return kept;
    const body = file.render();
    // The indexer reads only the marked part (about half a page): that is all it is kept for.
    if (typeof body === 'string' && this.unindexed.has(file.path)) this.keep(this.forIndexer, file.path, searchableHtml(body));
    return body;
  }

  /** The indexer's input: every page in the site's order, ending when the last is taken (or the run stops). */
  async *pages(): AsyncGenerator<SearchPage> {
    for (const page of this.index.pages) {
      if (this.stopped) throw this.stopped.reason;
      this.unindexed.delete(page.path);
      let html = this.take(this.forIndexer, page.path);
      if (html === undefined) {
        const whole = page.render();
        if (this.unwritten.has(page.path)) this.keep(this.forWriter, page.path, whole);
        html = searchableHtml(whole);
      }
      yield { url: searchUrl(this.index, page.path), html };
    }
  }

  /** The run failed: the indexer gets no more pages, and no body stays held. */
  stop(reason: unknown): void {
    this.stopped ??= { reason };
    this.forIndexer.clear();
    this.forWriter.clear();
    this.held = 0;
  }

  private keep(to: Map<string, string>, path: string, body: string): void {
    if (this.held + body.length > this.heldChars) return;
    to.set(path, body);
    this.held += body.length;
  }

  private take(from: Map<string, string>, path: string): string | undefined {
    const body = from.get(path);
    if (body === undefined) return undefined;
    from.delete(path);
    this.held -= body.length;
    return body;
  }
}
