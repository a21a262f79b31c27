/**
 * Characters that XML 1.0 forbids and HTML treats as parse errors: C0 controls other than
 * tab/LF/CR, DEL and C1 controls, U+FFFE/U+FFFF and unpaired surrogates.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface Cleaned<T> {
  readonly value: T;
  /** Paths (as segments) of strings that lost characters. */
  readonly changed: ReadonlyArray<ReadonlyArray<PropertyKey>>;
}

/** Removes forbidden characters from every string in a JSON value, reporting where. */
export function cleanText<T>(value: T): Cleaned<T> {
  const changed: PropertyKey[][] = [];
  const walk = (node: unknown, path: PropertyKey[]): unknown => {
    if (typeof node === 'string') {
      const clean = node.replace(FORBIDDEN, '');
      if (clean !== node) changed.push(path);
      return clean;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return node;
  };
  return { value: walk(value, []) as T, changed };
}

/**
 * Whether a JSON text could hold a forbidden character, raw or escaped (`\u0007`). When it cannot,
 * the walk over every string is skipped: most documents are clean.
 */
export function mayNeedCleaning(jsonText: string): boolean {
  return /[\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]|\\u(?:00[01]|007[fF]|00[89]|[dD][89a-fA-F]|[fF]{3}[eEfF])/.test(jsonText);
}
