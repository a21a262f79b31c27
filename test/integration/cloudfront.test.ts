import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloudFrontInvalidator, INVALIDATION_BATCH } from '../../lambdas/adapters/cloudfront/cloudFrontInvalidator';

/** A stand-in for the CloudFront API over HTTP: records each CreateInvalidation request body. */
let server: Server;
let client: CloudFrontClient;
const requests: Array<{ method: string; url: string; paths: string[]; quantity: number; reference: string }> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const paths = [...body.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1] as string);
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        paths,
        quantity: Number(/<Quantity>(\d+)<\/Quantity>/.exec(body)?.[1]),
        reference: /<CallerReference>([^<]*)</.exec(body)?.[1] ?? '',
      });
      res.writeHead(201, { 'Content-Type': 'text/xml', Location: `${req.url}/I${requests.length}` });
      res.end(
        `<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I${requests.length}</Id><Status>InProgress</Status><CreateTime>2026-11-22T00:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>0</Quantity></Paths><CallerReference>x</CallerReference></InvalidationBatch></Invalidation>`,
      );
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  client = new CloudFrontClient({
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(() => {
  client?.destroy();
  server?.close();
});

describe('CloudFrontInvalidator (over HTTP)', () => {
  it('sends the changed paths of one distribution in batches', async () => {
    let n = 0;
    const invalidator = new CloudFrontInvalidator(client, 'E2EXAMPLE', () => `run-${++n}`);
    const paths = Array.from({ length: INVALIDATION_BATCH + 5 }, (_, i) => `/en/p${i}/index.html`);
    await invalidator.invalidate(paths);
    expect(requests.map((r) => [r.method, r.url, r.quantity, r.paths.length])).toEqual([
      ['POST', '/2020-05-31/distribution/E2EXAMPLE/invalidation', INVALIDATION_BATCH, INVALIDATION_BATCH],
      ['POST', '/2020-05-31/distribution/E2EXAMPLE/invalidation', 5, 5],
    ]);
    expect(requests.flatMap((r) => r.paths)).toEqual(paths);
    expect(new Set(requests.map((r) => r.reference)).size).toBe(2);
  });
});
