import type { Localisation } from '../i18n/localisation';
import type { Problem } from '../model/problem';
import { type Held, buildSiteModel } from '../model/site';
import type { BriefingSource, SiteStore } from '../ports';
import { type PublishOptions, type PublishReport, publishSite } from '../publish/publishSite';
import { renderSite } from '../render/renderSite';
import type { Theme } from '../render/theme';
import { loadBriefings } from './loadBriefings';

export interface BuildDeps {
  readonly source: BriefingSource;
  readonly store: SiteStore;
  readonly localisation: Localisation;
  readonly theme: Theme;
}

export interface BuildOptions extends Omit<PublishOptions, 'keepOwners'> {
  readonly baseUrl: URL;
  /** The run's moment: decides which scheduled briefings are due. Never written into the output. */
  readonly now: Date;
}

export interface BuildReport {
  readonly problems: readonly Problem[];
  readonly published: readonly string[];
  readonly held: readonly Held[];
  readonly publish: PublishReport;
}

/**
 * Data in, site out: load and validate every briefing, build the model, render, and publish the
 * difference to the store. Bad files are reported and skipped; their pages already online stay.
 */
export async function runBuild(deps: BuildDeps, options: BuildOptions): Promise<BuildReport> {
  const loaded = await loadBriefings(deps.source, deps.localisation);
  const model = buildSiteModel(loaded.briefings, { now: options.now });
  const files = renderSite({ model, theme: deps.theme, localisation: deps.localisation, config: { baseUrl: options.baseUrl } });
  const publish = await publishSite(files, deps.store, { ...options, keepOwners: loaded.failed });
  return { problems: loaded.problems, published: model.briefings.map((b) => b.id), held: model.held, publish };
}
