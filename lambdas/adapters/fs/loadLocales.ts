import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { LocaleBundle, LocaleResources } from '../../core/i18n/lexicon';
import { LANGUAGES } from '../../core/i18n/languages';

/** Reads `locales/<tag>/<namespace>.json` for every site language. */
export async function loadLocales(dir: string): Promise<LocaleBundle> {
  const bundle = {} as LocaleBundle;
  for (const { tag } of LANGUAGES) {
    const resources: LocaleResources = {};
    const files = (await readdir(join(dir, tag))).filter((f) => f.endsWith('.json')).sort();
    for (const file of files) {
      const path = join(dir, tag, file);
      try {
        resources[file.slice(0, -'.json'.length)] = JSON.parse(await readFile(path, 'utf8'));
      } catch (error) {
        throw new Error(`cannot read locale file ${path}: ${(error as Error).message}`, { cause: error });
      }
    }
    bundle[tag] = resources;
  }
  return bundle;
}
