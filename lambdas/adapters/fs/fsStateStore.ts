import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EMPTY_MANIFEST, type Manifest, parseManifest, serialiseManifest } from '../../core/publish/manifest';
import type { StateStore } from '../../core/ports';
import { FolderMaker } from './fsSiteStore';

/** Inside the site folder but a dot-folder, which static servers (and `briefings preview`) do not serve. */
export const FS_STATE_DIR = '.briefings-state';

/** Publish state in a folder: `manifest.json` and `last-good/<id>.json`. */
export class FsStateStore implements StateStore {
  readonly description: string;
  private readonly folders = new FolderMaker();

  constructor(private readonly dir: string) {
    this.description = `${dir}/`;
  }

  async readManifest(): Promise<Manifest> {
    const text = await readOptional(join(this.dir, 'manifest.json'));
    return text === undefined ? EMPTY_MANIFEST : parseManifest(text, join(this.dir, 'manifest.json'));
  }

  async writeManifest(manifest: Manifest): Promise<void> {
    await this.folders.write(join(this.dir, 'manifest.json'), serialiseManifest(manifest));
  }

  readLastGood(id: string): Promise<string | undefined> {
    return readOptional(join(this.dir, 'last-good', `${id}.json`));
  }

  async writeLastGood(id: string, text: string): Promise<void> {
    await this.folders.write(join(this.dir, 'last-good', `${id}.json`), text);
  }

  async deleteLastGood(id: string): Promise<void> {
    await rm(join(this.dir, 'last-good', `${id}.json`), { force: true });
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
