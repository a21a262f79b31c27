import i18next, { type TFunction } from 'i18next';
import { LANGUAGES, type Lang, type Language } from './languages';

/** Namespaces in `locales/<tag>/<namespace>.json`. */
export type LocaleResources = Record<string, Record<string, unknown>>;
export type LocaleBundle = Record<Language['tag'], LocaleResources>;

export class MissingTranslationError extends Error {
  override name = 'MissingTranslationError';
}

/**
 * One language's words: every user-visible string comes through `t`.
 * A missing key throws instead of printing the key, so a gap in `locales/` cannot ship.
 */
export interface Lexicon {
  readonly lang: Lang;
  readonly tag: Language['tag'];
  t(key: string, vars?: Record<string, unknown>): string;
  has(key: string): boolean;
  /** The raw resource tree of one namespace (e.g. to list glossary keys). */
  namespace(ns: string): Record<string, unknown>;
}

export type Lexicons = Record<Lang, Lexicon>;

export function createLexicons(bundle: LocaleBundle): Lexicons {
  const instance = i18next.createInstance();
  const namespaces = [...new Set(Object.values(bundle).flatMap((r) => Object.keys(r)))];
  instance.init({
    initAsync: false,
    resources: bundle,
    ns: namespaces,
    defaultNS: 'ui',
    fallbackLng: false,
    supportedLngs: LANGUAGES.map((l) => l.tag),
    interpolation: { escapeValue: false }, // templates escape their output; escaping twice would show &amp;
    returnNull: false,
    appendNamespaceToMissingKey: true,
    parseMissingKeyHandler: (key: string) => {
      throw new MissingTranslationError(`missing translation: ${key}`);
    },
  });
  const entries = LANGUAGES.map((language) => [language.code, lexiconFor(instance.getFixedT(language.tag), language, bundle)]);
  return Object.fromEntries(entries) as Lexicons;
}

function lexiconFor(t: TFunction, language: Language, bundle: LocaleBundle): Lexicon {
  const plain = new Map<string, string>(); // most lookups carry no variables: answer those from memory
  const resources = bundle[language.tag] ?? {};
  return {
    lang: language.code,
    tag: language.tag,
    t(key, vars) {
      if (vars) return t(key, vars) as string;
      let hit = plain.get(key);
      if (hit === undefined) {
        hit = t(key) as string;
        plain.set(key, hit);
      }
      return hit;
    },
    has(key) {
      return lookup(resources, key) !== undefined;
    },
    namespace(ns) {
      return (resources[ns] ?? {}) as Record<string, unknown>;
    },
  };
}

function lookup(resources: LocaleResources, key: string): unknown {
  const [ns, path] = key.includes(':') ? (key.split(':', 2) as [string, string]) : ['ui', key];
  let node: unknown = resources[ns];
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
