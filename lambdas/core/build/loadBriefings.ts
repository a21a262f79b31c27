import type { Localisation } from '../i18n/localisation';
import { contentHash } from '../publish/manifest';
import type { Problem } from '../model/problem';
import type { BriefingInput } from '../model/schema';
import { checkDocument } from '../model/checkDocument';
import type { BriefingSource } from '../ports';
import { mapLimit } from '../util/mapLimit';

export interface LoadedBriefings {
  readonly briefings: readonly BriefingInput[];
  readonly problems: readonly Problem[];
  /** Ids (from file names) of documents that could not be used this time. */
  readonly failed: ReadonlySet<string>;
  /** Id → hash of the text of every usable document. */
  readonly hashes: ReadonlyMap<string, string>;
  /** Id → the document's key in the source (to read it again as its last good copy). */
  readonly keys: ReadonlyMap<string, string>;
  /** How many briefing documents the source lists, usable or not. */
  readonly listed: number;
}

const BRIEFING_KEY = /(?:^|\/)briefings\/([^/]+)\.json$/;

/** The id a data file promises by its name: `briefings/chengdu-2026.json` → `chengdu-2026`. */
export function idFromKey(key: string): string | undefined {
  return BRIEFING_KEY.exec(key)?.[1];
}

/** Reads and validates every briefing; a bad file becomes problems, never an exception. */
export async function loadBriefings(source: BriefingSource, localisation: Localisation): Promise<LoadedBriefings> {
  const keys = await source.listBriefings();
  const sourceTexts = new Map<string, Promise<string | undefined>>();
  // Several briefings may quote one report: read each source once.
  const readSourceText = (name: string) => {
    if (!sourceTexts.has(name)) sourceTexts.set(name, source.readSourceText(name));
    return sourceTexts.get(name) as Promise<string | undefined>;
  };
  const results = await mapLimit(keys, 16, async (key) => {
    const file = `${source.description}${key}`;
    let text: string;
    try {
      text = await source.read(key);
    } catch (error) {
      return { key, problems: [{ file, path: '$', severity: 'error', message: `cannot read: ${(error as Error).message}` }] as Problem[] };
    }
    const result = await checkDocument(text, { file, localisation, expectedId: idFromKey(key), readSourceText });
    const problems = result.problems;
    return { key, briefing: result.briefing, problems, hash: contentHash(text) };
  });
  const failed = new Set(results.filter((r) => !r.briefing).map((r) => idFromKey(r.key) ?? r.key));
  const usable = results.filter((r) => r.briefing !== undefined && r.hash !== undefined);
  return {
    briefings: usable.map((r) => r.briefing!),
    problems: results.flatMap((r) => r.problems),
    failed,
    hashes: new Map(usable.map((r) => [r.briefing!.id, r.hash!])),
    keys: new Map(usable.map((r) => [r.briefing!.id, r.key])),
    listed: keys.length,
  };
}
