/**
 * The probes of issue 11 that involve S3, against the real S3 server (s3rver over HTTP, behind the
 * sandbox proxy that enforces conditional writes as S3 does): one test per probe, named after it.
 */
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { cityData } from '../helpers/fixtures';
import { S3Sandbox, allKeys, seedBucket } from '../helpers/s3';

let s3: S3Sandbox;
let client: S3Client;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await S3Sandbox.start(['data', 'site']);
  client = s3.client();
  await seedBucket(client, 'data', cityData(), 'full/');
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' });
});

afterAll(async () => {
  process.env = saved;
  client?.destroy();
  await s3?.close();
});

const STATE = 's3://data/state/';
const publish = (data: string, ...args: string[]) =>
  runCli([
    'publish',
    '--endpoint',
    s3.endpoint,
    '--base-url',
    'https://briefings.example.org/',
    '--data',
    `s3://data/${data}`,
    '--out',
    's3://site',
    '--state',
    STATE,
    ...args,
  ]);
const siteWrites = (from: number) => s3.served(from).filter((r) => /^(PUT|DELETE) \/site\//.test(r));
const body = async (bucket: string, key: string) => (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToString();
const bytes = async (bucket: string, key: string) => (await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))).Body!.transformToByteArray();

/** Manifest entries the bucket contradicts (missing or different bytes). */
async function contradictions(): Promise<string[]> {
  const manifest = JSON.parse(await body('data', 'state/manifest.json'));
  const keys = new Set(await allKeys(client, 'site'));
  const wrong: string[] = [];
  for (const [path, entry] of Object.entries<{ hash: string }>(manifest.files)) {
    if (!keys.has(path)) wrong.push(`${path} missing`);
    else if (
      createHash('sha256')
        .update(await bytes('site', path))
        .digest('hex') !== entry.hash
    )
      wrong.push(`${path} differs`);
  }
  return wrong;
}

/** A copy of the city data (cityData) under `prefix`, keeping only the first `keep` briefings. */
async function dataWith(prefix: string, keep: number): Promise<void> {
  await seedBucket(client, 'data', cityData(), `${prefix}/`);
  const keys = await allKeys(client, 'data', `${prefix}/briefings/`);
  for (const key of keys.slice(keep)) await client.send(new DeleteObjectCommand({ Bucket: 'data', Key: key }));
}

describe('S3 probes (s3rver over HTTP)', { timeout: 240_000 }, () => {
  it('first publish of the city data (three bundled briefings)', async () => {
    const run = await publish('full');
    expect(run.code).toBe(0);
    expect(await contradictions()).toEqual([]);
  });

  it('probe 1: an empty data prefix does not wipe the bucket: publish refuses by default, writing nothing', async () => {
    const from = s3.requests.length;
    const run = await publish('empty');
    expect(run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/the source lists 0 briefings but \d+ were published/);
    expect(run.err.join('\n')).toMatch(/refusing to delete \d+ files \(limit 100\); nothing was written/);
    expect(siteWrites(from)).toEqual([]);
  });

  it('probe 2: the max-deletes guard trips before the damage: a source that lost 2 of 3 rewrites no home page, index or feed', async () => {
    await dataWith('one', 1);
    const before = await body('site', 'en/index.html');
    const from = s3.requests.length;
    for (const args of [
      ['--max-deletes', '5'],
      ['--max-deletes', '5', '--allow-shrink'],
      ['--max-deletes', '10000'],
    ]) {
      const run = await publish('one', ...args);
      expect(run.code).toBe(1);
      expect(run.err.join('\n')).toContain('nothing was written');
    }
    expect(siteWrites(from)).toEqual([]);
    expect(await body('site', 'en/index.html')).toBe(before);
    expect(await allKeys(client, 'data', 'state/')).not.toContain('state/lease.json');
  });

  it('probe 4: two publishes at once do not diverge: the second waits for the first, the manifest matches the bucket', async () => {
    const doc = JSON.parse(await body('data', 'full/briefings/chengdu-2024-research-office-analysis.json'));
    doc.title.en = `${doc.title.en} (edited during an overlap)`;
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'full/briefings/chengdu-2024-research-office-analysis.json', Body: JSON.stringify(doc) }));
    // Either run may take a while on a busy machine: the one that waits, waits long enough (the lease's own TTL).
    const [a, b] = await Promise.all([publish('full', '--wait', '900'), publish('full', '--wait', '900')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const writes = [a, b].map((r) => Number(/wrote (\d+) files/.exec(r.out.join('\n'))?.[1]));
    expect(Math.min(...writes)).toBe(0); // the second ran after the first, against its manifest
    expect(Math.max(...writes)).toBeGreaterThan(0);
    expect(await contradictions()).toEqual([]);
    expect(await body('site', 'en/briefings/chengdu-2024-research-office-analysis/index.html')).toContain('(edited during an overlap)');
  });

  it('probe 4: a run that cannot get the lease fails clearly and writes nothing; a stale lease expires', async () => {
    const lease = (expires: Date) => JSON.stringify({ holder: 'another run', acquiredAt: '2026-01-01T00:00:00.000Z', expiresAt: expires.toISOString() });
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'state/lease.json', Body: lease(new Date(Date.now() + 3_600_000)) }));
    const from = s3.requests.length;
    const refused = await publish('full', '--wait', '1');
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(
      /^briefings publish: s3:\/\/data\/state\/lease\.json: another publish \(another run\) has held the state since 2026-01-01T00:00:00\.000Z/,
    );
    expect(siteWrites(from)).toEqual([]);
    await client.send(new PutObjectCommand({ Bucket: 'data', Key: 'state/lease.json', Body: lease(new Date(Date.now() - 1_000)) }));
    expect((await publish('full', '--wait', '1')).code).toBe(0);
    expect(await allKeys(client, 'data', 'state/')).not.toContain('state/lease.json');
  });

  it('probe 4: a manifest the bucket contradicts is detected and healed by publish --verify', async () => {
    await client.send(new PutObjectCommand({ Bucket: 'site', Key: 'en/feed.xml', Body: 'tampered' }));
    await client.send(new DeleteObjectCommand({ Bucket: 'site', Key: 'zh/index.html' }));
    expect((await contradictions()).sort()).toEqual(['en/feed.xml differs', 'zh/index.html missing']);
    expect((await publish('full')).out.join('\n')).toMatch(/wrote 0 files/); // the manifest alone cannot know
    const healed = await publish('full', '--verify');
    expect(healed.code).toBe(0);
    expect(healed.err.filter((l) => l.includes('not as the manifest says'))).toHaveLength(2);
    expect(healed.out.join('\n')).toMatch(/wrote 2 files/);
    expect(await contradictions()).toEqual([]);
  });
});
