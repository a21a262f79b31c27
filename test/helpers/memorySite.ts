import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryBriefingSource, MemoryInvalidator, MemorySiteStore, MemoryStateStore } from '../../lambdas/adapters/memory/memoryStores';
import { loadProject } from '../../lambdas/adapters/fs/loadProject';
import { type BuildReport, runBuild } from '../../lambdas/core/build/runBuild';
import type { OutputFile } from '../../lambdas/core/render/outputFormats';
import { FIXTURE_SITE } from './fixtures';
import { TEST_BASE_URL, TEST_NOW } from './site';

/** The fixture data folder as an in-memory source that a test may edit. */
export function fixtureSource(dir: string = FIXTURE_SITE): MemoryBriefingSource {
  const files = new Map<string, string>();
  for (const folder of ['briefings', 'sources']) {
    for (const name of readdirSync(join(dir, folder))) files.set(`${folder}/${name}`, readFileSync(join(dir, folder, name), 'utf8'));
  }
  return new MemoryBriefingSource(files);
}

/** A store that remembers the order of every write, to check publish ordering. */
export class RecordingStore extends MemorySiteStore {
  readonly log: string[] = [];
  override async put(file: OutputFile): Promise<void> {
    this.log.push(`put ${file.role} ${file.path}`);
    await super.put(file);
  }
  override async delete(path: string): Promise<void> {
    this.log.push(`delete ${path}`);
    await super.delete(path);
  }
  reset(): void {
    this.log.length = 0;
    this.puts = 0;
    this.deletes = 0;
  }
}

/** Everything a build touches, in memory. */
export interface MemoryRig {
  source: MemoryBriefingSource;
  store: RecordingStore;
  state: MemoryStateStore;
  invalidator: MemoryInvalidator;
}

export function memoryRig(dir?: string): MemoryRig {
  return { source: fixtureSource(dir), store: new RecordingStore(), state: new MemoryStateStore(), invalidator: new MemoryInvalidator() };
}

export async function buildInMemory(rig: MemoryRig, options: { now?: Date; maxDeletes?: number; dryRun?: boolean } = {}): Promise<BuildReport> {
  const project = await loadProject();
  return runBuild({ ...rig, ...project }, { baseUrl: new URL(TEST_BASE_URL), now: options.now ?? TEST_NOW, ...options });
}
