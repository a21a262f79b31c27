/**
 * An object key as S3 event notifications write it (URL-encoded, `+` for a space) → the key;
 * `undefined` when the encoding is malformed (`%E0%A4%A`), which a real S3 event never sends.
 */
export function decodeEventKey(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** At most `limit` items for a log entry, then how many more: one log line stays readable for 10,000 triggers. */
export function summarise(items: readonly string[], limit = 10): { count: number; first: string[]; more: number } {
  return { count: items.length, first: items.slice(0, limit), more: Math.max(0, items.length - limit) };
}
