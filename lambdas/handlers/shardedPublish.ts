import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../adapters/s3/client';
import { deleteKey, getText, listKeys, putText } from '../adapters/s3/objects';
import { type ShardResult, runMerge, runShard } from '../core/build/shardedBuild';
import { readPublisherConfig } from './config';
import { type Publisher, createPublisher } from './publisher';

/**
 * The Step Functions republish at scale (infra/constructs/shardedPublish.ts): a Distributed Map
 * hands each `shard` call a batch of the data bucket's listing; `merge` runs once after all of them.
 * Shard results go to `state/shards/<run>/` (a Map's results could pass the 256 KB state limit).
 */

/** What the Distributed Map's item batcher passes: a batch of ListObjectsV2 entries and the run's name. */
export interface ShardEvent {
  readonly Items: ReadonlyArray<{ readonly Key: string }>;
  readonly BatchInput: { readonly runId: string };
}

export interface MergeEvent {
  readonly runId: string;
}

let ready: Promise<{ publisher: Publisher; s3: S3Client }> | undefined;
const setUp = () =>
  (ready ??= (async () => {
    const config = readPublisherConfig(process.env);
    const s3 = createS3Client(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {});
    return { publisher: await createPublisher(config, () => s3), s3 };
  })());

const RUN_ID = /^[\w.-]{1,80}$/;
const shardFolder = (publisher: Publisher, runId: string) => {
  if (!RUN_ID.test(runId)) throw new Error(`not a run id: ${JSON.stringify(runId)}`);
  return `${publisher.config.statePrefix}shards/${runId}/`;
};

export async function shard(event: ShardEvent): Promise<{ readonly files: number }> {
  const { publisher, s3 } = await setUp();
  const { dataPrefix, dataBucket, baseUrl, maxDeletes } = publisher.config;
  const keys = event.Items.map((item) => item.Key.slice(dataPrefix.length)).filter((key) => /^briefings\/[^/]+\.json$/.test(key));
  const result = await runShard(publisher.deps, { baseUrl, now: new Date(), maxDeletes }, keys);
  const name = keys[0]?.replace(/^briefings\/|\.json$/g, '') ?? 'empty';
  await putText(s3, dataBucket, `${shardFolder(publisher, event.BatchInput.runId)}${name}.json`, JSON.stringify(result), 'application/json');
  return { files: Object.keys(result.files).length };
}

export async function merge(event: MergeEvent): Promise<{ readonly uploads: number; readonly deletes: number; readonly invalidated: number }> {
  const { publisher, s3 } = await setUp();
  const { dataBucket, baseUrl, maxDeletes } = publisher.config;
  const folder = shardFolder(publisher, event.runId);
  const keys = await listKeys(s3, dataBucket, folder);
  const shards: ShardResult[] = [];
  for (const key of keys) shards.push(JSON.parse((await getText(s3, dataBucket, key)) ?? '{}') as ShardResult);
  const report = await runMerge(publisher.deps, { baseUrl, now: new Date(), maxDeletes }, shards);
  for (const key of keys) await deleteKey(s3, dataBucket, key);
  return { uploads: report.publish.uploads.length, deletes: report.publish.deletes.length, invalidated: report.invalidated.length };
}
