import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SiteStore } from '../../core/ports';
import { isSitePath } from '../../core/publish/sitePath';
import type { SiteFile } from '../../core/render/outputFormats';

/**
 * A site folder. A local folder is a build target, not a live site: S3 is where readers are.
 * Writes are synchronous: a small file is written faster in place than handed to the thread pool
 * and awaited (about a third of the CPU time for a site's 11,000 files).
 */
export class FsSiteStore implements SiteStore {
  readonly description: string;
  private readonly folders = new FolderMaker();

  constructor(private readonly dir: string) {
    this.description = dir;
  }

  async put(file: SiteFile): Promise<void> {
    await this.folders.write(this.inside(file.path), file.body);
  }

  async delete(path: string): Promise<void> {
    await rm(this.inside(path), { force: true });
    for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
      try {
        await rmdir(join(this.dir, dir));
        this.folders.forget(join(this.dir, dir));
      } catch {
        return; // not empty (or gone): stop climbing
      }
    }
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    return readFile(this.inside(path)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
  }

  /** The file a site path names, never one outside the folder (the planner refuses such paths first). */
  private inside(path: string): string {
    if (!isSitePath(path)) throw new Error(`${JSON.stringify(path)} is not a path inside the site`);
    return join(this.dir, path);
  }
}

/** Writes files, creating each folder once. */
export class FolderMaker {
  private readonly made = new Set<string>();

  async write(target: string, body: string | Uint8Array): Promise<void> {
    this.ensureSync(dirname(target));
    writeFileSync(target, body);
  }

  async ensure(folder: string): Promise<void> {
    this.ensureSync(folder);
  }

  forget(folder: string): void {
    this.made.delete(folder);
  }

  /** Top down, one mkdir per folder (a recursive mkdir tries the deepest first, and again after each parent). */
  private ensureSync(folder: string): void {
    if (this.made.has(folder)) return;
    const parent = dirname(folder);
    if (parent !== folder) this.ensureSync(parent);
    try {
      mkdirSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    this.made.add(folder);
  }
}
