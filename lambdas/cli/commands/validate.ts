import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { loadProject } from '../../adapters/fs/loadProject';
import { readTextFile } from '../../adapters/fs/readTextFile';
import { idFromKey } from '../../core/build/loadBriefings';
import type { Localisation } from '../../core/i18n/localisation';
import { type Problem, formatProblem } from '../../core/model/problem';
import { checkDocument } from '../../core/model/checkDocument';
import { type Command, UsageError, parseOptions } from '../io';

/**
 * `briefings validate PATH...`: files or folders of briefing JSON. One line per problem
 * (file, JSON path, what is wrong); exit 1 when any is an error. Quotes are checked against
 * `../sources/<source.file>` next to the `briefings/` folder when that file exists.
 */
export const validateCommand: Command = async (args, io) => {
  const { positionals } = parseOptions(args, {}, true);
  if (positionals.length === 0) throw new UsageError('name at least one file or folder');
  const { localisation } = await loadProject();
  const files = (await Promise.all(positionals.map(expand))).flat();
  let errors = 0;
  for (const file of files) {
    for (const problem of await validateFile(file, localisation)) {
      io.err(formatProblem(problem));
      if (problem.severity === 'error') errors++;
    }
  }
  io.out(`${files.length} file${files.length === 1 ? '' : 's'} checked, ${errors} error${errors === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
};

async function expand(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [path]; // reported as unreadable below
  if (!info.isDirectory()) return [path];
  return (await readdir(path))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => join(path, n));
}

async function validateFile(file: string, localisation: Localisation): Promise<Problem[]> {
  let text: string | undefined;
  try {
    text = await readTextFile(file);
    if (text === undefined) throw new Error('no such file');
  } catch (error) {
    return [{ file, path: '$', severity: 'error', message: `cannot read: ${(error as Error).message}` }];
  }
  const inBriefings = basename(dirname(file)) === 'briefings';
  const expectedId = inBriefings ? idFromKey(`briefings/${basename(file)}`) : undefined;
  const readSourceText = (name: string) => readTextFile(join(dirname(file), '..', 'sources', name));
  return [...(await checkDocument(text, { file, localisation, ...(expectedId && { expectedId }), ...(inBriefings && { readSourceText }) })).problems];
}
