import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaceKeys } from '../../lambdas/core/i18n/glossary';
import { LANGUAGES } from '../../lambdas/core/i18n/languages';
import { TERM_READINGS_FILE } from '../../lambdas/core/i18n/termReadings';
import { readingsOf } from '../../bin/pinyin';
import { createLexicons } from '../../lambdas/core/i18n/lexicon';
import { metricAliases, normalise } from '../../lambdas/core/extract/metrics';
import { metricTopics, topicOfMetric } from '../../lambdas/core/model/metricTopics';
import { chineseVocabulary } from '../../lambdas/core/quantity/parseChinese';
import { PROJECT_ROOT, projectLexicons } from '../helpers/lexicons';

/**
 * `numbers` describes each language's own number system (English has million/billion,
 * Chinese 万/亿): its keys differ by design. Every other namespace is shared word for word.
 */
const LANGUAGE_SPECIFIC = new Set(['numbers']);

const localesDir = join(PROJECT_ROOT, 'locales');
const read = (tag: string, ns: string) => JSON.parse(readFileSync(join(localesDir, tag, `${ns}.json`), 'utf8')) as Record<string, unknown>;
const namespaces = (tag: string) =>
  readdirSync(join(localesDir, tag))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();

/** Every leaf string by its dotted path. */
function leafValues(tree: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out[path] = value;
    else if (value && typeof value === 'object') Object.assign(out, leafValues(value as Record<string, unknown>, path));
  }
  return out;
}

/** Every leaf key as a dotted path, plural suffixes folded (`person_one` → `person`). */
function leafKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  const folded = namespaceKeys(tree);
  return folded.flatMap((key) => {
    const value = tree[key] ?? tree[`${key}_other`];
    return value !== null && typeof value === 'object' ? leafKeys(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`];
  });
}

describe('locales', () => {
  const [first, ...others] = LANGUAGES;

  it('every language has the same namespaces', () => {
    for (const other of others) expect(namespaces(other.tag)).toEqual(namespaces(first.tag));
  });

  describe.each(namespaces(first.tag).filter((ns) => !LANGUAGE_SPECIFIC.has(ns)))('namespace %s', (ns) => {
    it('has every key in every language', () => {
      const keys = Object.fromEntries(LANGUAGES.map(({ tag }) => [tag, leafKeys(read(tag, ns))]));
      for (const { tag } of LANGUAGES) {
        const missing = LANGUAGES.flatMap((l) => keys[l.tag] ?? []).filter((k) => !(keys[tag] ?? []).includes(k));
        expect([...new Set(missing)], `keys missing in locales/${tag}/${ns}.json`).toEqual([]);
      }
    });

    it('has no empty strings', () => {
      for (const { tag } of LANGUAGES) {
        const empty = leafKeys(read(tag, ns)).filter(
          (k) =>
            k.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)?.[p] ?? (n as Record<string, unknown>)?.[`${p}_other`], read(tag, ns)) === '',
        );
        expect(empty, `empty strings in locales/${tag}/${ns}.json`).toEqual([]);
      }
    });
  });

  it('English metric names, their parts and units use typographic apostrophes and quotes, never typewriter ones', () => {
    for (const ns of ['metrics', 'metricParts', 'units']) {
      for (const [key, words] of Object.entries(leafValues(read('en', ns)))) expect(words, `${ns}.${key}`).not.toMatch(/['"]/);
    }
  });

  it('each language states how it writes big numbers', () => {
    for (const { tag } of LANGUAGES) {
      const numbers = read(tag, 'numbers') as { scaling?: string; scales?: Record<string, string> };
      expect(['magnitude', 'as-written']).toContain(numbers.scaling);
      for (const pattern of Object.values(numbers.scales ?? {})) expect(pattern).toContain('{{n}}');
    }
  });

  it('every unit pattern places the number (or a figure derived from it)', () => {
    for (const { tag } of LANGUAGES) {
      for (const [key, pattern] of Object.entries(read(tag, 'units'))) expect(pattern, `${tag} units:${key}`).toMatch(/\{\{(n|percent)\}\}/);
    }
  });

  it('names how a Chinese unit word shared by several units is read', async () => {
    expect(() => chineseVocabulary(createLexicons({ en: {}, 'zh-CN': { units: { a: '{{n}}家', b: '{{n}}家' } } }).zh)).toThrow(
      /"家" is the Chinese word of a, b/,
    );
    const vocabulary = chineseVocabulary((await projectLexicons()).zh);
    expect(vocabulary.units.find(([word]) => word === '家')?.[1]).toBe('company');
  });

  it('a missing key throws instead of printing the key', async () => {
    const lexicons = await projectLexicons();
    expect(() => lexicons.en.t('ui:no.such.key')).toThrow(/missing translation: ui:no.such.key/);
    const partial = createLexicons({ en: { ui: { only: 'en' } }, 'zh-CN': { ui: {} } });
    expect(partial.en.t('ui:only')).toBe('en');
    expect(() => partial.zh.t('ui:only')).toThrow(/missing translation/);
  });

  it('every glossary term carries the pinyin pinyin-pro reads for it (regenerate with npm run -s pinyin)', () => {
    const file = JSON.parse(readFileSync(join(PROJECT_ROOT, TERM_READINGS_FILE), 'utf8'));
    expect(file).toEqual(readingsOf(read('zh-CN', 'terms') as Record<string, { term: string }>));
    expect(file.sancheng_sandu).toBe('sān chéng sān dū'); // a polyphone pinyin-pro alone reads "dōu"
  });

  it('no two peer groups share a Chinese word (the rank parser reads a group from its word)', () => {
    const words = Object.values(read('zh-CN', 'peers'));
    expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
    expect(words).toContain('全国');
  });

  describe('metrics', () => {
    const metrics = Object.fromEntries(LANGUAGES.map(({ tag }) => [tag, read(tag, 'metrics') as Record<string, string>]));
    const keys = Object.keys(metrics.en ?? {}).sort();
    const topics = read('en', 'topics');

    it('each has a name in every language and a topic that exists (locales/metrics.topics.json)', () => {
      for (const { tag } of LANGUAGES) expect(Object.keys(metrics[tag] ?? {}).sort(), tag).toEqual(keys);
      expect(Object.keys(metricTopics()).sort()).toEqual(keys);
      for (const key of keys) expect(Object.keys(topics), `${key}: topic "${topicOfMetric(key)}"`).toContain(topicOfMetric(key));
      expect(topicOfMetric('gdp')).toBe('economy');
      expect(topicOfMetric('no_such_metric')).toBeUndefined();
    });

    it('no English name carries a measure word in brackets or counts person-times', () => {
      const bracketed =
        /\((?:[^)]*\b(?:size|number|frequency|count|share|balance|value|area|volume|amount|cumulative|total|each|households?|units?|items?|scale|completion rate|coverage rate)\b[^)]*)\)/i;
      const wrong = keys.filter((key) => bracketed.test(metrics.en?.[key] ?? '') || /person-times?/i.test(metrics.en?.[key] ?? ''));
      expect(wrong.map((key) => `${key}: ${metrics.en?.[key]}`)).toEqual([]);
      expect(bracketed.test('Bonded maintenance (size)')).toBe(true);
      expect(bracketed.test('Consumer prices (CPI)')).toBe(false);
      const units = Object.entries(read('en', 'units') as Record<string, string>);
      expect(units.filter(([, text]) => /person-times?|housing units?/i.test(text))).toEqual([]);
    });

    it('no two metrics share an English or a Chinese name', () => {
      for (const { tag } of LANGUAGES) {
        const seen = new Map<string, string>();
        for (const key of keys) {
          const name = metrics[tag]?.[key] ?? '';
          expect(seen.get(name), `${tag}: "${name}" names ${seen.get(name)} and ${key}`).toBeUndefined();
          seen.set(name, key);
        }
      }
    });

    it('no Chinese phrase, name or alias, names two metrics (the extractor could not tell them apart)', () => {
      const owners = new Map<string, Set<string>>();
      const claim = (phrase: string, key: string) => owners.set(normalise(phrase), (owners.get(normalise(phrase)) ?? new Set()).add(key));
      for (const key of keys) claim(metrics['zh-CN']?.[key] ?? '', key);
      for (const [key, phrases] of Object.entries(metricAliases())) for (const phrase of phrases) claim(phrase, key);
      expect([...owners].filter(([, ks]) => ks.size > 1).map(([phrase, ks]) => `${phrase}: ${[...ks].join(', ')}`)).toEqual([]);
    });
  });
});
