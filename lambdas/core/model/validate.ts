import type * as z from 'zod';
import type { GlossaryField } from '../i18n/glossary';
import type { Localisation } from '../i18n/localisation';
import type { ChineseVocabulary } from '../quantity/parseChinese';
import { parseUnitKey } from '../quantity/unit';
import { figureNotInQuote } from './quoteFigures';
import { checkFigureValues, vocabularyOf } from './figureValues';
import { cleanText, mayNeedCleaning } from './cleanText';
import { LIMITS, depthExceededAt } from './limits';
import { type Problem, jsonPath } from './problem';
import { REGION_TREE_FILE, type RegionTree, projectRegionTree } from './regions';
import { type BriefingInput, briefingSchema } from './schema';

export interface ValidationContext {
  /** Shown in every problem: the data file's path or key. */
  readonly file: string;
  readonly localisation: Localisation;
  /** The id the file name promises (`briefings/<id>.json`); the document must agree. */
  readonly expectedId?: string;
  /** The Chinese source text, when at hand: every quote must be found in it (at `offset`, if given). */
  readonly sourceText?: string;
  /** The document's JSON text, when at hand: lets a clean document skip the search for control characters. */
  readonly jsonText?: string;
  /** The region hierarchy a briefing's region must be in; defaults to `locales/regions.tree.json`. */
  readonly regions?: RegionTree;
}

export interface ValidationResult {
  /** Present when there is no error (warnings allowed). */
  readonly briefing?: BriefingInput;
  readonly problems: readonly Problem[];
}

/** Parses JSON text, reporting a syntax error, or a text too large or too deep to be a briefing, as a problem at `$`. */
export function parseJson(text: string, file: string): { value?: unknown; problems: Problem[] } {
  const refuse = (message: string) => ({ problems: [{ file, path: '$', severity: 'error', message } as Problem] });
  if (text.length > LIMITS.documentChars) return refuse(`${text.length} characters is too large for a briefing (at most ${LIMITS.documentChars})`);
  const deep = depthExceededAt(text, LIMITS.depth);
  if (deep >= 0) return refuse(`nested deeper than ${LIMITS.depth} levels (at character ${deep})`);
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')), problems: [] };
  } catch (error) {
    return { problems: [{ file, path: '$', severity: 'error', message: `not valid JSON: ${(error as Error).message}` }] };
  }
}

/**
 * Checks one briefing document against the schema, the glossary and (optionally) its source.
 * Returns every problem, each with its JSON path, so an editor can fix a file in one pass.
 */
export function validateBriefing(raw: unknown, context: ValidationContext): ValidationResult {
  const { file } = context;
  const problems: Problem[] = [];
  const error = (path: ReadonlyArray<PropertyKey>, message: string) => problems.push({ file, path: jsonPath(path), message, severity: 'error' });

  const cleaned = context.jsonText !== undefined && !mayNeedCleaning(context.jsonText) ? { value: raw, changed: [] } : cleanText(raw);
  for (const path of cleaned.changed) {
    problems.push({ file, path: jsonPath(path), severity: 'warning', message: 'removed control characters that HTML and XML cannot carry' });
  }
  for (const [path, length] of longStrings(cleaned.value, LIMITS.stringChars)) error(path, `${length} characters is too long (at most ${LIMITS.stringChars})`);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const parsed = briefingSchema.safeParse(cleaned.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) error(issue.path, describeIssue(issue));
    return { problems };
  }
  const briefing = parsed.data;
  if (context.expectedId !== undefined && briefing.id !== context.expectedId) {
    error(['id'], `"${briefing.id}" does not match the file name (expected "${context.expectedId}")`);
  }
  const warn = (path: ReadonlyArray<PropertyKey>, message: string) => problems.push({ file, path: jsonPath(path), message, severity: 'warning' });
  checkGlossary(briefing, context.localisation, error, warn);
  checkRegion(briefing, context.regions ?? projectRegionTree(), context.localisation, error);
  const reported = checkFigureValues(briefing, context.localisation, error);
  if (context.sourceText !== undefined) {
    checkQuotes(briefing, context.sourceText, error);
    checkFigures(briefing, vocabularyOf(context.localisation), warn, reported);
  }
  return problems.some((p) => p.severity === 'error') ? { problems } : { briefing, problems };
}

export type Report = (path: ReadonlyArray<PropertyKey>, message: string) => void;

/** Strings longer than `limit` anywhere in a JSON value: [path, length]. */
function longStrings(value: unknown, limit: number): Array<[PropertyKey[], number]> {
  const found: Array<[PropertyKey[], number]> = [];
  const walk = (node: unknown, path: PropertyKey[]): void => {
    if (typeof node === 'string') {
      if (node.length > limit) found.push([path, node.length]);
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, [...path, i]);
    } else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
  };
  walk(value, []);
  return found;
}

function checkGlossary(briefing: BriefingInput, { glossary, formatters }: Localisation, error: Report, warn: Report): void {
  const known = (field: GlossaryField, key: string, path: ReadonlyArray<PropertyKey>, proposed?: { zh: string; en: string }) => {
    if (glossary.has(field, key)) {
      if (proposed) warn(path, `"${key}" is proposed but already in the glossary; drop "proposed"`);
      return;
    }
    // Only drafts carry proposals (the schema rejects them elsewhere): the editor decides before review.
    if (proposed)
      return warn(
        path,
        `proposed ${field} "${key}" (${proposed.zh} / ${proposed.en}) is not in the glossary yet; review it and add it to locales/en and locales/zh-CN`,
      );
    const hint = glossary.suggest(field, key);
    error(path, `unknown ${field} "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; add it to locales/en and locales/zh-CN first`);
  };
  known('region', briefing.region, ['region'], briefing.proposedRegion);
  known('kind', briefing.kind, ['kind']);
  briefing.indicators.forEach((indicator, i) => {
    known('metric', indicator.metric, ['indicators', i, 'metric'], indicator.proposed);
    known('topic', indicator.topic, ['indicators', i, 'topic']);
    if (indicator.rank) known('peers', indicator.rank.peers, ['indicators', i, 'rank', 'peers']);
    const unit = parseUnitKey(indicator.unit);
    if (!unit) {
      error(['indicators', i, 'unit'], `"${indicator.unit}" is not a unit key (base or base_1eN, e.g. yuan_1e8)`);
    } else {
      known('unit', unit.base, ['indicators', i, 'unit']);
      const unwritable = Object.entries(formatters).find(([, f]) => !f.supportsScale(unit.scale));
      if (unwritable) error(['indicators', i, 'unit'], `no ${unwritable[0]} word for the multiplier 10^${unit.scale} in "${indicator.unit}"`);
    }
  });
}

/** A glossary region must also have its place in the hierarchy (level, parent). */
function checkRegion(briefing: BriefingInput, regions: RegionTree, { glossary }: Localisation, error: Report): void {
  if (glossary.has('region', briefing.region) && !regions.has(briefing.region)) {
    error(['region'], `region "${briefing.region}" has no level and parent; add it to ${REGION_TREE_FILE}`);
  }
}

function checkQuotes(briefing: BriefingInput, source: string, error: Report): void {
  briefing.indicators.forEach((indicator, i) => {
    const { quote, offset } = indicator;
    if (offset !== undefined) {
      if (source.startsWith(quote, codeUnitIndex(source, offset))) return;
      const found = source.indexOf(quote);
      const message = found < 0 ? 'quote not found in the source' : `quote is at offset ${codePointCount(source, found)}, not ${offset}`;
      error(['indicators', i, 'offset'], message);
    } else if (!source.includes(quote)) {
      error(['indicators', i, 'quote'], 'quote not found in the source');
    }
  });
}

/**
 * The value an editor typed must be a figure of its own quote (read by the figure grammar); a warning,
 * not an error, except where checkFigureValues already found it wrong (`reported`: no second message).
 */
function checkFigures(briefing: BriefingInput, vocabulary: ChineseVocabulary, warn: Report, reported: ReadonlySet<number>): void {
  briefing.indicators.forEach((indicator, i) => {
    if (reported.has(i)) return;
    const problem = figureNotInQuote(indicator, vocabulary);
    if (problem) warn(['indicators', i, 'value'], problem);
  });
}

/** Offsets count Unicode characters (code points), as most languages other than JavaScript do. */
function codeUnitIndex(text: string, codePoints: number): number {
  let index = 0;
  for (let n = 0; n < codePoints && index < text.length; n++) index += (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
  return index;
}

function codePointCount(text: string, codeUnits: number): number {
  return [...text.slice(0, codeUnits)].length;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  if (issue.code === 'invalid_type') return `expected ${issue.expected}${issue.message.includes('received') ? `, ${issue.message.split(', ').pop()}` : ''}`;
  return issue.message;
}
