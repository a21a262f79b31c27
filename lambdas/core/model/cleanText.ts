/**
 * Characters that XML 1.0 forbids and HTML treats as parse errors: C0 controls other than
 * tab/LF/CR, DEL and C1 controls, U+FFFE/U+FFFF and unpaired surrogates.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Numeric character references (`&#1;`, `&#x0B;`): markdown turns them into the characters they name. */
const CHARACTER_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?/g;

export interface Cleaned<T> {
  readonly value: T;
  /** Paths (as segments) of strings that lost characters. */
  readonly changed: ReadonlyArray<ReadonlyArray<PropertyKey>>;
}

/** A string without the raw characters HTML and XML cannot carry. */
export function removeForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

/** A string without the characters HTML and XML cannot carry, written raw or as a character reference. */
export function cleanString(text: string): string {
  return removeForbidden(text).replace(CHARACTER_REFERENCE, (reference, hex: string | undefined, dec: string | undefined) => {
    const code = hex !== undefined ? Number.parseInt(hex, 16) : Number(dec);
    return isCarriable(code) ? reference : '';
  });
}

function isCarriable(code: number): boolean {
  if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return false;
  return !new RegExp(FORBIDDEN.source).test(String.fromCodePoint(code));
}

/**
 * Removes forbidden characters (raw or as references) from every string in a JSON value, reporting
 * where, and writes `-0` as `0`. Recursive: documents are limited in depth before they are parsed.
 */
export function cleanText<T>(value: T): Cleaned<T> {
  const changed: PropertyKey[][] = [];
  const clean = (node: unknown, path: PropertyKey[]): unknown => {
    if (typeof node === 'string') {
      const text = cleanString(node);
      if (text !== node) changed.push(path);
      return text;
    }
    if (Object.is(node, -0)) return 0;
    if (Array.isArray(node)) return node.map((item, i) => clean(item, [...path, i]));
    if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, clean(v, [...path, k])]));
    return node;
  };
  return { value: clean(value, []) as T, changed };
}

/**
 * Whether a JSON text could hold a forbidden character, raw, escaped (`\u0007`) or as a character
 * reference (`&#7;`), or a `-0`. When it cannot, the walk over every string is skipped: most documents are clean.
 */
export function mayNeedCleaning(jsonText: string): boolean {
  return /[\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]|\\u(?:00[01]|007[fF]|00[89]|[dD][89a-fA-F]|[fF]{3}[eEfF])|&#|-0(?:\.0+)?(?:[eE][+-]?\d+)?(?![\d.])/.test(
    jsonText,
  );
}
