import { foldFigureCode } from '../quantity/normalise';
import { numeralDigits } from '../quantity/numerals';

/**
 * The extractor reads a compact view of the report: layout whitespace removed (newspaper columns
 * break lines mid-word: `规\n模以上工业增加值`), characters folded as figures fold them (quantity/normalise.ts:
 * `１２％` → `12%`, `（` → `(`, `∶` → `:`, ○ → 〇, dashes), years in numerals written in digits (`二〇三〇年` →
 * `2030年`, `二〇二一—二〇二五年`), and one "\n" where a line break ends a paragraph or heading. Every compact
 * character remembers where it came from, so quotes are cut from the source exactly as written.
 */

export interface CompactText {
  readonly source: string;
  /** The compact text; "\n" marks a hard break (paragraph or heading end). */
  readonly text: string;
  /** For each compact index, the UTF-16 index of its character in `source`. */
  readonly origin: Int32Array;
}

/** A line ending in one of these ends a sentence: the break after it is a paragraph break. */
const TERMINAL = new Set(['。', '！', '？', '!', '?', '；', ';', '：', ':', '…']);
/** A line starting like this is a heading, never the continuation of the line before. */
const HEADING_START = /^(?:#|■|第[一二三四五六七八九十百]+[章节]|[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、|——)/;
/** Lines at least this long that stop mid-sentence were wrapped by the layout, not ended. */
const MAX_WRAP_THRESHOLD = 40;

export function compactText(source: string): CompactText {
  const lines = splitLines(source);
  const threshold = wrapThreshold(lines);
  // At most one compact character per source character (plus one break per line): typed arrays
  // keep a 10 MB report in tens of megabytes.
  const codes = new Uint16Array(source.length + lines.length);
  const origin = new Int32Array(source.length + lines.length);
  let n = 0;
  let previous: Line | undefined;
  for (const line of lines) {
    if (line.length === 0) continue;
    if (previous && !isSoftBreak(previous, line, source, threshold)) {
      codes[n] = 0x0a;
      origin[n++] = previous.end;
    }
    for (let i = line.start; i < line.end; i++) {
      const code = source.charCodeAt(i);
      if (isSpace(code)) continue;
      codes[n] = foldFigureCode(code);
      origin[n++] = i;
    }
    previous = line;
  }
  const text = new TextDecoder('utf-16le').decode(codes.subarray(0, n)).replace(YEAR_IN_NUMERALS, (year) => numeralDigits(year) ?? year);
  return { source, text, origin: origin.slice(0, n) };
}

/** `到二〇三〇年` is `到2030年`: a year in numerals, folded digit for digit (the same length, so offsets hold). */
const YEAR_IN_NUMERALS = /(?:一九|二[〇零])[〇零一二三四五六七八九]{2}(?=年|[—~至到、](?:一九|二[〇零])[〇零一二三四五六七八九]{2}年)/g;

/** The source text behind compact [start, end): an exact substring, layout breaks included. */
export function sourceSpan(compact: CompactText, start: number, end: number): { start: number; end: number; quote: string } {
  const from = compact.origin[start] ?? 0;
  const to = (compact.origin[end - 1] ?? from) + 1;
  return { start: from, end: to, quote: compact.source.slice(from, to) };
}

/** Offsets in the data contract count code points; this walks the source once for ascending queries. */
export class CodePoints {
  private unit = 0;
  private points = 0;

  constructor(private readonly source: string) {}

  at(utf16Index: number): number {
    // Walk from the last answer, backwards or forwards: queries come in near-ascending order.
    while (this.unit > utf16Index) {
      this.unit -= isLowSurrogate(this.source.charCodeAt(this.unit - 1)) && this.unit >= 2 ? 2 : 1;
      this.points--;
    }
    while (this.unit < utf16Index) {
      this.unit += isLowSurrogate(this.source.charCodeAt(this.unit + 1)) && this.unit + 1 < utf16Index ? 2 : 1;
      this.points++;
    }
    return this.points;
  }
}

interface Line {
  readonly start: number;
  /** Exclusive; trailing whitespace excluded. */
  readonly end: number;
  /** Code points, whitespace excluded. */
  readonly length: number;
  readonly first: string;
  readonly last: string;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i <= source.length; i++) {
    const code = i < source.length ? source.charCodeAt(i) : 0x0a;
    if (code !== 0x0a && code !== 0x0d) continue;
    lines.push(describeLine(source, start, i));
    if (code === 0x0d && source.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  return lines;
}

function describeLine(source: string, start: number, end: number): Line {
  let length = 0;
  let first = '';
  let last = '';
  let lastEnd = start;
  for (let i = start; i < end; i++) {
    const code = source.charCodeAt(i);
    if (isSpace(code)) continue;
    if (!(code >= 0xdc00 && code <= 0xdfff)) length++;
    if (first === '') first = source.slice(i, i + 12);
    last = source[i] as string;
    lastEnd = i + 1;
  }
  return { start, end: lastEnd, length, first, last };
}

/**
 * Newspaper text wraps at a fixed width: a line as long as most lines that stops mid-sentence
 * continues on the next line, even across a blank line (page layout). Anything else is a real break.
 */
function wrapThreshold(lines: readonly Line[]): number {
  const histogram = new Map<number, number>();
  let count = 0;
  for (const line of lines) {
    if (line.length === 0) continue;
    const bucket = Math.min(line.length, 200);
    histogram.set(bucket, (histogram.get(bucket) ?? 0) + 1);
    count++;
  }
  // The median line length is the wrap width of a wrapped text (a paragraph's first line is
  // indented, so a wrapped line may fall a little short of it).
  let seen = 0;
  let width = MAX_WRAP_THRESHOLD;
  for (const length of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(length) ?? 0;
    if (seen >= count * 0.5) {
      width = length;
      break;
    }
  }
  return Math.min(MAX_WRAP_THRESHOLD, Math.max(8, Math.floor(width * 0.8)));
}

/** A line ending like a document's name is its title, never wrapped into the next line. */
const TITLE_END = /(?:报告|纲要|公报|规划)$/;

function isSoftBreak(previous: Line, next: Line, source: string, threshold: number): boolean {
  if (TERMINAL.has(previous.last) || HEADING_START.test(next.first)) return false;
  if (TITLE_END.test(source.slice(Math.max(previous.start, previous.end - 2), previous.end))) return false;
  if (HEADING_START.test(source.slice(previous.start, previous.start + 12).trimStart())) return false;
  return previous.length >= threshold;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isSpace(code: number): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x3000 || code === 0xa0 || code === 0x0c || code === 0x0b || code === 0x0d || code === 0x0a || code === 0xfeff
  );
}
