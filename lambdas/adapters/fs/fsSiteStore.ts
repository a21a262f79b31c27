import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EMPTY_MANIFEST, type Manifest, parseManifest, serialiseManifest } from '../../core/publish/manifest';
import type { SiteStore } from '../../core/ports';
import type { OutputFile } from '../../core/render/outputFormats';

/** The manifest sits beside the site it describes; a static server should not list dot-files. */
export const FS_MANIFEST = '.briefings-manifest.json';

/**
 * A site folder. Writes are synchronous: on a 2-core machine, thousands of small promise-based
 * writes cost more in scheduling than the disk work itself (Eleventy made the same choice).
 * A local folder is a build target, not a live site: S3 is where readers are.
 */
export class FsSiteStore implements SiteStore {
  readonly description: string;
  private readonly madeDirs = new Set<string>();

  constructor(private readonly dir: string) {
    this.description = dir;
  }

  async readManifest(): Promise<Manifest> {
    const path = join(this.dir, FS_MANIFEST);
    try {
      return parseManifest(await readFile(path, 'utf8'), path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_MANIFEST;
      throw error;
    }
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    await this.write(FS_MANIFEST, serialiseManifest(manifest));
  }

  async put(file: OutputFile): Promise<void> {
    await this.write(file.path, file.body);
  }

  async delete(path: string): Promise<void> {
    await rm(join(this.dir, path), { force: true });
    await this.pruneEmptyDirs(dirname(path));
  }

  private async write(path: string, body: string): Promise<void> {
    const target = join(this.dir, path);
    const folder = dirname(target);
    if (!this.madeDirs.has(folder)) {
      mkdirSync(folder, { recursive: true });
      this.madeDirs.add(folder);
    }
    writeFileSync(target, body);
  }

  private async pruneEmptyDirs(relativeDir: string): Promise<void> {
    for (let dir = relativeDir; dir !== '.' && dir !== ''; dir = dirname(dir)) {
      try {
        await rmdir(join(this.dir, dir));
        this.madeDirs.delete(join(this.dir, dir));
      } catch {
        return; // not empty (or gone): stop climbing
      }
    }
  }
}
