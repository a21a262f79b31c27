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

/**
 * i18next decides *which* string answers a key (namespace, plural and ordinal forms, missing keys);
 * this wrapper remembers that decision per plural category and fills `{{variables}}` itself.
 * A page needs hundreds of lookups and i18next's per-call option handling dominated build time.
 */
function lexiconFor(t: TFunction, language: Language, bundle: LocaleBundle): Lexicon {
  const templates = new Map<string, Template>();
  const plain = new Map<string, Template>();
  const cardinal = new Intl.PluralRules(language.tag);
  const ordinal = new Intl.PluralRules(language.tag, { type: 'ordinal' });
  const resources = bundle[language.tag] ?? {};
  return {
    lang: language.code,
    tag: language.tag,
    t(key, vars) {
      const count = vars?.count;
      // Most lookups carry no count: one map hit on the key itself, no plural rules, no cache-key string.
      if (typeof count !== 'number') {
        let template = plain.get(key);
        if (template === undefined) {
          template = compile(t(key, { skipInterpolation: true }) as string);
          plain.set(key, template);
        }
        return typeof template === 'string' ? template : fill(template, vars ?? NO_VARS, key);
      }
      const isOrdinal = vars?.ordinal === true;
      const form = typeof count === 'number' ? `${count === 0 ? 'zero:' : ''}${(isOrdinal ? ordinal : cardinal).select(count)}` : '';
      const cacheKey = `${key}|${isOrdinal ? 'o' : ''}${form}`;
      let template = templates.get(cacheKey);
      if (template === undefined) {
        template = compile(t(key, { ...(typeof count === 'number' && { count, ordinal: isOrdinal }), skipInterpolation: true }) as string);
        templates.set(cacheKey, template);
      }
      return typeof template === 'string' ? template : fill(template, vars ?? {}, key);
    },
    namespace(ns) {
      return (resources[ns] ?? {}) as Record<string, unknown>;
    },
  };
}

/** A string with `{{variables}}`, split once: literals at even indexes, variable names at odd ones. */
type Template = string | readonly string[];

const NO_VARS: Record<string, unknown> = Object.freeze({});

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/;

function compile(text: string): Template {
  const parts = text.split(VARIABLE);
  return parts.length === 1 ? text : parts;
}

function fill(parts: readonly string[], vars: Record<string, unknown>, key: string): string {
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 2) {
    const value = vars[parts[i] as string];
    if (value === undefined || value === null) throw new MissingTranslationError(`${key}: no value for {{${parts[i]}}}`);
    out += String(value) + (parts[i + 1] ?? '');
  }
  return out;
}
