import type { Problem } from '../model/problem';
import { type SiteModel, buildSiteModel } from '../model/site';
import type { BriefingSource } from '../ports';
import type { Manifest } from '../publish/manifest';
import type { BuildDeps, BuildOptions } from './runBuild';
import { type LoadedBriefings, loadBriefings } from './loadBriefings';
import { recallLastGood } from './lastGood';

export interface LoadedModel {
  readonly loaded: LoadedBriefings;
  readonly model: SiteModel;
  readonly problems: readonly Problem[];
  /** Briefings published from their last good copy this time. */
  readonly stale: readonly string[];
  /** Briefings whose data failed this time (published from their last good copy, or not at all). */
  readonly failed: ReadonlySet<string>;
  /** Briefings that failed with no usable last good copy: their published pages stay. */
  readonly stillFailed: ReadonlySet<string>;
}

/**
 * Load and validate briefings, fall back to the last good copy of those that fail (only the copy the
 * manifest remembers), build the model. Nothing is written: last good copies are saved after a publish
 * (rememberLastGood).
 */
export async function loadModel(
  deps: Pick<BuildDeps, 'state' | 'localisation'>,
  source: BriefingSource,
  previous: Manifest,
  options: Pick<BuildOptions, 'now'>,
): Promise<LoadedModel> {
  const loaded = await loadBriefings(source, deps.localisation);
  const recalled = await recallLastGood(loaded.failed, deps.state, deps.localisation, previous.briefings ?? {});
  // A briefing rendered from its last good copy must not carry the version (hash) of the text that failed.
  const versions = new Map([...loaded.hashes].filter(([id]) => !loaded.failed.has(id)));
  const model = buildSiteModel([...loaded.briefings.filter((b) => !loaded.failed.has(b.id)), ...recalled.briefings], { now: options.now, versions });
  return {
    loaded,
    model,
    problems: [...loaded.problems, ...recalled.problems],
    stale: [...recalled.ids].sort(),
    failed: loaded.failed,
    stillFailed: new Set([...loaded.failed].filter((id) => !recalled.ids.has(id))),
  };
}
