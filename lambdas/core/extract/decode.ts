/**
 * Report bytes → text. Chinese government text arrives as UTF-8 (with or without a BOM), as
 * UTF-16 with a BOM (Windows "Unicode" files) or as GB18030/GBK (older sites and Office exports).
 * Pure: the caller reads the file and names it in the error.
 */

export type ReportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedReport {
  readonly text: string;
  readonly encoding: ReportEncoding;
}

export class DecodeError extends Error {
  override name = 'DecodeError';
}

/** More control characters than this share of the text means the bytes were not text. */
const MAX_CONTROL_SHARE = 0.01;

export function decodeReport(bytes: Uint8Array): DecodedReport {
  if (bytes.length === 0) throw new DecodeError('the file is empty');
  const bom = byteOrderMark(bytes);
  if (bom) return checked(decode(bom.encoding, bytes.subarray(bom.length)), bom.encoding);

  // Text files hold no NUL bytes; UTF-16 without a BOM is not supported (it would need guessing).
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new DecodeError(`binary data, not a text report (a NUL byte at byte ${nul})`);

  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== undefined) return checked(utf8, 'utf-8');
  // Not UTF-8: GB18030 (a superset of GBK and GB2312) is what Chinese text is otherwise in.
  const gb = tryDecode('gb18030', bytes);
  if (gb !== undefined) return checked(gb, 'gb18030');
  throw new DecodeError('neither UTF-8 nor GB18030 text (binary data?)');
}

function byteOrderMark(bytes: Uint8Array): { encoding: ReportEncoding; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

function decode(encoding: ReportEncoding, bytes: Uint8Array): string {
  const text = tryDecode(encoding, bytes);
  if (text === undefined) throw new DecodeError(`not valid ${encoding.toUpperCase()} text after its byte order mark`);
  return text;
}

function tryDecode(encoding: ReportEncoding, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM keeps a stray inner BOM as text; fatal rejects invalid sequences instead of replacing them.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (error instanceof TypeError) return undefined;
    throw error;
  }
}

/** Valid encodings can still carry binary data: many control characters give it away. */
function checked(text: string, encoding: ReportEncoding): DecodedReport {
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls++;
  if (controls > Math.max(1, text.length * MAX_CONTROL_SHARE)) {
    throw new DecodeError(`binary data, not a text report (${controls} control characters in ${encoding} text)`);
  }
  return { text, encoding };
}

/** Control characters other than tab, line feed, form feed and carriage return: text has next to none. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}
