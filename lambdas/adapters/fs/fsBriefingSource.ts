import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BriefingSource } from '../../core/ports';

/** A data folder: `briefings/<id>.json` documents and `sources/<file>` report texts. */
export class FsBriefingSource implements BriefingSource {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = dir.endsWith('/') ? dir : `${dir}/`;
  }

  async listBriefings(): Promise<string[]> {
    const names = await readdir(join(this.dir, 'briefings'));
    return names.filter((n) => n.endsWith('.json')).sort().map((n) => `briefings/${n}`);
  }

  read(key: string): Promise<string> {
    return readFile(join(this.dir, key), 'utf8');
  }

  async readSourceText(file: string): Promise<string | undefined> {
    try {
      return await readFile(join(this.dir, 'sources', file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }
}
