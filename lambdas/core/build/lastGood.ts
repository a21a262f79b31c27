import type { Localisation } from '../i18n/localisation';
import type { Problem } from '../model/problem';
import type { BriefingInput } from '../model/schema';
import { checkDocument } from '../model/checkDocument';
import type { StateStore } from '../ports';
import type { Manifest } from '../publish/manifest';
import { mapLimit } from '../util/mapLimit';
import type { LoadedBriefings } from './loadBriefings';

export interface Recalled {
  readonly briefings: readonly BriefingInput[];
  readonly ids: ReadonlySet<string>;
  readonly problems: readonly Problem[];
}

/** For briefings whose data failed this time: the copy that was last published, if there is one. */
export async function recallLastGood(failed: ReadonlySet<string>, state: StateStore, localisation: Localisation): Promise<Recalled> {
  const briefings: BriefingInput[] = [];
  const problems: Problem[] = [];
  for (const id of [...failed].sort()) {
    const text = await state.readLastGood(id);
    if (text === undefined) continue;
    const file = `${state.description}last-good/${id}.json`;
    const result = await checkDocument(text, { file, localisation, expectedId: id });
    if (result.briefing) {
      briefings.push(result.briefing);
      problems.push({ file, path: '$', severity: 'warning', message: `published from the last good copy while its data file is broken` });
    } else {
      problems.push({ file, path: '$', severity: 'warning', message: 'the last good copy no longer validates (glossary changed?); its pages stay as they are' });
    }
  }
  return { briefings, ids: new Set(briefings.map((b) => b.id)), problems };
}

/**
 * After a publish: forget the last good copies of briefings that left the data, keep those of
 * briefings that failed (new texts were saved while loading, see `onNewText`). Returns the
 * id → hash table for the next manifest.
 */
export async function rememberLastGood(loaded: LoadedBriefings, previous: Manifest, state: StateStore): Promise<Record<string, string>> {
  const known = previous.briefings ?? {};
  const next: Record<string, string> = Object.fromEntries(loaded.hashes);
  const gone = Object.keys(known).filter((id) => next[id] === undefined && !loaded.failed.has(id));
  for (const id of Object.keys(known)) if (next[id] === undefined && loaded.failed.has(id)) next[id] = known[id] as string;
  await mapLimit(gone, 16, (id) => state.deleteLastGood(id));
  return next;
}
