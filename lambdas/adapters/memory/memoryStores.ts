import { EMPTY_MANIFEST, type Manifest } from '../../core/publish/manifest';
import type { BriefingSource, CdnInvalidator, SiteStore, StateStore } from '../../core/ports';
import type { SiteFile } from '../../core/render/outputFormats';

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
}

export class MemoryStateStore implements StateStore {
  readonly description = 'memory-state:';
  manifest: Manifest = EMPTY_MANIFEST;
  readonly lastGood = new Map<string, string>();

  async readManifest(): Promise<Manifest> {
    return this.manifest;
  }
  async writeManifest(manifest: Manifest): Promise<void> {
    this.manifest = manifest;
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
