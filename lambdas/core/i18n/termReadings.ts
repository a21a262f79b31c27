/**
 * The pinyin of every glossary term, written once by pinyin-pro into `locales/terms.pinyin.json`
 * (`npm run -s pinyin`) rather than computed on every build: the publisher then ships without
 * pinyin-pro's dictionary (about 450 KB of bundle and 120 ms of cold start). A test checks that the
 * file holds exactly what pinyin-pro reads for the terms in `locales/zh-CN/terms.json`.
 */
import readingsFile from '../../../locales/terms.pinyin.json' with { type: 'json' };

export const TERM_READINGS_FILE = 'locales/terms.pinyin.json';

const readings: Readonly<Record<string, string>> = readingsFile;

/** The Hanyu Pinyin of a glossary term (by its key), or undefined when the file lacks it. */
export function termReading(key: string): string | undefined {
  return Object.hasOwn(readings, key) ? readings[key] : undefined;
}
