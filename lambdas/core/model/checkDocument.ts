import type { Localisation } from '../i18n/localisation';
import type { Problem } from './problem';
import { type ValidationResult, parseJson, validateBriefing } from './validate';

export interface DocumentContext {
  readonly file: string;
  readonly localisation: Localisation;
  readonly expectedId?: string;
  /** Reads `source.file` when the document names one; without it, quotes are not checked. */
  readonly readSourceText?: (file: string) => Promise<string | undefined>;
}

/**
 * One briefing document's text → its problems and, when usable, the briefing: JSON syntax,
 * schema, glossary, and quotes against the source text. Used by the build, `briefings validate`
 * and the recall of last good copies alike.
 */
export async function checkDocument(text: string, context: DocumentContext): Promise<ValidationResult> {
  const { file, localisation, readSourceText } = context;
  const json = parseJson(text, file);
  if (json.problems.length > 0) return { problems: json.problems };
  const sourceFile = (json.value as { source?: { file?: unknown } } | null)?.source?.file;
  let sourceText: string | undefined;
  let sourceProblem: Problem | undefined;
  if (typeof sourceFile === 'string' && readSourceText) {
    const warn = (message: string): Problem => ({ file, path: '$.source.file', severity: 'warning', message });
    try {
      sourceText = await readSourceText(sourceFile);
      if (sourceText === undefined) sourceProblem = warn(`source text "${sourceFile}" not found; quotes not checked`);
    } catch (error) {
      sourceProblem = warn(`source text "${sourceFile}" cannot be read (${(error as Error).message}); quotes not checked`);
    }
  }
  const result = validateBriefing(json.value, {
    file,
    localisation,
    jsonText: text,
    ...(context.expectedId !== undefined && { expectedId: context.expectedId }),
    ...(sourceText !== undefined && { sourceText }),
  });
  return sourceProblem ? { ...result, problems: [...result.problems, sourceProblem] } : result;
}
