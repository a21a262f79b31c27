import { createHash } from 'node:crypto';
import { ConditionalStateStore } from '../../core/publish/conditionalStateStore';
import type { ConditionalObjects } from '../../core/publish/lease';
import { EMPTY_MANIFEST, type Manifest, parseManifest, serialiseManifest } from '../../core/publish/manifest';
import { TooLargeError } from '../../core/model/limits';
import type { BriefingSource, CdnInvalidator, DraftStore, ReportSource, SiteStore } from '../../core/ports';
import type { SiteFile } from '../../core/render/outputFormats';
import type { IndexFile, SearchIndexer, SearchPage } from '../../core/search/searchIndex';

/** Briefing data held in memory, keyed like the folder layout (`briefings/<id>.json`, `sources/<file>`). */
export class MemoryBriefingSource implements BriefingSource {
  readonly description = 'memory:';
  constructor(readonly files: Map<string, string> = new Map()) {}

  async listBriefings(): Promise<string[]> {
    return [...this.files.keys()].filter((k) => /^briefings\/[^/]+\.json$/.test(k)).sort();
  }

  async read(key: string): Promise<string> {
    const text = this.files.get(key);
    if (text === undefined) throw new Error(`no such key: ${key}`);
    return text;
  }

  async readSourceText(file: string): Promise<string | undefined> {
    return this.files.get(`sources/${file}`);
  }
}

/** A site held in memory, counting writes: what tests and dry runs look at. */
export class MemorySiteStore implements SiteStore {
  readonly description = 'memory:';
  readonly files = new Map<string, SiteFile>();
  puts = 0;
  deletes = 0;

  async put(file: SiteFile): Promise<void> {
    this.puts++;
    this.files.set(file.path, file);
  }

  async delete(path: string): Promise<void> {
    this.deletes++;
    this.files.delete(path);
  }

  async read(path: string): Promise<Uint8Array | string | undefined> {
    return this.files.get(path)?.body;
  }
}

/**
 * Objects with the compare-and-swap semantics of S3 conditional writes (If-None-Match: *, If-Match),
 * versions counting up like ETags: what the lease and manifest code is tested against.
 */
export class MemoryConditionalObjects implements ConditionalObjects {
  readonly objects = new Map<string, { text: string; version: string }>();
  private counter = 0;

  async read(name: string) {
    return this.objects.get(name);
  }
  async create(name: string, text: string) {
    return this.objects.has(name) ? undefined : this.set(name, text);
  }
  async replace(name: string, text: string, version: string) {
    return this.objects.get(name)?.version === version ? this.set(name, text) : undefined;
  }
  async remove(name: string, version: string) {
    if (this.objects.get(name)?.version === version) this.objects.delete(name);
  }
  private set(name: string, text: string): string {
    const version = `"v${++this.counter}"`;
    this.objects.set(name, { text, version });
    return version;
  }
}

export class MemoryStateStore extends ConditionalStateStore {
  readonly lastGood = new Map<string, string>();
  declare readonly objects: MemoryConditionalObjects;
  private cached: { version: string | undefined; manifest: Manifest } = { version: undefined, manifest: EMPTY_MANIFEST };

  /** The stored manifest (what tests look at), parsed once per version. */
  get manifest(): Manifest {
    const stored = this.objects.objects.get('manifest.json');
    if (stored?.version !== this.cached.version)
      this.cached = { version: stored?.version, manifest: stored ? parseManifest(stored.text, 'memory') : EMPTY_MANIFEST };
    return this.cached.manifest;
  }

  /** Replaces the stored manifest, as another writer (or a person) would. */
  set manifest(manifest: Manifest) {
    const version = this.objects.objects.get('manifest.json')?.version;
    const text = serialiseManifest(manifest);
    void (version === undefined ? this.objects.create('manifest.json', text) : this.objects.replace('manifest.json', text, version));
  }

  constructor() {
    super('memory-state:', new MemoryConditionalObjects());
  }

  async readLastGood(id: string): Promise<string | undefined> {
    return this.lastGood.get(id);
  }
  async writeLastGood(id: string, text: string): Promise<void> {
    this.lastGood.set(id, text);
  }
  async deleteLastGood(id: string): Promise<void> {
    this.lastGood.delete(id);
  }
}

/** Remembers every invalidation request. */
export class MemoryInvalidator implements CdnInvalidator {
  readonly requests: string[][] = [];
  async invalidate(paths: readonly string[]): Promise<void> {
    this.requests.push([...paths]);
  }
}

/** Reports held in memory by key, refused past `maxBytes` like the S3 reader. */
export class MemoryReportSource implements ReportSource {
  readonly description = 'memory-reports:';
  constructor(
    readonly files: Map<string, Uint8Array> = new Map(),
    private readonly maxBytes = 16 * 1024 * 1024,
  ) {}
  async read(key: string): Promise<Uint8Array | undefined> {
    const bytes = this.files.get(key);
    if (bytes && bytes.length > this.maxBytes) throw new TooLargeError(`${key} is ${bytes.length} bytes (limit ${this.maxBytes})`);
    return bytes;
  }
}

export class MemoryDraftStore implements DraftStore {
  readonly description = 'memory-drafts:';
  readonly drafts = new Map<string, unknown>();
  async write(name: string, value: unknown): Promise<void> {
    this.drafts.set(name, JSON.parse(JSON.stringify(value)));
  }
}

/**
 * A search index built in memory, shaped like Pagefind's: one fragment per page, named by a hash of
 * what it holds (an edited page renames its fragment, leaving the old one stale), and an entry file
 * listing the fragments in the order the pages came. Remembers what it was given; `failure` makes the
 * next builds fail after reading every page, as an indexer that crashes at the end would.
 */
export class MemorySearchIndexer implements SearchIndexer {
  readonly version = 'memory-index@1';
  builds = 0;
  /** The URLs of the last build's pages, in the order they came. */
  received: string[] = [];
  failure: Error | undefined;

  async build(pages: AsyncIterable<SearchPage>): Promise<IndexFile[]> {
    this.builds++;
    this.received = [];
    const fragments: IndexFile[] = [];
    for await (const page of pages) {
      this.received.push(page.url);
      const text = `${page.url}\n${page.html.length}\n`;
      fragments.push({
        path: `fragment/${createHash('sha256').update(page.url).update(page.html).digest('hex').slice(0, 12)}.pf_fragment`,
        bytes: encoder.encode(text),
      });
    }
    if (this.failure) throw this.failure;
    const entry: IndexFile = { path: 'pagefind-entry.json', bytes: encoder.encode(JSON.stringify({ fragments: fragments.map((f) => f.path) })) };
    return [entry, ...fragments].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

const encoder = new TextEncoder();
