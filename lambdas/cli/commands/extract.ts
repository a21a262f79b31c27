import { readFile, stat } from 'node:fs/promises';
import { loadProject } from '../../adapters/fs/loadProject';
import { DecodeError } from '../../core/extract/decode';
import { DraftInvalidError, MAX_REPORT_BYTES, draftReport } from '../../core/extract/draftReport';
import { ExtractError } from '../../core/extract/extractDraft';
import { RegionError } from '../../core/extract/region';
import { formatProblem } from '../../core/model/problem';
import { type Command, UsageError, parseOptions } from '../io';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `briefings extract REPORT.txt [--region KEY] [--id ID]`: a draft briefing (status "draft") on
 * stdout, 2-space JSON. Problems go to stderr, naming the file: exit 1 when it cannot be read, is not
 * text (empty, binary, an unknown encoding; UTF-8, UTF-16 with a BOM and GB18030 are read), is too
 * large for one report or holds no figure; 2 for usage (and a text that names no region, without --region).
 */
export const extractCommand: Command = async (args, io) => {
  const { values, positionals } = parseOptions(args, { region: { type: 'string' }, id: { type: 'string' } }, true);
  if (positionals.length !== 1) throw new UsageError('give one report file: extract REPORT.txt [--region KEY] [--id ID]');
  const file = positionals[0] as string;
  const { localisation } = await loadProject();
  const regions = localisation.glossary.list('region');
  if (values.region !== undefined && !regions.includes(values.region))
    throw new UsageError(`unknown --region "${values.region}" (known: ${regions.join(', ')})`);
  if (values.id !== undefined && !SLUG.test(values.id))
    throw new UsageError(`--id "${values.id}" is not a slug (lower-case letters, digits and single hyphens)`);

  const fail = (message: string) => {
    io.err(`briefings extract: ${file}: ${message}`);
    return 1;
  };
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) return fail('not a file');
    // Refuse what is plainly not one report before reading it into memory.
    if (info.size > MAX_REPORT_BYTES) return fail(`${info.size} bytes is too large for one report (at most ${MAX_REPORT_BYTES}); nothing drafted`);
    bytes = await readFile(file);
  } catch (error) {
    return fail(`cannot read: ${(error as Error).message}`);
  }
  let result: ReturnType<typeof draftReport>;
  try {
    result = draftReport(bytes, {
      localisation,
      file,
      fallbackYear: io.now().getUTCFullYear(),
      ...(values.region !== undefined && { region: values.region }),
      ...(values.id !== undefined && { id: values.id }),
    });
  } catch (error) {
    if (error instanceof DecodeError || error instanceof ExtractError) return fail(error.message);
    // The one thing the text may not tell is its region: the caller names it.
    if (error instanceof RegionError) throw new UsageError(`${file}: ${error.message}`);
    if (error instanceof DraftInvalidError) {
      for (const problem of error.problems) io.err(formatProblem(problem));
      return fail(error.message);
    }
    throw error;
  }
  io.out(JSON.stringify(result.draft, null, 2));
  io.err(`briefings extract: ${file}: ${result.draft.indicators.length} indicators, ${result.unmatched.length} unmatched phrases for the editor (unmatched[])`);
  return 0;
};
