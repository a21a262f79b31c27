import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
}

/** Loads words and templates once per process. */
export async function loadProject(root: string = PROJECT_ROOT): Promise<ProjectResources> {
  const [bundle, sources] = await Promise.all([loadLocales(`${root}/locales`), loadTheme(`${root}/templates`)]);
  const localisation = createLocalisation(bundle);
  return { localisation, theme: new Theme(sources, localisation.lexicons) };
}
