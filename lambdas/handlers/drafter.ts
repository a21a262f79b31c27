import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { loadProject } from '../adapters/fs/loadProject';
import { createS3Client } from '../adapters/s3/client';
import { S3DraftStore, S3ReportSource } from '../adapters/s3/s3Stores';
import { DecodeError } from '../core/extract/decode';
import { DraftInvalidError, draftIdFor, draftReport } from '../core/extract/draftReport';
import { ExtractError } from '../core/extract/extractDraft';
import { RegionError } from '../core/extract/region';
import type { Localisation } from '../core/i18n/localisation';
import { TooLargeError } from '../core/model/limits';
import type { DraftStore, ReportSource } from '../core/ports';
import { decodeEventKey } from './eventKeys';
import type { Log } from './publisher';

/** Report texts arrive under reports/; drafts go to drafts/, never briefings/: nothing is published unreviewed. */
export const REPORTS_PREFIX = 'reports/';
export const DRAFTS_PREFIX = 'drafts/';

export interface DrafterConfig {
  readonly dataBucket: string;
  readonly s3Endpoint?: string;
}

/** The drafting function's parts, behind ports like the publisher's (S3 in Lambda, memory in tests). */
export interface Drafter {
  readonly config: DrafterConfig;
  /** Keys as the events name them (`reports/…`). */
  readonly reports: ReportSource;
  /** Names relative to drafts/. */
  readonly drafts: DraftStore;
  readonly localisation: Localisation;
}

export function readDrafterConfig(env: Readonly<Record<string, string | undefined>>): DrafterConfig {
  const dataBucket = env.DATA_BUCKET?.trim();
  if (!dataBucket) throw new Error('invalid configuration: DATA_BUCKET is required');
  return { dataBucket, ...(env.S3_ENDPOINT && { s3Endpoint: env.S3_ENDPOINT }) };
}

export async function createDrafter(config: DrafterConfig, s3?: S3Client): Promise<Drafter> {
  const { localisation } = await loadProject();
  const client = s3 ?? createS3Client(config.s3Endpoint ? { endpoint: config.s3Endpoint } : {});
  return {
    config,
    localisation,
    reports: new S3ReportSource(client, { bucket: config.dataBucket, prefix: '' }),
    drafts: new S3DraftStore(client, { bucket: config.dataBucket, prefix: DRAFTS_PREFIX }),
  };
}

/** Why a report yields no draft: a note for the editor, not a failure to retry. */
const NO_DRAFT = [DecodeError, ExtractError, RegionError, DraftInvalidError] as const;

/**
 * Each report uploaded under reports/ → `drafts/<id>.json` (unmatched phrases listed inside), or,
 * when no draft can be made (not text, too large, region unknown), `drafts/<id>.error.json` saying
 * why: the editor sees the outcome next to the drafts either way, and a bad file is not retried
 * forever. Each record stands alone; only failures to read or write storage throw, so Lambda retries them.
 */
export async function handleReportEvent(event: S3Event, drafter: Drafter, log: Log, now: () => Date = () => new Date()): Promise<void> {
  for (const record of event.Records ?? []) {
    const raw = record.s3?.object?.key ?? '';
    const key = decodeEventKey(raw);
    if (key === undefined) {
      log.warn('report key is not URL-encoded; ignored', { key: raw });
      continue;
    }
    if (!key.startsWith(REPORTS_PREFIX) || record.s3?.bucket?.name !== drafter.config.dataBucket) {
      log.warn('not a report upload; ignored', { key, bucket: record.s3?.bucket?.name });
      continue;
    }
    await draftOne(key, drafter, log, now);
  }
}

async function draftOne(key: string, drafter: Drafter, log: Log, now: () => Date): Promise<void> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await drafter.reports.read(key);
  } catch (error) {
    if (!(error instanceof TooLargeError)) throw error;
    const id = draftIdFor(key, createHash('sha256').update(key).digest('hex'));
    await drafter.drafts.write(`${id}.error.json`, { report: key, error: error.message });
    log.error('report too large', { key });
    return;
  }
  if (bytes === undefined) {
    log.warn('report gone before it was read; ignored', { key });
    return;
  }
  const id = draftIdFor(key, createHash('sha256').update(bytes).digest('hex'));
  try {
    const result = draftReport(bytes, { localisation: drafter.localisation, file: key, id, fallbackYear: now().getUTCFullYear() });
    await drafter.drafts.write(`${id}.json`, result.draft);
    log.info('draft written', { key, draft: `${DRAFTS_PREFIX}${id}.json`, indicators: result.draft.indicators.length, unmatched: result.unmatched.length });
  } catch (error) {
    if (!NO_DRAFT.some((type) => error instanceof type)) throw error;
    await drafter.drafts.write(`${id}.error.json`, { report: key, error: (error as Error).message });
    log.error('no draft for this report', { key, reason: (error as Error).message });
  }
}
