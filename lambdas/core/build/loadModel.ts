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
  /** Briefings that failed with no usable last good copy: their published pages stay. */
  readonly stillFailed: ReadonlySet<string>;
}

/**
 * Load and validate briefings, fall back to the last good copy of those that fail, build the model.
 * `saveNewTexts` stores each new valid text as its briefing's last good copy as soon as it is read.
 */
export async function loadModel(deps: BuildDeps, source: BriefingSource, previous: Manifest, options: Pick<BuildOptions, 'now'> & { saveNewTexts: boolean }): Promise<LoadedModel> {
  const onNewText = options.saveNewTexts ? (id: string, text: string) => deps.state.writeLastGood(id, text) : undefined;
  const loaded = await loadBriefings(source, deps.localisation, { known: previous.briefings ?? {}, ...(onNewText && { onNewText }) });
  const recalled = await recallLastGood(loaded.failed, deps.state, deps.localisation);
  const model = buildSiteModel([...loaded.briefings, ...recalled.briefings], { now: options.now, versions: loaded.hashes });
  return {
    loaded,
    model,
    problems: [...loaded.problems, ...recalled.problems],
    stale: [...recalled.ids].sort(),
    stillFailed: new Set([...loaded.failed].filter((id) => !recalled.ids.has(id))),
  };
}
