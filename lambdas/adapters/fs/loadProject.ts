import { fileURLToPath } from 'node:url';
import { createLocalisation, type Localisation } from '../../core/i18n/localisation';
import { Theme } from '../../core/render/theme';
import { loadLocales } from './loadLocales';
import { loadTheme } from './loadTheme';

/** The project folder (holding `locales/` and `templates/`), found from this module's own location. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

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
