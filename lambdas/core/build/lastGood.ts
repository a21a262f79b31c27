import type { Localisation } from '../i18n/localisation';
import type { Problem } from '../model/problem';
import type { BriefingInput } from '../model/schema';
import { checkDocument } from '../model/checkDocument';
import type { BriefingSource, StateStore } from '../ports';
import { type Manifest, contentHash } from '../publish/manifest';
import { mapLimit } from '../util/mapLimit';
import type { LoadedBriefings } from './loadBriefings';

export interface Recalled {
  readonly briefings: readonly BriefingInput[];
  readonly ids: ReadonlySet<string>;
  readonly problems: readonly Problem[];
}

/**
 * For briefings whose data failed this time: the copy that was last published, if there is one and
 * it is the text the manifest remembers (a copy saved by a run that then failed is never trusted).
 */
export async function recallLastGood(
  failed: ReadonlySet<string>,
  state: StateStore,
  localisation: Localisation,
  known: Readonly<Record<string, string>>,
): Promise<Recalled> {
  const briefings: BriefingInput[] = [];
  const problems: Problem[] = [];
  for (const id of [...failed].sort()) {
    const text = await state.readLastGood(id);
    if (text === undefined) continue;
    const file = `${state.description}last-good/${id}.json`;
    if (contentHash(text) !== known[id]) {
      problems.push({
        file,
        path: '$',
        severity: 'warning',
        message: 'the last good copy is not the text last published (saved by a run that failed?); not used: its pages stay as they are',
      });
      continue;
    }
    const result = await checkDocument(text, { file, localisation, expectedId: id });
    if (result.briefing) {
      briefings.push(result.briefing);
      problems.push({ file, path: '$', severity: 'warning', message: `published from the last good copy while its data file is broken` });
    } else {
      problems.push({
        file,
        path: '$',
        severity: 'warning',
        message: 'the last good copy no longer validates (glossary changed?); its pages stay as they are',
      });
    }
  }
  return { briefings, ids: new Set(briefings.map((b) => b.id)), problems };
}

/**
 * After a successful publish: a briefing published from a new text gets that text as its last good
 * copy (read again from the source, and kept only if it is still the text that rendered); briefings
 * that failed keep theirs; those that left the data lose theirs. Returns the id → hash table of the
 * copies now stored, for the next manifest.
 */
export async function rememberLastGood(
  loaded: LoadedBriefings,
  failed: ReadonlySet<string>,
  previous: Manifest,
  state: StateStore,
  source: BriefingSource,
): Promise<Record<string, string>> {
  const known = previous.briefings ?? {};
  const next: Record<string, string> = {};
  const keep = (id: string) => {
    if (known[id] !== undefined) next[id] = known[id];
  };
  await mapLimit([...loaded.hashes], 16, async ([id, hash]) => {
    if (failed.has(id) || known[id] === hash) return keep(id);
    const text = await source.read(loaded.keys.get(id) ?? '').catch(() => undefined);
    if (text === undefined || contentHash(text) !== hash) return keep(id); // changed meanwhile: the next run saves it
    await state.writeLastGood(id, text);
    next[id] = hash;
  });
  for (const id of failed) keep(id);
  const gone = Object.keys(known).filter((id) => !loaded.hashes.has(id) && !failed.has(id));
  await mapLimit(gone, 16, (id) => state.deleteLastGood(id));
  return next;
}
