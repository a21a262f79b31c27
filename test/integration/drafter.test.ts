import { PutObjectCommand, GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBriefing } from '../../lambdas/core/model/validate';
import { type Drafter, createDrafter, handleReportEvent } from '../../lambdas/handlers/drafter';
import type { Log } from '../../lambdas/handlers/publisher';
import { eventBody } from '../helpers/events';
import { PROJECT_ROOT } from '../helpers/lexicons';
import { S3Sandbox, allKeys } from '../helpers/s3';

let s3: S3Sandbox;
let client: S3Client;
let drafter: Drafter;
const logs: string[] = [];
const log: Log = { info: (m) => logs.push(`info ${m}`), warn: (m) => logs.push(`warn ${m}`), error: (m) => logs.push(`error ${m}`) };

const reportEvent = (key: string): S3Event =>
  JSON.parse(eventBody('s3/report-created', (b) => (b.Records[0].s3.object.key = encodeURIComponent(key).replace(/%2F/g, '/'))));
const text = async (key: string) => (await client.send(new GetObjectCommand({ Bucket: 'data', Key: key }))).Body!.transformToString();

beforeAll(async () => {
  s3 = await S3Sandbox.start(['data']);
  client = s3.client();
  drafter = await createDrafter({ dataBucket: 'data' }, client);
});

afterAll(async () => {
  client?.destroy();
  await s3?.close();
});

describe('the drafting function (S3 server over HTTP)', () => {
  it('turns a report under reports/ into a valid draft under drafts/, never briefings/', async () => {
    const report = readFileSync(join(PROJECT_ROOT, 'data/sources/004_b6fedf8a98c80540.txt'));
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'reports/chengdu-analysis-2024.txt', Body: report }));
    await handleReportEvent(JSON.parse(eventBody('s3/report-created')), drafter, log, () => new Date('2026-11-22T00:00:00Z'));
    expect(await allKeys(client, 'data', 'drafts/')).toEqual(['drafts/chengdu-analysis-2024.json']);
    expect(await allKeys(client, 'data', 'briefings/')).toEqual([]);
    const draft = JSON.parse(await text('drafts/chengdu-analysis-2024.json'));
    expect(draft).toMatchObject({ id: 'chengdu-analysis-2024', status: 'draft', region: 'chengdu', source: { file: 'chengdu-analysis-2024.txt' } });
    expect(draft.indicators.length).toBeGreaterThan(5);
    expect(Array.isArray(draft.unmatched)).toBe(true);
    const problems = validateBriefing(draft, { file: 'draft', localisation: drafter.localisation, sourceText: report.toString('utf8') }).problems;
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('records why a report could not be drafted, next to the drafts, without throwing', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'reports/scan.pdf', Body: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x00, 0x13]) }));
    await handleReportEvent(reportEvent('reports/scan.pdf'), drafter, log);
    const outcome = JSON.parse(await text('drafts/scan.error.json'));
    expect(outcome.report).toBe('reports/scan.pdf');
    expect(outcome.error).toMatch(/binary|not text/i);
  });

  it('names a draft of a report with a Chinese file name by its content', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'reports/成都报告.txt', Body: '成都市2024年地区生产总值增长5.7%。' }));
    await handleReportEvent(reportEvent('reports/成都报告.txt'), drafter, log);
    expect((await allKeys(client, 'data', 'drafts/')).filter((k) => /^drafts\/report-[0-9a-f]{8}\.json$/.test(k))).toHaveLength(1);
  });

  it('ignores keys outside reports/', async () => {
    const from = s3.requests.length;
    logs.length = 0;
    await handleReportEvent(reportEvent('briefings/x.json'), drafter, log);
    expect(s3.served(from)).toEqual([]);
    expect(logs).toEqual(['warn not a report upload; ignored']);
  });
});
