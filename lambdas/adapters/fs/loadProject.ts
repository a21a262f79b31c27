import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLocalisation, type Localisation } from '../../core/i18n/localisation';
import { Theme } from '../../core/render/theme';
import { loadLocales } from './loadLocales';
import { loadTheme } from './loadTheme';

/**
 * The folder holding `locales/` and `templates/`: the nearest one above this module, which works
 * from the sources (tsx), from a bundle in `dist/`, and from a Lambda package that ships them beside it.
 */
export function findProjectRoot(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'locales')) && existsSync(join(dir, 'templates'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no locales/ and templates/ folders above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot();

export interface ProjectResources {
  readonly localisation: Localisation;
  readonly theme: Theme;
  /** Hash of everything besides the data that output depends on: code, templates, locales. */
  readonly signature: string;
}

/** Loads words and templates once per process. */
export async function loadProject(root: string = PROJECT_ROOT): Promise<ProjectResources> {
  const [bundle, sources, code] = await Promise.all([loadLocales(`${root}/locales`), loadTheme(`${root}/templates`), codeFingerprint(root)]);
  const localisation = createLocalisation(bundle);
  const signature = createHash('sha256').update(code).update(JSON.stringify(bundle)).update(JSON.stringify(sources)).digest('hex');
  return { localisation, theme: new Theme(sources, localisation.lexicons), signature };
}

/**
 * What the running code is: a bundle (the CLI in dist/, the Lambda package) hashes its own files (the
 * entry and any chunks it loads on demand); run from sources, every module under lambdas/ and the lock
 * file. A code change then re-renders everything.
 */
async function codeFingerprint(root: string): Promise<string> {
  const self = fileURLToPath(import.meta.url);
  const hash = createHash('sha256');
  if (!self.endsWith('.ts')) {
    const here = dirname(self);
    const bundle = basename(here) === CHUNKS ? dirname(here) : here;
    const files = (await readdir(bundle, { recursive: true })).filter((f) => /\.m?js$/.test(f) && (!f.includes('/') || f.startsWith(`${CHUNKS}/`))).sort();
    for (const file of files) hash.update(file).update(await readFile(join(bundle, file)));
    return hash.digest('hex');
  }
  const files = (await readdir(join(root, 'lambdas'), { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
  for (const file of files) hash.update(file).update(await readFile(join(root, 'lambdas', file)));
  return hash.update(await readFile(join(root, 'package-lock.json')).catch(() => '')).digest('hex');
}

/** Where a split bundle keeps the modules it loads on demand (see the `bundle` script). */
const CHUNKS = 'chunks';
