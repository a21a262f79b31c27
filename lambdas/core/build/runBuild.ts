import type { Localisation } from '../i18n/localisation';
import type { Problem } from '../model/problem';
import type { BriefingInput } from '../model/schema';
import { type Held, type SiteModel, buildSiteModel } from '../model/site';
import type { BriefingSource, CdnInvalidator, SiteStore, StateStore } from '../ports';
import { invalidationPaths } from '../publish/invalidation';
import { DEFAULT_LEASE, type LeaseRequest, type StoredManifest } from '../publish/lease';
import { verifyStore } from '../publish/verify';
import { type Manifest, sameManifest } from '../publish/manifest';
import { type PlanOptions, type PublishPlan, planPublish } from '../publish/plan';
import { type ExecuteOptions, type PublishReport, RenderFailure, executePlan } from '../publish/publishSite';
import type { PlannedFile } from '../render/outputFormats';
import { type RenderInput, renderSite } from '../render/renderSite';
import { type SearchIndexer, planSearchIndex } from '../search/searchIndex';
import type { Theme } from '../render/theme';
import { type LoadedBriefings, loadBriefings } from './loadBriefings';
import { recallLastGood, rememberLastGood } from './lastGood';
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
  /** Builds the static search index while the site is written (none: the search page is its plain list of links). */
  readonly search?: SearchIndexer;
  /** Told how many files are planned, rendered and written (a terminal shows it). */
  readonly progress?: BuildProgress;
}

export interface BuildOptions extends PlanOptions, ExecuteOptions {
  readonly baseUrl: URL;
  /** The run's moment: decides which scheduled briefings are due. Never written into the output. */
  readonly now: Date;
  /** Read back every file the manifest lists and write again what the store contradicts. */
  readonly verify?: boolean;
  /** The one-writer lease: who this run is, how long a lease lives, how long to wait for another run. */
  readonly lease?: Partial<LeaseRequest>;
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

/** A render failure takes one briefing out and the run tries again; past this many, the run fails. */
const MAX_RENDER_RETRIES = 5;

/**
 * Data in, site out: load and check every briefing, build the model, plan the publish (the guards
 * refuse there, before a byte is written), then carry the plan out. A briefing whose data file is
 * bad, or that still fails to render, is reported and published from its last good copy, so it
 * stays online unchanged; the rest of the site updates as usual.
 */
export async function runBuild(deps: BuildDeps, options: BuildOptions): Promise<BuildReport> {
  // A dry run writes nothing, so it needs no lease; every other run holds one from the manifest read to its write.
  const lease = options.dryRun ? undefined : await deps.state.acquireLease({ holder: 'briefings', ...DEFAULT_LEASE, ...options.lease });
  try {
    return await leasedBuild(deps, options);
  } finally {
    await lease?.release();
  }
}

async function leasedBuild(deps: BuildDeps, options: BuildOptions): Promise<BuildReport> {
  const stored = await deps.state.readManifest();
  const problems: Problem[] = [];
  let previous = stored.manifest;
  if (options.verify) {
    const verified = await verifyStore(deps.store, previous);
    previous = verified.manifest;
    for (const path of verified.contradicted) {
      problems.push({
        file: `${deps.store.description}${path}`,
        path: '$',
        severity: 'warning',
        message: 'not as the manifest says (missing, changed or outside the site): written again',
      });
    }
  }
  const loaded = await loadBriefings(deps.source, deps.localisation);
  const failed = new Set(loaded.failed);
  problems.push(...loaded.problems);
  const recalled = await recallLastGood(failed, deps.state, deps.localisation, previous.briefings ?? {});
  problems.push(...recalled.problems);
  const fallback = new Map(recalled.briefings.map((b) => [b.id, b]));

  const { progress } = deps;
  const store = progress ? trackWrites(deps.store, progress) : deps.store;
  let current = previous;
  for (let attempt = 0; ; attempt++) {
    const briefings: BriefingInput[] = [...loaded.briefings.filter((b) => !failed.has(b.id)), ...fallback.values()];
    // A briefing rendered from its last good copy must not carry the version (hash) of the text that failed.
    const versions = new Map([...loaded.hashes].filter(([id]) => !failed.has(id)));
    try {
      const { plan, model } = planBuild(deps, options, briefings, versions, loaded.listed, current, new Set([...failed].filter((id) => !fallback.has(id))));
      const publish = await executePlan(plan, store, current, options);
      progress?.done();
      return await finish(deps, { stored, previous, loaded, failed, problems, publish, model, stale: [...fallback.keys()].sort() });
    } catch (error) {
      const owner = error instanceof RenderFailure ? error.owner : undefined;
      if (!(error instanceof RenderFailure) || owner === undefined || attempt >= MAX_RENDER_RETRIES) throw error;
      current = { ...current, files: { ...current.files, ...error.written } };
      const file = `${deps.source.description}${loaded.keys.get(owner) ?? `briefings/${owner}.json`}`;
      if (fallback.has(owner) || failed.has(owner)) {
        fallback.delete(owner);
        problems.push({
          file,
          path: '$',
          severity: 'error',
          message: `${error.message}; neither the data nor its last good copy renders: its pages stay as they are`,
        });
        continue;
      }
      failed.add(owner);
      const copy = (await recallLastGood(new Set([owner]), deps.state, deps.localisation, previous.briefings ?? {})).briefings[0];
      if (copy) fallback.set(owner, copy);
      problems.push({
        file,
        path: '$',
        severity: 'error',
        message: `${error.message}; ${copy ? 'published from its last good copy' : 'its pages stay as they are'}`,
      });
    }
  }
}

function planBuild(
  deps: BuildDeps,
  options: BuildOptions,
  briefings: BriefingInput[],
  versions: ReadonlyMap<string, string>,
  listed: number,
  previous: Manifest,
  keepOwners: ReadonlySet<string>,
) {
  const model = buildSiteModel(briefings, { now: options.now, versions });
  const attributedFiles = [...renderSite(renderInput(deps, options, model))].map(attributed);
  const rendered = deps.progress ? trackRendering(attributedFiles, deps.progress) : attributedFiles;
  // The search index is deferred (built while the rest is written); its folder is reserved, so the guards decide now.
  const { files, index } = deps.search ? planSearchIndex(rendered, previous, deps.search, options.baseUrl) : { files: rendered, index: undefined };
  const plan: PublishPlan = planPublish({ files, listed, keepOwners, ...(index && { index }) }, previous, options);
  return { plan, model };
}

interface Outcome {
  readonly stored: StoredManifest;
  /** The manifest the plan was made against (verified, when asked). */
  readonly previous: Manifest;
  readonly loaded: LoadedBriefings;
  readonly failed: ReadonlySet<string>;
  readonly problems: readonly Problem[];
  readonly publish: PublishReport;
  readonly model: SiteModel;
  readonly stale: readonly string[];
}

/** After the site is written: last good copies, then the manifest, then the CDN. */
async function finish(deps: BuildDeps, outcome: Outcome): Promise<BuildReport> {
  const { previous, publish } = outcome;
  let invalidated: string[] = [];
  if (!publish.dryRun) {
    const remembered = await rememberLastGood(outcome.loaded, outcome.failed, previous, deps.state, deps.source);
    const next: Manifest = { version: 1, files: publish.files, briefings: remembered };
    if (!sameManifest(outcome.stored.manifest, next)) await deps.state.writeManifest(next, outcome.stored.version);
    if (deps.invalidator) {
      invalidated = invalidationPaths(publish);
      if (invalidated.length > 0) await deps.invalidator.invalidate(invalidated);
    }
  }
  return {
    problems: outcome.problems,
    published: outcome.model.briefings.map((b) => b.id),
    held: outcome.model.held,
    stale: outcome.stale,
    publish,
    invalidated,
  };
}

/** A planned file whose render failure names the file and its briefing, wherever it renders (the publisher, the indexer). */
function attributed(file: PlannedFile): PlannedFile {
  const render = file.render;
  return {
    ...file,
    render: () => {
      try {
        return render();
      } catch (error) {
        throw error instanceof RenderFailure ? error : new RenderFailure(file.path, file.owner, {}, error);
      }
    },
  };
}

export function renderInput(deps: BuildDeps, options: Pick<BuildOptions, 'baseUrl'>, model: SiteModel): RenderInput {
  return {
    model,
    theme: deps.theme,
    localisation: deps.localisation,
    config: { baseUrl: options.baseUrl, ...(deps.signature && { signature: deps.signature }) },
  };
}
