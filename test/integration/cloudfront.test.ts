import { createHash } from 'node:crypto';
import { type IncomingHttpHeaders, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CloudFrontApiOptions, CloudFrontApi, CloudFrontApiError } from '../../lambdas/adapters/cloudfront/cloudFrontApi';
import { CloudFrontInvalidator, INVALIDATION_BATCH } from '../../lambdas/adapters/cloudfront/cloudFrontInvalidator';

/** What the stand-in answers one request with: a status and body, or a dropped connection. */
type Answer = { status: number; body: string } | 'reset';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  paths: string[];
  quantity: number;
  reference: string;
}

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test-secret', sessionToken: 'test-session' };
const SIGNED_AT = new Date('2026-11-22T08:30:00Z');
const CREATED: Answer = {
  status: 201,
  body: '<?xml version="1.0"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I1</Id><Status>InProgress</Status></Invalidation>',
};
const errorAnswer = (status: number, code: string, message: string): Answer => ({
  status,
  body: `<?xml version="1.0"?><ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
});

const xml = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Path' });

/** A stand-in for the CloudFront API over HTTP: records each request and answers as scripted (201 when not). */
let server: Server;
let endpoint: string;
let port: number;
let received: Received[] = [];
let script: Answer[] = [];
let sleeps: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const batch = xml.parse(body).InvalidationBatch;
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
        paths: batch.Paths.Items.Path,
        quantity: Number(batch.Paths.Quantity),
        reference: batch.CallerReference,
      });
      const answer = script.shift() ?? CREATED;
      if (answer === 'reset') return req.socket.destroy();
      res.writeHead(answer.status, { 'Content-Type': 'text/xml' });
      res.end(answer.body);
    });
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  port = (server.address() as AddressInfo).port;
  endpoint = `http://127.0.0.1:${port}`;
});

afterAll(() => {
  server?.close();
});

beforeEach(() => {
  received = [];
  script = [];
  sleeps = [];
});

/** A client of the stand-in that signs at SIGNED_AT and records its waits instead of waiting. */
function api(options: CloudFrontApiOptions = {}): CloudFrontApi {
  return new CloudFrontApi({
    endpoint,
    credentials: CREDENTIALS,
    now: () => SIGNED_AT,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
}

describe('CloudFrontInvalidator (over HTTP)', () => {
  it('sends the changed paths of one distribution in batches', async () => {
    let n = 0;
    const invalidator = new CloudFrontInvalidator(api(), 'E2EXAMPLE', () => `run-${++n}`);
    const paths = Array.from({ length: INVALIDATION_BATCH + 5 }, (_, i) => `/en/p${i}/index.html`);
    await invalidator.invalidate(paths);
    expect(received.map((r) => [r.method, r.url, r.quantity, r.paths.length])).toEqual([
      ['POST', '/2020-05-31/distribution/E2EXAMPLE/invalidation', INVALIDATION_BATCH, INVALIDATION_BATCH],
      ['POST', '/2020-05-31/distribution/E2EXAMPLE/invalidation', 5, 5],
    ]);
    expect(received.flatMap((r) => r.paths)).toEqual(paths);
    expect(received.map((r) => r.reference)).toEqual([`run-1-0`, `run-2-${INVALIDATION_BATCH}`]);
  });
});

describe('CloudFrontApi (over HTTP)', () => {
  it('signs the request with SigV4 for cloudfront in us-east-1, as received', async () => {
    await api().createInvalidation('E2EXAMPLE', 'ref', ['/en/index.html']);
    const { headers, body, url } = received[0]!;
    const authorization = String(headers.authorization);
    expect(authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=test\/20261122\/us-east-1\/cloudfront\/aws4_request, SignedHeaders=([a-z0-9-]+;)*[a-z0-9-]+, Signature=[0-9a-f]{64}$/,
    );
    const signedHeaders = /SignedHeaders=([^,]+)/.exec(authorization)![1]!.split(';');
    expect(signedHeaders).toEqual(expect.arrayContaining(['host', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token', 'content-type']));
    const bodyHash = createHash('sha256').update(body).digest('hex');
    expect(headers).toMatchObject({
      host: `127.0.0.1:${port}`,
      'x-amz-date': '20261122T083000Z',
      'x-amz-content-sha256': bodyHash,
      'x-amz-security-token': 'test-session',
    });
    // The signature over the headers and body that arrived: what CloudFront would check.
    const signer = new SignatureV4({ service: 'cloudfront', region: 'us-east-1', credentials: CREDENTIALS, sha256: Sha256 });
    const expected = await signer.sign(
      {
        method: 'POST',
        protocol: 'http:',
        hostname: '127.0.0.1',
        port,
        path: url,
        query: {},
        headers: Object.fromEntries(signedHeaders.map((name) => [name, String(headers[name])])),
        body,
      },
      { signingDate: SIGNED_AT },
    );
    expect(authorization).toBe(expected.headers.authorization);
  });

  it('escapes paths and the reference for XML, so they parse back as sent', async () => {
    const paths = ['/en/a&b/index.html', '/en/<x>/"q"/\'s\'.html', '/zh/%E6%8A%A5%E5%91%8A/'];
    await api().createInvalidation('E2EXAMPLE', 'ref&<1>', paths);
    expect(received[0]?.body).toContain('<Path>/en/a&amp;b/index.html</Path>');
    expect(received[0]?.paths).toEqual(paths);
    expect(received[0]?.reference).toBe('ref&<1>');
    expect(received[0]?.quantity).toBe(3);
  });

  it.each([
    ['a 503', errorAnswer(503, 'ServiceUnavailable', 'try later')],
    ['a 429', { status: 429, body: 'Too Many Requests' }],
    ['a throttling error', errorAnswer(400, 'Throttling', 'Rate exceeded')],
    ['a dropped connection', 'reset' as const],
  ])('retries after %s with the same body, and succeeds', async (_, answer) => {
    script = [answer];
    await api().createInvalidation('E2EXAMPLE', 'ref', ['/en/index.html']);
    expect(received).toHaveLength(2);
    expect(received[1]?.body).toBe(received[0]?.body);
    expect(sleeps).toHaveLength(1);
  });

  it('waits longer and longer between attempts, and gives up after maxAttempts', async () => {
    script = Array.from({ length: 6 }, () => errorAnswer(400, 'Throttling', 'Rate exceeded'));
    const failure = api().createInvalidation('E2EXAMPLE', 'ref', ['/en/index.html']);
    await expect(failure).rejects.toThrow(
      'CloudFront CreateInvalidation for distribution E2EXAMPLE: HTTP 400 Throttling: Rate exceeded (request req-1) (gave up after 6 attempts)',
    );
    expect(received).toHaveLength(6);
    expect(sleeps).toHaveLength(5);
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(500 * 2 ** i);
    });
  });

  it('says why the connection failed when it never got an answer', async () => {
    script = ['reset', 'reset'];
    await expect(api({ maxAttempts: 2 }).createInvalidation('E2EXAMPLE', 'ref', ['/en/index.html'])).rejects.toThrow(
      // undici's words for a closed socket (`other side closed` in Node.js 20) may change between versions.
      /^CloudFront CreateInvalidation for distribution E2EXAMPLE: fetch failed: \S.* \(gave up after 2 attempts\)$/,
    );
    expect(received).toHaveLength(2);
  });

  it('throws a non-retryable error at once, naming the distribution, status, code and message', async () => {
    script = [errorAnswer(400, 'InvalidArgument', 'bad path &amp; worse')];
    const failure = await api()
      .createInvalidation('E2EXAMPLE', 'ref', ['bad'])
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(CloudFrontApiError);
    expect(failure).toMatchObject({
      message: 'CloudFront CreateInvalidation for distribution E2EXAMPLE: HTTP 400 InvalidArgument: bad path & worse (request req-1)',
      status: 400,
      code: 'InvalidArgument',
    });
    expect(received).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});
