import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * Readings pinyin-pro's phrase dictionary gets wrong in our glossary (polyphones it has no phrase
 * for): 三城三都 is "sān chéng sān dū" (capitals), not "dōu" (all).
 */
const READINGS: Readonly<Record<string, string>> = { 三都: 'sān dū' };
let ready = false;

/** Hanyu Pinyin with tone marks, syllables spaced: 副省级城市 → "fù shěng jí chéng shì". Latin letters pass through. */
export function toPinyin(text: string): string {
  if (!ready) {
    customPinyin(READINGS);
    ready = true;
  }
  return pinyin(text, { toneType: 'symbol', nonZh: 'consecutive' }).replace(/\s+/g, ' ').trim();
}
