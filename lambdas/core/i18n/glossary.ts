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

/** Optimal string alignment distance: edits, counting a swap of neighbours ("gpd" → "gdp") as one. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const up = d[i - 1] as number[];
      row[j] = Math.min((up[j] as number) + 1, (row[j - 1] as number) + 1, (up[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}
