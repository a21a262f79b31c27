import type { Localisation } from '../i18n/localisation';
import { contentHash } from '../publish/manifest';
import type { Problem } from '../model/problem';
import type { BriefingInput } from '../model/schema';
import { parseJson, validateBriefing } from '../model/validate';
import type { BriefingSource } from '../ports';
import { mapLimit } from '../util/mapLimit';

export interface LoadedBriefings {
  readonly briefings: readonly BriefingInput[];
  readonly problems: readonly Problem[];
  /** Ids (from file names) of documents that could not be used this time. */
  readonly failed: ReadonlySet<string>;
  /** Id → hash of the text of every usable document. */
  readonly hashes: ReadonlyMap<string, string>;
}

export interface LoadOptions {
  /** Hashes of texts already remembered (the manifest's `briefings`). */
  readonly known?: Readonly<Record<string, string>>;
  /**
   * Called for each usable document whose text is not among `known`, as soon as it is validated,
   * so the text need not be held for the rest of the run (it is the briefing's new last good copy).
   */
  readonly onNewText?: (id: string, text: string) => Promise<void>;
}

const BRIEFING_KEY = /(?:^|\/)briefings\/([^/]+)\.json$/;

/** The id a data file promises by its name: `briefings/chengdu-2026.json` → `chengdu-2026`. */
export function idFromKey(key: string): string | undefined {
  return BRIEFING_KEY.exec(key)?.[1];
}

/** Reads and validates every briefing; a bad file becomes problems, never an exception. */
export async function loadBriefings(source: BriefingSource, localisation: Localisation, options: LoadOptions = {}): Promise<LoadedBriefings> {
  const keys = await source.listBriefings();
  const sourceTexts = new Map<string, Promise<string | undefined>>();
  const results = await mapLimit(keys, 16, async (key) => {
    const file = `${source.description}${key}`;
    let text: string;
    try {
      text = await source.read(key);
    } catch (error) {
      return { key, problems: [{ file, path: '$', severity: 'error', message: `cannot read: ${(error as Error).message}` }] as Problem[] };
    }
    const json = parseJson(text, file);
    if (json.problems.length > 0) return { key, problems: json.problems };
    const sourceFile = (json.value as { source?: { file?: unknown } } | null)?.source?.file;
    let sourceText: string | undefined;
    let sourceProblem: string | undefined;
    if (typeof sourceFile === 'string') {
      if (!sourceTexts.has(sourceFile)) sourceTexts.set(sourceFile, source.readSourceText(sourceFile));
      try {
        sourceText = await sourceTexts.get(sourceFile);
      } catch (error) {
        sourceProblem = `source text "${sourceFile}" cannot be read (${(error as Error).message}); quotes not checked`;
      }
    }
    const result = validateBriefing(json.value, { file, localisation, jsonText: text, expectedId: idFromKey(key), ...(sourceText !== undefined && { sourceText }) });
    const problems = [...result.problems];
    if (typeof sourceFile === 'string' && sourceText === undefined) {
      problems.push({ file, path: '$.source.file', severity: 'warning', message: sourceProblem ?? `source text "${sourceFile}" not found; quotes not checked` });
    }
    const hash = contentHash(text);
    if (result.briefing && options.onNewText && options.known?.[result.briefing.id] !== hash) await options.onNewText(result.briefing.id, text);
    return { key, briefing: result.briefing, problems, hash };
  });
  const failed = new Set(results.filter((r) => !r.briefing).map((r) => idFromKey(r.key) ?? r.key));
  const usable = results.filter((r) => r.briefing !== undefined && r.hash !== undefined);
  return {
    briefings: usable.map((r) => r.briefing!),
    problems: results.flatMap((r) => r.problems),
    failed,
    hashes: new Map(usable.map((r) => [r.briefing!.id, r.hash!])),
  };
}
