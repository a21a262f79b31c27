/**
 * What a publish sends to S3 and the CDN, counted at a local S3 server (s3rver): PUTs and DELETEs
 * on the site bucket and invalidation paths, for a first publish, a republish with nothing changed
 * and a republish after one briefing changed.
 */
import { loadProject } from '../lambdas/adapters/fs/loadProject';
import { MemoryInvalidator } from '../lambdas/adapters/memory/memoryStores';
import { AWS_ADAPTERS } from '../lambdas/adapters/awsAdapters';
import { openTargets } from '../lambdas/adapters/targets';
import { runBuild } from '../lambdas/core/build/runBuild';
import { S3Sandbox } from '../test/helpers/s3';

export interface PublishFigures {
  readonly puts: number;
  readonly deletes: number;
  readonly invalidationPaths: number;
  readonly wall: number;
}

export async function publishFigures(dataDir: string, changeOne: () => void): Promise<Record<'first' | 'noop' | 'oneChange', PublishFigures>> {
  const s3 = await S3Sandbox.start(['site', 'data']);
  try {
    const project = await loadProject();
    const targets = openTargets({ data: dataDir, out: 's3://site', state: 's3://data/state/' }, AWS_ADAPTERS, () => s3.client());
    const run = async (): Promise<PublishFigures> => {
      const from = s3.requests.length;
      const invalidator = new MemoryInvalidator();
      const started = process.hrtime.bigint();
      await runBuild({ ...targets, ...project, invalidator }, { baseUrl: new URL('https://example.org/'), now: new Date('2030-01-01T00:00:00Z') });
      const wall = Number(process.hrtime.bigint() - started) / 1e9;
      const writes = s3.served(from).filter((r) => r.includes(' /site/'));
      return {
        puts: writes.filter((r) => r.startsWith('PUT ')).length,
        deletes: writes.filter((r) => r.startsWith('DELETE ')).length,
        invalidationPaths: invalidator.requests.flat().length,
        wall,
      };
    };
    const first = await run();
    const noop = await run();
    changeOne();
    const oneChange = await run();
    return { first, noop, oneChange };
  } finally {
    await s3.close();
  }
}
