import { createHash } from 'node:crypto';

/** This project's UUID namespace: ids derived from it never change when the base URL does. */
const NAMESPACE = 'b7a6f1c2-3d4e-5f60-8a9b-0c1d2e3f4a5b';
const NAMESPACE_BYTES = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');

/**
 * A name-based UUID (RFC 9562 version 5) as a URN: the same name always gives the same id,
 * so republishing never shows a feed reader an item twice.
 *
 *     stableId('briefing:en:chengdu-2026') → "urn:uuid:…" (always the same)
 */
export function stableId(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE_BYTES).update(name, 'utf8').digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
