// The publisher exactly as it ships: the asset `cdk synth` bundles (esbuild, ESM, templates and locales
// copied beside it), run in a fresh Node.js process against a real S3 server, driven by an SQS event.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../infra/createApp';
import { eventBody, sqsEvent } from '../helpers/events';
import { cityData } from '../helpers/fixtures';
import { PROJECT_ROOT } from '../helpers/lexicons';
import { S3Sandbox, allKeys, seedBucket } from '../helpers/s3';

const CDK_CONTEXT = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')).context;
let s3: S3Sandbox;
let bundle: string;

beforeAll(async () => {
  const { app, stack } = createApp({ context: CDK_CONTEXT });
  const assembly = app.synth();
  const functions = Template.fromStack(stack).findResources('AWS::Lambda::Function');
  const publisher = Object.values(functions).find((f) => f.Properties?.Environment?.Variables?.SITE_BUCKET);
  const zip = String(publisher?.Properties?.Code?.S3Key);
  bundle = join(assembly.directory, `asset.${zip.replace(/\.zip$/, '')}`);
  s3 = await S3Sandbox.start(['data', 'site']);
  await seedBucket(s3.client(), 'data', cityData());
});

afterAll(async () => {
  await s3?.close();
});

async function invoke(body: string): Promise<{ response: unknown; logs: Array<Record<string, unknown>> }> {
  const script = `const { handler } = await import(${JSON.stringify(join(bundle, 'index.mjs'))});
process.stdout.write('RESPONSE ' + JSON.stringify(await handler(${JSON.stringify(sqsEvent(body))})) + '\\n');`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: bundle,
    env: {
      PATH: process.env.PATH,
      DATA_BUCKET: 'data',
      SITE_BUCKET: 'site',
      STATE_PREFIX: 'state/',
      BASE_URL: 'https://briefings.example.org/',
      S3_ENDPOINT: s3.endpoint,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
      POWERTOOLS_SERVICE_NAME: 'briefings-publisher',
    },
  });
  const lines = stdout.trim().split('\n');
  const response = JSON.parse((lines.find((l) => l.startsWith('RESPONSE ')) ?? 'RESPONSE null').slice(9));
  const logs = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  return { response, logs };
}

describe('the bundled publisher Lambda', { timeout: 120_000 }, () => {
  it('ships its templates and locales beside the code', () => {
    expect(existsSync(join(bundle, 'index.mjs'))).toBe(true);
    expect(existsSync(join(bundle, 'templates/layouts/base.hbs'))).toBe(true);
    expect(existsSync(join(bundle, 'locales/en/ui.json'))).toBe(true);
  });

  it('publishes the site from an SQS event, logging structured JSON', async () => {
    const { response, logs } = await invoke(eventBody('s3/briefing-created'));
    expect(response).toEqual({ batchItemFailures: [] });
    const finished = logs.find((l) => l.message === 'publish finished');
    expect(finished).toMatchObject({ level: 'INFO', service: 'briefings-publisher', deletes: 0 });
    const keys = await allKeys(s3.client(), 'site');
    expect(finished?.uploads).toBe(keys.length);
    expect(keys).toContain('en/feed.xml');
    // The editor's markdown went through marked and sanitize-html with the bundle's stubs in place (lambdas/bundling/).
    const page = await s3.client().send(new GetObjectCommand({ Bucket: 'site', Key: 'en/briefings/chengdu-2026-work-report/index.html' }));
    expect(await page.Body?.transformToString()).toContain('Chengdu targets GDP growth of <strong>about 5.5%</strong> in 2026');
  });

  it('writes nothing but its lease on the next run, from a cold start', async () => {
    const from = s3.requests.length;
    const { response, logs } = await invoke(eventBody('schedule/tick'));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(logs.find((l) => l.message === 'publish finished')).toMatchObject({ uploads: 0, deletes: 0 });
    expect(s3.served(from).filter((r) => /^(PUT|DELETE) /.test(r))).toEqual(['PUT /data/state/lease.json', 'DELETE /data/state/lease.json']);
  });
});
