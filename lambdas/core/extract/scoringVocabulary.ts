import type { Localisation } from '../i18n/localisation';
import { chineseVocabulary, readUnit } from '../quantity/parseChinese';
import { metricAliases, normalise, phrasesOf } from './metrics';
import type { ScoringVocabulary } from './score';
import { scanVocabulary } from './scan';

/** Scoring's view of the glossary: Chinese metric names and aliases → keys, unit words → unit keys. */
export function scoringVocabulary(localisation: Localisation, aliases: Record<string, readonly string[]> = metricAliases()): ScoringVocabulary {
  const byName = new Map<string, string>();
  const byKey = new Map<string, string[]>();
  const named = (key: string, name: string) => byKey.set(key, [...(byKey.get(key) ?? []), name]);
  const names = localisation.lexicons.zh.namespace('metrics') as Record<string, unknown>;
  const form = (name: string) => normalise(name).replace(/[“”‘’"'《》()（）的]/g, '');
  for (const key of localisation.glossary.list('metric')) {
    const name = names[key];
    if (typeof name === 'string') {
      byName.set(form(name), key);
      named(key, name);
    }
  }
  // A name's other wordings (`交通领域投资额`, `农牧区…`) and the aliases after names: a glossary name wins over
  // another metric's wording or alias.
  for (const key of localisation.glossary.list('metric')) {
    const name = names[key];
    if (typeof name !== 'string') continue;
    for (const phrase of phrasesOf(normalise(name), (aliases[key] ?? []).map(normalise))) {
      if (!byName.has(form(phrase))) byName.set(form(phrase), key);
      if (phrase !== normalise(name)) named(key, phrase);
    }
  }
  const units = scanVocabulary(chineseVocabulary(localisation.lexicons.zh));
  return {
    metricKey: (zh) => byName.get(form(zh)),
    namesOf: (key) => byKey.get(key) ?? [],
    unitOf: (word) => {
      const read = word === '' ? undefined : readUnit(word, 0, units);
      return read && read.length === word.length ? read.unit.key : undefined;
    },
  };
}
