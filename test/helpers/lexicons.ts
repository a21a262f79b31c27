import { fileURLToPath } from 'node:url';
import { loadLocales } from '../../lambdas/adapters/fs/loadLocales';
import { createLocalisation, type Localisation } from '../../lambdas/core/i18n/localisation';
import type { Lexicons } from '../../lambdas/core/i18n/lexicon';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let cached: Promise<Localisation> | undefined;

/** The project's real `locales/`, loaded once per test file. */
export function projectLocalisation(): Promise<Localisation> {
  cached ??= loadLocales(`${PROJECT_ROOT}/locales`).then(createLocalisation);
  return cached;
}

export async function projectLexicons(): Promise<Lexicons> {
  return (await projectLocalisation()).lexicons;
}
