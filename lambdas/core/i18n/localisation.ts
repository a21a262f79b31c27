import { QuantityFormatter } from '../quantity/format';
import { Glossary } from './glossary';
import { LANG_CODES, type Lang } from './languages';
import { createLexicons, type LocaleBundle, type Lexicons } from './lexicon';

/** Everything built from `locales/` once per process: words, glossary keys and number writers. */
export interface Localisation {
  readonly lexicons: Lexicons;
  readonly glossary: Glossary;
  readonly formatters: Readonly<Record<Lang, QuantityFormatter>>;
}

export function createLocalisation(bundle: LocaleBundle): Localisation {
  const lexicons = createLexicons(bundle);
  const formatters = Object.fromEntries(LANG_CODES.map((lang) => [lang, new QuantityFormatter(lexicons[lang])]));
  return { lexicons, glossary: new Glossary(lexicons), formatters: formatters as Record<Lang, QuantityFormatter> };
}
