import { loadProject } from '../../adapters/fs/loadProject';
import { isLang } from '../../core/i18n/languages';
import { chineseVocabulary, formatFigure, parseFigure } from '../../core/quantity/parseChinese';
import { type Command, UsageError, parseOptions } from '../io';

/** `briefings format [--lang en|zh] TEXT...`: one line per TEXT, e.g. 7489.8亿元 → 748.98 billion yuan. */
export const formatCommand: Command = async (args, io) => {
  const { values, positionals } = parseOptions(args, { lang: { type: 'string', default: 'en' } }, true);
  if (!isLang(values.lang)) throw new UsageError(`--lang must be en or zh, not "${values.lang}"`);
  if (positionals.length === 0) throw new UsageError('give at least one Chinese figure, e.g. 7489.8亿元');
  const { localisation } = await loadProject();
  const vocabulary = chineseVocabulary(localisation.lexicons.zh);
  let failures = 0;
  for (const text of positionals) {
    try {
      io.out(formatFigure(parseFigure(text, vocabulary), localisation.formatters[values.lang]));
    } catch (error) {
      io.err(`briefings format: ${(error as Error).message}`);
      failures++;
    }
  }
  return failures > 0 ? 1 : 0;
};
