/** GB18030 bytes for `text`, from the decoder's own table (no encoder in Node). */
export function gb18030(text: string): Uint8Array {
  const wanted = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe && table.size < wanted.size; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([a, b]));
      if (wanted.has(c) && !table.has(c)) table.set(c, [a, b]);
    }
  }
  return Uint8Array.from([...text].flatMap((c) => (c.charCodeAt(0) <= 0x7f ? [c.charCodeAt(0)] : (table.get(c) ?? []))));
}
