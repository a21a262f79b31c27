import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { createS3Client } from '../adapters/s3/client';
import { ObjectTooLargeError, getBytes, putText } from '../adapters/s3/objects';
import { loadProject } from '../adapters/fs/loadProject';
import { draftIdFor, draftReport } from '../core/extract/draftReport';
import type { Localisation } from '../core/i18n/localisation';
import type { Log } from './publisher';

/** Report texts arrive under reports/; drafts go to drafts/, never briefings/: nothing is published unreviewed. */
export const REPORTS_PREFIX = 'reports/';
export const DRAFTS_PREFIX = 'drafts/';

export interface DrafterConfig {
  readonly dataBucket: string;
  readonly s3Endpoint?: string;
}

export interface Drafter {
  readonly config: DrafterConfig;
  readonly s3: S3Client;
  readonly localisation: Localisation;
}

export function readDrafterConfig(env: Readonly<Record<string, string | undefined>>): DrafterConfig {
  const dataBucket = env.DATA_BUCKET?.trim();
  if (!dataBucket) throw new Error('invalid configuration: DATA_BUCKET is required');
  return { dataBucket, ...(env.S3_ENDPOINT && { s3Endpoint: env.S3_ENDPOINT }) };
}

export async function createDrafter(config: DrafterConfig, s3?: S3Client): Promise<Drafter> {
  const { localisation } = await loadProject();
  return { config, localisation, s3: s3 ?? createS3Client(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {}) };
}

/**
 * Each report uploaded under reports/ → `drafts/<id>.json` (unmatched phrases listed inside), or,
 * when no draft can be made (not text, region unknown), `drafts/<id>.error.json` saying why: the
 * editor sees the outcome next to the drafts either way, and a bad file is not retried forever.
 * Only failures to read or write S3 throw, so Lambda retries them.
 */
export async function handleReportEvent(event: S3Event, drafter: Drafter, log: Log, now: () => Date = () => new Date()): Promise<void> {
  for (const record of event.Records ?? []) {
    const key = decodeURIComponent((record.s3?.object?.key ?? '').replace(/\+/g, ' '));
    if (!key.startsWith(REPORTS_PREFIX) || record.s3?.bucket?.name !== drafter.config.dataBucket) {
      log.warn('not a report upload; ignored', { key, bucket: record.s3?.bucket?.name });
      continue;
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await getBytes(drafter.s3, drafter.config.dataBucket, key);
    } catch (error) {
      if (!(error instanceof ObjectTooLargeError)) throw error;
      const id = draftIdFor(key, createHash('sha256').update(key).digest('hex'));
      await writeOutcome(drafter, `${DRAFTS_PREFIX}${id}.error.json`, { report: key, error: error.message });
      log.error('report too large', { key });
      continue;
    }
    if (bytes === undefined) {
      log.warn('report gone before it was read; ignored', { key });
      continue;
    }
    const id = draftIdFor(key, createHash('sha256').update(bytes).digest('hex'));
    try {
      const result = draftReport(bytes, { localisation: drafter.localisation, file: key, id, fallbackYear: now().getUTCFullYear() });
      await writeOutcome(drafter, `${DRAFTS_PREFIX}${id}.json`, result.draft);
      log.info('draft written', { key, draft: `${DRAFTS_PREFIX}${id}.json`, indicators: result.draft.indicators.length, unmatched: result.unmatched.length });
    } catch (error) {
      if (!(error instanceof Error) || !['DecodeError', 'ExtractError', 'RegionError', 'DraftInvalidError'].includes(error.name)) throw error;
      await writeOutcome(drafter, `${DRAFTS_PREFIX}${id}.error.json`, { report: key, error: error.message });
      log.error('no draft for this report', { key, reason: error.message });
    }
  }
}

function writeOutcome(drafter: Drafter, key: string, value: unknown): Promise<void> {
  return putText(drafter.s3, drafter.config.dataBucket, key, `${JSON.stringify(value, null, 2)}\n`, 'application/json; charset=utf-8');
}
