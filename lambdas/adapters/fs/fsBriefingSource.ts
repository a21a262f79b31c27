import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BriefingSource } from '../../core/ports';
import { readTextFile } from './readTextFile';

/** A data folder: `briefings/<id>.json` documents and `sources/<file>` report texts. */
export class FsBriefingSource implements BriefingSource {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = dir.endsWith('/') ? dir : `${dir}/`;
  }

  async listBriefings(): Promise<string[]> {
    const names = await readdir(join(this.dir, 'briefings'));
    return names
      .filter((n) => n.endsWith('.json'))
      .sort()
      .map((n) => `briefings/${n}`);
  }

  /** Regular UTF-8 files only: see readTextFile. */
  async read(key: string): Promise<string> {
    const text = await readTextFile(join(this.dir, key));
    if (text === undefined) throw new Error('no such file (deleted while building?)');
    return text;
  }

  readSourceText(file: string): Promise<string | undefined> {
    return readTextFile(join(this.dir, 'sources', file));
  }
}
