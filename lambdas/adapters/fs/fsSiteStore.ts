import { mkdirSync, writeFileSync } from 'node:fs';
import { rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SiteStore } from '../../core/ports';
import type { OutputFile } from '../../core/render/outputFormats';

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

  async put(file: OutputFile): Promise<void> {
    writeFileMakingDirs(join(this.dir, file.path), file.body, this.madeDirs);
  }

  async delete(path: string): Promise<void> {
    await rm(join(this.dir, path), { force: true });
    for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) {
      try {
        await rmdir(join(this.dir, dir));
        this.madeDirs.delete(join(this.dir, dir));
      } catch {
        return; // not empty (or gone): stop climbing
      }
    }
  }
}

export function writeFileMakingDirs(target: string, body: string, madeDirs: Set<string>): void {
  const folder = dirname(target);
  if (!madeDirs.has(folder)) {
    mkdirSync(folder, { recursive: true });
    madeDirs.add(folder);
  }
  writeFileSync(target, body);
}
