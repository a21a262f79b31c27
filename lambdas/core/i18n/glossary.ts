import type { Lexicons } from './lexicon';
import { LANG_CODES } from './languages';

/** Data fields whose values are glossary keys, and the `locales/` namespace that defines them. */
export const GLOSSARY_NAMESPACES = {
  metric: 'metrics',
  topic: 'topics',
  region: 'regions',
  kind: 'kinds',
  peers: 'peers',
  unit: 'units',
} as const;

export type GlossaryField = keyof typeof GLOSSARY_NAMESPACES;

const PLURAL_SUFFIX = /_(?:ordinal_)?(?:zero|one|two|few|many|other)$/;

/** The keys a namespace defines, with i18next plural suffixes folded (`person_one` → `person`). */
export function namespaceKeys(resources: Record<string, unknown>): string[] {
  return [...new Set(Object.keys(resources).map((k) => k.replace(PLURAL_SUFFIX, '')))].sort();
}

/** The glossary: a key counts only when every language defines it. */
export class Glossary {
  private readonly keys: Record<GlossaryField, ReadonlySet<string>>;

  constructor(lexicons: Lexicons) {
    const entries = Object.entries(GLOSSARY_NAMESPACES).map(([field, ns]) => {
      const perLanguage = LANG_CODES.map((lang) => new Set(namespaceKeys(lexicons[lang].namespace(ns))));
      const [first = new Set<string>(), ...rest] = perLanguage;
      return [field, new Set([...first].filter((k) => rest.every((set) => set.has(k))))];
    });
    this.keys = Object.fromEntries(entries) as Record<GlossaryField, ReadonlySet<string>>;
  }

  has(field: GlossaryField, key: string): boolean {
    return this.keys[field].has(key);
  }

  list(field: GlossaryField): string[] {
    return [...this.keys[field]].sort();
  }

  /** The closest known key, for "did you mean" hints. */
  suggest(field: GlossaryField, key: string): string | undefined {
    let best: { key: string; distance: number } | undefined;
    for (const candidate of this.keys[field]) {
      const distance = editDistance(key, candidate);
      if (distance <= Math.max(2, key.length / 3) && (!best || distance < best.distance)) best = { key: candidate, distance };
    }
    return best?.key;
  }
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
