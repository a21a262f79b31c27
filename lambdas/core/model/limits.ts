/**
 * How big a briefing document may be. Real ones are a few kilobytes, a few levels deep; the limits
 * are far above that and far below what would slow or crash a run (a 60 MB note, 100,000 nested arrays).
 */
export const LIMITS = {
  /** A whole document's text, in UTF-16 code units (about the bytes of a UTF-8 file of Chinese text / 1.5). */
  documentChars: 4 * 1024 * 1024,
  /** Objects and arrays inside each other. */
  depth: 32,
  /** One string (a summary, a note, a quote). */
  stringChars: 100_000,
  /** Bytes of one data or source file read from a folder or a bucket. */
  fileBytes: 16 * 1024 * 1024,
  /** A stated figure after its multiplier: above any amount a report states, below where floats lose integers' meaning. */
  magnitude: 1e18,
} as const;

/**
 * The nesting depth of a JSON text, counted without parsing it (so no recursion): `[[1]]` → 2.
 * Returns the offset where `limit` is first exceeded, or -1.
 */
export function depthExceededAt(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/** An input refused unread because of its size. */
export class TooLargeError extends Error {
  override name = 'TooLargeError';
}
