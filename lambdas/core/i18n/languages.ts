/** The site's languages as data: URL segment, BCP 47 tag (html `lang`, `hreflang`, i18next, `locales/` folder). */
export const LANGUAGES = [
  { code: 'zh', tag: 'zh-CN' },
  { code: 'en', tag: 'en' },
] as const;

export type Lang = (typeof LANGUAGES)[number]['code'];
export type LangTag = (typeof LANGUAGES)[number]['tag'];
export type Language = (typeof LANGUAGES)[number];

export const LANG_CODES: readonly Lang[] = LANGUAGES.map((l) => l.code);

export function languageOf(code: Lang): Language {
  const found = LANGUAGES.find((l) => l.code === code);
  if (!found) throw new Error(`unknown language code: ${code}`);
  return found;
}

export function isLang(value: string): value is Lang {
  return (LANG_CODES as readonly string[]).includes(value);
}

/** A pair of texts, one per language, as the data contract writes them (`{zh, en}`). */
export type Bilingual<T = string> = Record<Lang, T>;
