import type { Localisation } from '../i18n/localisation';
import type { Problem } from '../model/problem';
import { validateBriefing } from '../model/validate';
import { decodeReport } from './decode';
import { ExtractError, type ExtractResult, extractDraft } from './extractDraft';

export interface DraftOptions {
  readonly localisation: Localisation;
  /** Shown in problems and recorded as `source.file`. */
  readonly file: string;
  readonly region?: string;
  readonly id?: string;
  /** The year to assume when the text does not say. */
  readonly fallbackYear: number;
}

/**
 * A government report is tens to hundreds of kilobytes (the 26 provincial reports: 39–96 KB); a file
 * forty times the largest is not one report (an archive, a concatenation, a data dump).
 */
export const MAX_REPORT_BYTES = 4 * 1024 * 1024;

/** Quotes are cut from the source; re-checking them costs time in proportion to the text, so only for ordinary reports. */
const MAX_QUOTE_CHECK = 500_000;

export class DraftInvalidError extends Error {
  override name = 'DraftInvalidError';
  constructor(readonly problems: readonly Problem[]) {
    super('the draft does not validate (an extractor bug); nothing written');
  }
}

/**
 * Report bytes → a validated draft: decode (UTF-8, UTF-16 with BOM, GB18030), extract, and check
 * the draft against the contract. The CLI and the drafting Lambda both call this.
 * Throws DecodeError (not text), RegionError (no region named and none given), ExtractError (too
 * large, no figures) or DraftInvalidError.
 */
export function draftReport(bytes: Uint8Array, options: DraftOptions): ExtractResult {
  if (bytes.length > MAX_REPORT_BYTES)
    throw new ExtractError(`${bytes.length} bytes is too large for one report (at most ${MAX_REPORT_BYTES}); nothing drafted`);
  const text = decodeReport(bytes).text;
  const result = extractDraft(text, {
    localisation: options.localisation,
    sourceFile: options.file.split('/').pop() ?? options.file,
    fallbackYear: options.fallbackYear,
    ...(options.region !== undefined && { region: options.region }),
    ...(options.id !== undefined && { id: options.id }),
  });
  if (result.statements.length === 0) throw new ExtractError('no quantitative statement in the text (no figure with a unit or measure word): nothing to draft');
  const sourceText = text.length <= MAX_QUOTE_CHECK ? { sourceText: text } : {};
  const problems = validateBriefing(result.draft, { file: options.file, localisation: options.localisation, ...sourceText }).problems.filter(
    (p) => p.severity === 'error',
  );
  if (problems.length > 0) throw new DraftInvalidError(problems);
  return result;
}

/** A draft id from a report's file name: `reports/Chengdu 2026.txt` → `chengdu-2026`; `成都.txt` → `report-<hash>`. */
export function draftIdFor(fileName: string, hash: string): string {
  const stem = (fileName.split('/').pop() ?? fileName).replace(/\.[^.]*$/, '');
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length >= 3 ? slug : `report-${hash.slice(0, 8)}`;
}
