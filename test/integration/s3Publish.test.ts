import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, DeleteObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryInvalidator } from '../../lambdas/adapters/memory/memoryStores';
import { S3BriefingSource } from '../../lambdas/adapters/s3/s3Stores';
import { readPublisherConfig } from '../../lambdas/handlers/config';
import { type Log, type Publisher, createPublisher, handlePublishBatch } from '../../lambdas/handlers/publisher';
import { eventBody, sqsEvent } from '../helpers/events';
import { FIXTURE_SITE, cityData } from '../helpers/fixtures';
import { S3Sandbox, allKeys, failTimes, seedBucket } from '../helpers/s3';

const BASE_URL = 'https://briefings.example.org/';
const NOW = new Date('2026-11-22T04:00:00Z');
const CHANGED_ID = 'chengdu-2024-research-office-analysis';

let s3: S3Sandbox;
let client: S3Client;
let publisher: Publisher;
let invalidator: MemoryInvalidator;
const logs: Array<{ level: string; message: string; extra: Record<string, unknown> }> = [];
const log: Log = {
  info: (message, ...extra) => logs.push({ level: 'info', message, extra: Object.assign({}, ...extra) }),
  warn: (message, ...extra) => logs.push({ level: 'warn', message, extra: Object.assign({}, ...extra) }),
  error: (message, ...extra) => logs.push({ level: 'error', message, extra: Object.assign({}, ...extra) }),
};

const text = async (bucket: string, key: string) => (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
const putData = (key: string, body: string | Buffer) => client.send(new PutObjectCommand({ Bucket: 'data', Key: key, Body: body }));
const publish = (now = NOW, ...bodies: string[]) =>
  handlePublishBatch(sqsEvent(...(bodies.length ? bodies : [eventBody('s3/briefing-created')])), publisher, log, () => now);
const siteWrites = (from: number) => s3.served(from).filter((r) => /^(PUT|DELETE) \/site\//.test(r));

/** Every link in every page and feed on the site leads to an object that exists. */
async function brokenLinks(): Promise<string[]> {
  const keys = new Set(await allKeys(client, 'site'));
  const broken: string[] = [];
  for (const key of keys) {
    if (!/\.(html|xml|json)$/.test(key)) continue;
    const body = await text('site', key);
    const links = [...body.matchAll(/(?:href="|<link>|"url": ")(?:https:\/\/briefings\.example\.org)?(\/[^"<#]*)/g)].map((m) => m[1] as string);
    for (const link of links) {
      const target = link.slice(1).endsWith('/') || link === '/' ? `${link.slice(1)}index.html` : link.slice(1);
      if (!keys.has(target)) broken.push(`${key} → ${link}`);
    }
  }
  return broken;
}

beforeAll(async () => {
  s3 = await S3Sandbox.start(['data', 'site']);
  client = s3.client();
  await seedBucket(client, 'data', cityData());
  const config = readPublisherConfig({ DATA_BUCKET: 'data', SITE_BUCKET: 'site', BASE_URL, S3_ENDPOINT: s3.endpoint, MAX_DELETES: '200' });
  invalidator = new MemoryInvalidator();
  const created = await createPublisher(config, () => client);
  publisher = { ...created, deps: { ...created.deps, invalidator } };
});

afterAll(async () => {
  client?.destroy();
  await s3?.close();
});

// Real HTTP round trips and the SDK's retry back-off (up to 6 attempts per request): generous time, never flaky.
describe('publishing to S3 from the publisher handler (s3rver over HTTP)', { timeout: 180_000 }, () => {
  it('first publish uploads the whole site, with media types and cache policy, state kept out of the site bucket', async () => {
    const from = s3.requests.length;
    const response = await publish();
    expect(response.batchItemFailures).toEqual([]);
    const keys = await allKeys(client, 'site');
    const puts = siteWrites(from).filter((r) => r.startsWith('PUT'));
    expect(puts).toHaveLength(keys.length);
    expect(keys).toEqual(expect.arrayContaining(['index.html', '404.html', 'sitemap.xml', 'en/feed.xml', `zh/briefings/${CHANGED_ID}/index.html`]));
    expect(keys.some((k) => k.includes('manifest') || k.startsWith('state/'))).toBe(false);
    expect(await allKeys(client, 'data', 'state/')).toEqual(expect.arrayContaining(['state/manifest.json', `state/last-good/${CHANGED_ID}.json`]));
    const head = async (key: string) => client.send(new HeadObjectCommand({ Bucket: 'site', Key: key }));
    expect((await head('en/feed.xml')).ContentType).toBe('application/rss+xml; charset=utf-8');
    expect((await head('en/atom.xml')).ContentType).toBe('application/atom+xml; charset=utf-8');
    expect((await head('en/feed.json')).ContentType).toBe('application/feed+json; charset=utf-8');
    expect((await head('en/index.html')).ContentType).toBe('text/html; charset=utf-8');
    expect((await head('en/index.html')).CacheControl).toBe('public, max-age=300, s-maxage=86400');
    const css = keys.find((k) => k.startsWith('assets/'))!;
    expect((await head(css)).CacheControl).toBe('public, max-age=31536000, immutable');
    expect(invalidator.requests).toEqual([]);
    console.info(`first publish: ${puts.length} PUTs, 0 DELETEs, 0 invalidation paths`);
  });

  it('a second publish with no change makes 0 PUTs, 0 DELETEs and no invalidation (but takes and gives back the lease)', async () => {
    const from = s3.requests.length;
    const response = await publish(NOW, eventBody('schedule/tick'));
    expect(response.batchItemFailures).toEqual([]);
    expect(siteWrites(from)).toEqual([]);
    expect(s3.served(from).filter((r) => r.startsWith('PUT') || r.startsWith('DELETE'))).toEqual([
      'PUT /data/state/lease.json',
      'DELETE /data/state/lease.json',
    ]);
    expect(invalidator.requests).toEqual([]);
    console.info('no-op publish: 0 PUTs, 0 DELETEs, 0 invalidation paths');
  });

  it('one changed briefing rewrites only its pages and the indexes, feeds and sitemap that changed', async () => {
    const doc = JSON.parse(await text('data', `briefings/${CHANGED_ID}.json`));
    doc.title.en = `${doc.title.en} (revised)`;
    await putData(`briefings/${CHANGED_ID}.json`, JSON.stringify(doc, null, 2));
    const from = s3.requests.length;
    expect((await publish()).batchItemFailures).toEqual([]);
    const written = siteWrites(from).map((r) => r.replace('PUT /site/', ''));
    expect(written).toContain(`en/briefings/${CHANGED_ID}/index.html`);
    expect(written).toContain('en/feed.xml');
    expect(written).not.toContain(`zh/briefings/${CHANGED_ID}/index.html`);
    expect(written).not.toContain('zh/feed.xml');
    expect(written.every((w) => !w.startsWith('DELETE'))).toBe(true);
    const total = (await allKeys(client, 'site')).length;
    // Only the English title changed: nothing Chinese, and nothing of the other briefing, is rewritten
    // (its language-neutral download names the title, so it goes out again).
    expect(written.filter((w) => !w.startsWith('en/') && w !== 'sitemap.xml' && w !== `data/briefings/${CHANGED_ID}.json`)).toEqual([]);
    expect(written.filter((w) => w.includes('chengdu-2026-work-report'))).toEqual([]);
    expect(invalidator.requests).toHaveLength(1);
    expect(invalidator.requests[0]).toEqual(written.map((w) => `/${w}`).sort());
    console.info(`one-change publish: ${written.length} PUTs of ${total} objects, 0 DELETEs, ${invalidator.requests[0]?.length} invalidation paths`);
  });

  it('a broken data file is reported and the published version of that briefing stays online', async () => {
    const before = await text('site', `en/briefings/${CHANGED_ID}/index.html`);
    await putData(`briefings/${CHANGED_ID}.json`, '{"id": "chengdu-2024-research-office-analysis", "indicators": [');
    logs.length = 0;
    const from = s3.requests.length;
    expect((await publish()).batchItemFailures).toEqual([]);
    expect(logs.some((l) => l.level === 'error' && String(l.extra.problem).includes(`briefings/${CHANGED_ID}.json: $: not valid JSON`))).toBe(true);
    expect(siteWrites(from)).toEqual([]);
    expect(await text('site', `en/briefings/${CHANGED_ID}/index.html`)).toBe(before);
    expect(await text('site', 'en/feed.xml')).toContain(CHANGED_ID);
  });

  it('non-JSON and huge objects under briefings/ are reported with their key, and nothing is deleted', async () => {
    await putData('briefings/not-json.json', Buffer.from([0xff, 0xfe, 0x00, 0x01]));
    await putData('briefings/huge.json', Buffer.alloc(17 * 1024 * 1024, 0x20));
    logs.length = 0;
    const from = s3.requests.length;
    expect((await publish()).batchItemFailures).toEqual([]);
    const problems = logs.filter((l) => l.message === 'data problem').map((l) => String(l.extra.problem));
    expect(problems.some((p) => p.includes('briefings/not-json.json: $: cannot read: ') && p.includes('not UTF-8'))).toBe(true);
    expect(problems.some((p) => p.includes('briefings/huge.json: $: cannot read: ') && p.includes('limit'))).toBe(true);
    expect(siteWrites(from).filter((r) => r.startsWith('DELETE'))).toEqual([]);
    await client.send(new DeleteObjectCommand({ Bucket: 'data', Key: 'briefings/not-json.json' }));
    await client.send(new DeleteObjectCommand({ Bucket: 'data', Key: 'briefings/huge.json' }));
  });

  it('retries 503 SlowDown and connection resets, and publishes', async () => {
    const original = readFileSync(join(cityData(), 'briefings', `${CHANGED_ID}.json`), 'utf8');
    await putData(`briefings/${CHANGED_ID}.json`, original);
    s3.rules = [
      failTimes(3, '503', (m, p) => m === 'PUT' && p.startsWith('/site/')),
      failTimes(2, 'reset', (m, p) => m === 'PUT' && p.startsWith('/site/')),
      failTimes(1, '503', (m) => m === 'GET'),
    ];
    const from = s3.requests.length;
    expect((await publish()).batchItemFailures).toEqual([]);
    expect(s3.requests.slice(from).filter((r) => r.fault)).toHaveLength(6);
    expect(await text('site', `en/briefings/${CHANGED_ID}/index.html`)).not.toContain('(revised)');
    s3.rules = [];
  });

  it('a publish that still fails is retried by SQS and leaves the site consistent', async () => {
    const doc = JSON.parse(await text('data', `briefings/${CHANGED_ID}.json`));
    doc.title.en = 'A title that will not make it to the indexes';
    await putData(`briefings/${CHANGED_ID}.json`, JSON.stringify(doc));
    await putData(
      'briefings/new-briefing-2026.json',
      readFileSync(join(FIXTURE_SITE, 'briefings/sample-district-2024.json'), 'utf8').replace('sample-district-2024', 'new-briefing-2026'),
    );
    await putData('sources/sample-report.txt', readFileSync(join(FIXTURE_SITE, 'sources/sample-report.txt')));
    s3.rules = [(m, p) => (m === 'PUT' && p === '/site/en/index.html' ? '503' : undefined)];
    const event = sqsEvent(eventBody('s3/briefing-created'), eventBody('schedule/tick'));
    const response = await handlePublishBatch(event, publisher, log, () => NOW);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(event.Records.map((r) => r.messageId).sort());
    expect(await brokenLinks()).toEqual([]);
    s3.rules = [];
    expect((await publish()).batchItemFailures).toEqual([]);
    expect(await text('site', 'en/index.html')).toContain('new-briefing-2026');
    expect(await brokenLinks()).toEqual([]);
  });

  it('a removed briefing disappears from indexes and feeds first, then its pages are deleted', async () => {
    await client.send(new DeleteObjectCommand({ Bucket: 'data', Key: 'briefings/new-briefing-2026.json' }));
    const from = s3.requests.length;
    expect((await publish(NOW, eventBody('s3/briefing-removed'))).batchItemFailures).toEqual([]);
    const writes = siteWrites(from);
    const firstDelete = writes.findIndex((w) => w.startsWith('DELETE'));
    expect(firstDelete).toBeGreaterThan(0);
    expect(writes.slice(firstDelete).every((w) => w.startsWith('DELETE'))).toBe(true);
    expect(writes.slice(0, firstDelete)).toContain('PUT /site/en/feed.xml');
    expect(writes).toContain('DELETE /site/en/briefings/new-briefing-2026/index.html');
    expect(await text('site', 'en/feed.xml')).not.toContain('new-briefing-2026');
    expect(await allKeys(client, 'data', 'state/last-good/')).not.toContain('state/last-good/new-briefing-2026.json');
    expect(await brokenLinks()).toEqual([]);
  });

  it('keeps a briefing with publishAt in the future hidden until a run after that time', async () => {
    const scheduled = JSON.parse(readFileSync(join(FIXTURE_SITE, 'briefings/sample-scheduled-2026.json'), 'utf8'));
    await putData('briefings/sample-scheduled-2026.json', JSON.stringify(scheduled));
    await publish(new Date('2026-12-01T00:59:00Z'));
    expect(await allKeys(client, 'site', 'en/briefings/sample-scheduled-2026/')).toEqual([]);
    expect(await text('site', 'en/feed.xml')).not.toContain('A scheduled briefing');
    await publish(new Date('2026-12-01T01:00:00Z'), eventBody('schedule/tick'));
    expect(await allKeys(client, 'site', 'en/briefings/sample-scheduled-2026/')).toEqual(['en/briefings/sample-scheduled-2026/index.html']);
    expect(await text('site', 'en/feed.xml')).toContain('A scheduled briefing');
  });

  it('reports messages it cannot understand as failures, ignores the rest, and publishes nothing for them', async () => {
    const from = s3.requests.length;
    const event = sqsEvent('{oops', '{"detail-type":"Something"}', eventBody('s3/test-event'), eventBody('s3/outside-briefings'));
    const response = await handlePublishBatch(event, publisher, log, () => NOW);
    expect(response.batchItemFailures.map((f) => f.itemIdentifier)).toEqual(event.Records.slice(0, 2).map((r) => r.messageId));
    expect(s3.served(from)).toEqual([]);
  });

  it('lists data with pagination (ListObjectsV2 continuation tokens)', async () => {
    const source = new S3BriefingSource(client, { bucket: 'data', prefix: '' }, 1);
    const from = s3.requests.length;
    const keys = await source.listBriefings();
    expect(keys).toEqual(expect.arrayContaining([`briefings/${CHANGED_ID}.json`, 'briefings/chengdu-2026-work-report.json']));
    expect(keys.length).toBeGreaterThan(2);
    expect(s3.served(from).filter((r) => r.startsWith('GET /data')).length).toBe(keys.length);
  });
});
