import { createHash, randomUUID } from 'node:crypto';
import { readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConditionalStateStore } from '../../core/publish/conditionalStateStore';
import type { ConditionalObjects } from '../../core/publish/lease';
import { FolderMaker } from './fsSiteStore';

/** Inside the site folder but a dot-folder, which static servers (and `briefings preview`) do not serve. */
export const FS_STATE_DIR = '.briefings-state';

/** Publish state in a folder: `manifest.json`, `lease.json` and `last-good/<id>.json`. */
export class FsStateStore extends ConditionalStateStore {
  private readonly folders: FolderMaker;

  constructor(private readonly dir: string) {
    const folders = new FolderMaker();
    super(`${dir}/`, new FsConditionalObjects(dir, folders));
    this.folders = folders;
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

/**
 * Compare-and-swap on local files, the version being the content's hash: create with O_EXCL (atomic
 * between processes), replace by writing a temporary file and renaming it over the one whose hash was
 * checked (the check and the rename are two steps: the lease, not this, keeps writers apart).
 */
class FsConditionalObjects implements ConditionalObjects {
  constructor(
    private readonly dir: string,
    private readonly folders: FolderMaker,
  ) {}

  async read(name: string) {
    const text = await readOptional(join(this.dir, name));
    return text === undefined ? undefined : { text, version: hash(text) };
  }

  async create(name: string, text: string) {
    await this.folders.ensure(this.dir);
    try {
      await writeFile(join(this.dir, name), text, { flag: 'wx' });
      return hash(text);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      throw error;
    }
  }

  async replace(name: string, text: string, version: string) {
    if ((await this.read(name))?.version !== version) return undefined;
    const temporary = join(this.dir, `.${name}.${randomUUID()}`);
    await writeFile(temporary, text);
    await rename(temporary, join(this.dir, name));
    return hash(text);
  }

  async remove(name: string, version: string) {
    if ((await this.read(name))?.version === version) await unlink(join(this.dir, name)).catch(() => undefined);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
