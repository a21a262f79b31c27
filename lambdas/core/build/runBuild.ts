import type { Localisation } from '../i18n/localisation';
import type { Problem } from '../model/problem';
import type { Held, SiteModel } from '../model/site';
import type { BriefingSource, CdnInvalidator, SiteStore, StateStore } from '../ports';
import { invalidationPaths } from '../publish/invalidation';
import { type Manifest, sameManifest } from '../publish/manifest';
import { type PublishOptions, type PublishReport, publishSite } from '../publish/publishSite';
import { type RenderInput, renderSite } from '../render/renderSite';
import type { Theme } from '../render/theme';
import { type SearchIndexer, withSearchIndex } from '../search/searchIndex';
import { rememberLastGood } from './lastGood';
import { loadModel } from './loadModel';
import { type BuildProgress, trackRendering, trackWrites } from './progress';

export interface BuildDeps {
  readonly source: BriefingSource;
  readonly store: SiteStore;
  readonly state: StateStore;
  readonly localisation: Localisation;
  readonly theme: Theme;
  readonly invalidator?: CdnInvalidator;
  /** Hash of code, templates and locales (see RenderConfig.signature): lets unchanged files skip rendering. */
  readonly signature?: string;
  /** Builds the static search index after the pages (none: the search page is its plain list of links). */
  readonly search?: SearchIndexer;
  /** Told how many files are planned, rendered and written (a terminal shows it). */
  readonly progress?: BuildProgress;
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
  /** Briefings whose data failed now, published from their last good copy. */
  readonly stale: readonly string[];
  readonly publish: PublishReport;
  /** Paths the CDN was told to forget (none for a dry run or without a CDN). */
  readonly invalidated: readonly string[];
}

/**
 * Data in, site out: load and validate every briefing, build the model, render, and publish the
 * difference. A briefing whose data file is bad is reported and published from its last good copy,
 * so it stays online unchanged; the rest of the site updates as usual.
 */
export async function runBuild(deps: BuildDeps, options: BuildOptions): Promise<BuildReport> {
  const previous = await deps.state.readManifest();
  // A valid text is the briefing's new last good copy: saved as soon as it is read, not held in memory.
  const { loaded, model, problems, stale, stillFailed } = await loadModel(deps, deps.source, previous, { now: options.now, saveNewTexts: !options.dryRun });
  const rendered = renderSite(renderInput(deps, options, model));
  const { progress } = deps;
  const files = progress ? trackRendering(rendered, progress) : rendered;
  const planned = deps.search ? withSearchIndex(files, previous, deps.search, options.baseUrl) : files;
  const store = progress ? trackWrites(deps.store, progress) : deps.store;
  const publish = await publishSite(planned, store, previous, { ...options, keepOwners: stillFailed });
  progress?.done();

  let invalidated: string[] = [];
  if (!publish.dryRun) {
    const remembered = await rememberLastGood(loaded, previous, deps.state);
    const next: Manifest = { version: 1, files: publish.files, briefings: remembered };
    if (!sameManifest(previous, next)) await deps.state.writeManifest(next);
    if (deps.invalidator) {
      invalidated = invalidationPaths(publish);
      if (invalidated.length > 0) await deps.invalidator.invalidate(invalidated);
    }
  }
  return { problems, published: model.briefings.map((b) => b.id), held: model.held, stale, publish, invalidated };
}

export function renderInput(deps: BuildDeps, options: Pick<BuildOptions, 'baseUrl'>, model: SiteModel): RenderInput {
  return { model, theme: deps.theme, localisation: deps.localisation, config: { baseUrl: options.baseUrl, ...(deps.signature && { signature: deps.signature }) } };
}
