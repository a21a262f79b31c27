import { FsBriefingSource } from '../../lambdas/adapters/fs/fsBriefingSource';
import { loadProject } from '../../lambdas/adapters/fs/loadProject';
import { loadBriefings } from '../../lambdas/core/build/loadBriefings';
import { buildSiteModel } from '../../lambdas/core/model/site';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';
import { renderSiteToMemory } from '../../lambdas/core/render/renderSite';
import { FIXTURE_SITE } from './fixtures';

export const TEST_BASE_URL = 'https://briefings.example.org/';
export const TEST_NOW = new Date('2026-06-01T00:00:00Z');

/** Renders a data folder to memory, as the build would publish it. */
export async function renderDataFolder(dir: string, options: { baseUrl?: string; now?: Date } = {}): Promise<Map<string, OutputFile<string>>> {
  const { localisation, theme } = await loadProject();
  const loaded = await loadBriefings(new FsBriefingSource(dir), localisation);
  if (loaded.problems.some((p) => p.severity === 'error')) throw new Error(`fixture has errors: ${JSON.stringify(loaded.problems)}`);
  const model = buildSiteModel(loaded.briefings, { now: options.now ?? TEST_NOW });
  return renderSiteToMemory({ model, theme, localisation, config: { baseUrl: new URL(options.baseUrl ?? TEST_BASE_URL) } });
}

export function renderFixtureSite(options: { baseUrl?: string; now?: Date } = {}): Promise<Map<string, OutputFile<string>>> {
  return renderDataFolder(FIXTURE_SITE, options);
}

export function body(site: Map<string, OutputFile<string>>, path: string): string {
  const file = site.get(path);
  if (!file) throw new Error(`no ${path} in the site; have: ${[...site.keys()].join(', ')}`);
  return file.body;
}
