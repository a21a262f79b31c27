/**
 * `npm run -s pinyin`: writes locales/terms.pinyin.json, the pinyin of each glossary term as
 * pinyin-pro reads it (with the project's corrections in lambdas/core/i18n/pinyin.ts). Run it after
 * adding or renaming a term in locales/zh-CN/terms.json; test/unit/locales.test.ts fails until then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROJECT_ROOT } from '../lambdas/adapters/fs/loadProject';
import { toPinyin } from '../lambdas/core/i18n/pinyin';
import { TERM_READINGS_FILE } from '../lambdas/core/i18n/termReadings';

export function readingsOf(terms: Readonly<Record<string, { term: string }>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(terms)
      .sort()
      .map((key) => [key, toPinyin(terms[key]?.term ?? '')]),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const terms = JSON.parse(readFileSync(join(PROJECT_ROOT, 'locales/zh-CN/terms.json'), 'utf8'));
  writeFileSync(join(PROJECT_ROOT, TERM_READINGS_FILE), `${JSON.stringify(readingsOf(terms), null, 2)}\n`);
}
