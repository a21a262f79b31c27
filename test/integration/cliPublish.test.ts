import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { FIXTURE_SITE } from '../helpers/fixtures';
import { S3Sandbox, allKeys, seedBucket } from '../helpers/s3';

let s3: S3Sandbox;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await S3Sandbox.start(['data', 'site', 'other-site']);
  await seedBucket(s3.client(), 'data', FIXTURE_SITE, 'cities/');
  // The CLI takes credentials and region from the standard AWS SDK environment.
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1' });
});

afterAll(async () => {
  process.env = saved;
  await s3?.close();
});

const publish = (...args: string[]) => runCli(['publish', '--endpoint', s3.endpoint, '--base-url', 'https://example.org/', ...args]);

describe('briefings publish (S3-compatible server over HTTP)', () => {
  it('publishes S3 data to a bucket, keeping its state beside the data', async () => {
    const run = await publish('--data', 's3://data/cities', '--out', 's3://site');
    expect(run.err.filter((l) => !l.includes('warning'))).toEqual([]);
    expect(run.code).toBe(0);
    const keys = await allKeys(s3.client(), 'site');
    expect(run.out.join('\n')).toContain(`wrote ${keys.length} files to s3://site`);
    expect(await allKeys(s3.client(), 'data', 'cities/state/')).toContain('cities/state/manifest.json');
  });

  it('writes nothing the second time, and nothing in a dry run', async () => {
    expect((await publish('--data', 's3://data/cities', '--out', 's3://site')).out.join('\n')).toMatch(
      /wrote 0 files to s3:\/\/site; \d+ unchanged; 0 deleted/,
    );
    const from = s3.requests.length;
    const dry = await publish('--data', 's3://data/cities', '--out', 's3://other-site', '--state', 's3://data/other-state/', '--dry-run');
    expect(dry.out.join('\n')).toMatch(/would write \d+ files to s3:\/\/other-site/);
    expect(s3.served(from).filter((r) => r.startsWith('PUT') || r.startsWith('DELETE'))).toEqual([]);
  });

  it('publishes a local data folder when told where to keep state', async () => {
    const run = await publish('--data', FIXTURE_SITE, '--out', 's3://other-site', '--state', 's3://data/other-state/');
    expect(run.code).toBe(0);
    expect(await allKeys(s3.client(), 'other-site')).toContain('en/index.html');
  });

  it.each([
    [['--data', FIXTURE_SITE, '--out', 's3://other-site'], /needs --state s3:\/\/bucket\/prefix/],
    [['--data', FIXTURE_SITE, '--out', join(FIXTURE_SITE, 'x')], /publish needs --data DIR\|s3:\/\/bucket\/prefix and --out s3:\/\/bucket/],
    [['--data', 's3://Bad_Bucket', '--out', 's3://site'], /not an s3:\/\/bucket\[\/prefix\] location/],
  ])('refuses %j with a usage error', async (args, message) => {
    const run = await publish(...args);
    expect(run.code).toBe(2);
    expect(run.err.join('\n')).toMatch(message);
  });
});
