/**
 * The shape of a report in its compact text: paragraphs (compact lines), the headings above them
 * and their lead phrases (`先进制造业提档升级。`), clauses and sentences. Topics and periods are
 * read from these.
 */
import { CLAUSE_END, SENTENCE_END } from './rules';

export interface Heading {
  readonly start: number;
  /** 1 = top (`# …`, `第一章`, a title line), 2 = `（一）`/`第一节`, 3 = `——…`/`■…`, 4 = a paragraph's lead phrase. */
  readonly level: number;
  readonly text: string;
}

export interface Paragraph {
  readonly start: number;
  readonly end: number;
  /** Set when the paragraph is itself a heading (or opens with one, like `（一）…。…`). */
  readonly heading?: Heading;
  /** The short phrase a paragraph opens with, ending in 。: a sub-heading in running text. */
  readonly lead?: Heading;
}

const MAX_TITLE_LINE = 30;
/** A paragraph's first sentence this short reads as its sub-heading (`先进制造业提档升级。`). */
const MAX_LEAD = 30;
/** Clause and sentence searches stop after this many characters: bounded work on any input. */
const MAX_REACH = 400;

export class Structure {
  readonly paragraphs: readonly Paragraph[];

  constructor(readonly text: string) {
    const paragraphs: Paragraph[] = [];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && text[i] !== '\n') continue;
      if (i > start) paragraphs.push(describeParagraph(text, start, i));
      start = i + 1;
    }
    this.paragraphs = paragraphs;
  }

  /** Index of the paragraph holding compact position `at` (binary search). */
  paragraphIndex(at: number): number {
    let [low, high] = [0, this.paragraphs.length - 1];
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.paragraphs[mid] as Paragraph).start <= at) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  clauseStart(at: number): number {
    return reachBack(this.text, at, CLAUSE_END);
  }

  clauseEnd(at: number): number {
    return reachForward(this.text, at, CLAUSE_END);
  }

  sentenceStart(at: number): number {
    return reachBack(this.text, at, SENTENCE_END);
  }

  sentenceEnd(at: number): number {
    return reachForward(this.text, at, SENTENCE_END);
  }
}

function reachBack(text: string, at: number, stops: ReadonlySet<string>): number {
  let i = at;
  while (i > 0 && at - i < MAX_REACH && !stops.has(text[i - 1] as string)) i--;
  return i;
}

function reachForward(text: string, at: number, stops: ReadonlySet<string>): number {
  let i = at;
  while (i < text.length && i - at < MAX_REACH && !stops.has(text[i] as string)) i++;
  return i;
}

function describeParagraph(text: string, start: number, end: number): Paragraph {
  const line = text.slice(start, Math.min(end, start + 200));
  const heading = headingOf(line, start, end - start);
  const firstStop = line.indexOf('。');
  const lead = !heading && firstStop > 1 && firstStop <= MAX_LEAD ? { start, level: 4, text: line.slice(0, firstStop) } : undefined;
  return { start, end, ...(heading && { heading }), ...(lead && { lead }) };
}

function headingOf(line: string, start: number, length: number): Heading | undefined {
  const markdown = /^(#+)/.exec(line);
  if (markdown) return { start, level: Math.min(markdown[1]!.length, 3), text: line.replace(/^#+/, '').replace(/\*/g, '') };
  if (/^第[一二三四五六七八九十百]+章/.test(line)) return { start, level: 1, text: line };
  if (/^第[一二三四五六七八九十百]+节/.test(line)) return { start, level: 2, text: line };
  if (/^[(（][一二三四五六七八九十]+[)）]/.test(line)) return { start, level: 2, text: line.split('。')[0] as string };
  if (/^(?:——|■)/.test(line)) return { start, level: 3, text: line.replace(/^(?:——|■)/, '') };
  const last = line[line.length - 1] ?? '';
  if (length <= MAX_TITLE_LINE && !'。!?;,'.includes(last)) return { start, level: 1, text: line };
  return undefined;
}
