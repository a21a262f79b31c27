import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ConfiguredRetryStrategy } from '@smithy/core/retry';
import S3rver from 's3rver';
import { createS3Client } from '../../lambdas/adapters/s3/client';

export type Fault = '503' | 'reset';

/** A fault rule: return a fault for a request, or nothing to let it through. */
export type FaultRule = (method: string, path: string) => Fault | undefined;

/**
 * A real S3-compatible server (s3rver, on 127.0.0.1 and a free port) behind a small HTTP proxy
 * that logs every request and can inject S3 faults: 503 SlowDown answers and connection resets.
 *
 * s3rver 3.7.1 ignores S3's conditional writes (`If-None-Match: *` and `If-Match` on PutObject,
 * `If-Match` on DeleteObject: it only honours If-None-Match on GET). The proxy enforces them as S3
 * does, one conditional request per key at a time: it asks s3rver for the key's ETag, answers
 * 412 PreconditionFailed when the condition fails, and forwards the request otherwise.
 */
export class S3Sandbox {
  readonly requests: Array<{ method: string; path: string; fault?: Fault }> = [];
  rules: FaultRule[] = [];
  private readonly keyLocks = new Map<string, Promise<void>>();
  private constructor(
    private readonly s3rver: S3rver,
    private readonly proxy: Server,
    private readonly directory: string,
    readonly endpoint: string,
  ) {}

  static async start(buckets: string[]): Promise<S3Sandbox> {
    const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
    const s3rver = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
    const { port: upstream } = (await s3rver.run()) as AddressInfo;
    let sandbox: S3Sandbox | undefined;
    const proxy = createServer((req, res) => sandbox?.forward(req, res, upstream));
    await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
    sandbox = new S3Sandbox(s3rver, proxy, directory, `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
    return sandbox;
  }

  client(maxAttempts = 6): S3Client {
    // As many attempts as in production, 10 ms apart: the faults are real, the back-off waits add nothing to a test.
    const retryStrategy = new ConfiguredRetryStrategy(maxAttempts, 10);
    return createS3Client({
      endpoint: this.endpoint,
      region: 'us-east-1',
      maxAttempts,
      retryStrategy,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
  }

  /** Requests that reached the server, as "METHOD /bucket/key" (decoded), since `from`. */
  served(from = 0): string[] {
    return this.requests
      .slice(from)
      .filter((r) => !r.fault)
      .map((r) => `${r.method} ${decodeURIComponent(r.path.split('?')[0] ?? '')}`);
  }

  async close(): Promise<void> {
    const closed = new Promise<void>((done) => this.proxy.close(() => done()));
    this.proxy.closeAllConnections();
    await closed;
    this.s3rver.httpServer?.closeAllConnections();
    await this.s3rver.close();
    rmSync(this.directory, { recursive: true, force: true });
  }

  private forward(req: IncomingMessage, res: ServerResponse, upstream: number): void {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    let fault: Fault | undefined;
    for (const rule of this.rules) {
      fault = rule(method, decodeURIComponent(path.split('?')[0] ?? ''));
      if (fault) break;
    }
    this.requests.push({ method, path, ...(fault && { fault }) });
    if (fault === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault === '503') {
      req.resume();
      res.writeHead(503, { 'Content-Type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>');
      return;
    }
    const ifNoneMatch = req.headers['if-none-match'];
    const ifMatch = req.headers['if-match'];
    const conditional = (method === 'PUT' && (ifNoneMatch !== undefined || ifMatch !== undefined)) || (method === 'DELETE' && ifMatch !== undefined);
    if (!conditional) {
      this.pass(req, res, upstream);
      return;
    }
    const key = path.split('?')[0] ?? path;
    const previous = this.keyLocks.get(key) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const etag = await headEtag(upstream, key);
      const failed = ifNoneMatch === '*' ? etag !== undefined : ifMatch !== undefined && ifMatch !== '*' ? etag !== ifMatch : etag === undefined;
      if (failed && method === 'DELETE' && etag === undefined) {
        req.resume();
        res.writeHead(204).end();
        return;
      }
      if (failed) {
        req.resume();
        res.writeHead(412, { 'Content-Type': 'application/xml' });
        res.end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>',
        );
        return;
      }
      await new Promise<void>((done) => {
        res.on('close', done);
        this.pass(req, res, upstream);
      });
    });
    this.keyLocks.set(
      key,
      turn.catch(() => undefined),
    );
  }

  private pass(req: IncomingMessage, res: ServerResponse, upstream: number): void {
    const { connection: _hopByHop, 'keep-alive': _keepAlive, ...headers } = req.headers;
    const out = request({ host: '127.0.0.1', port: upstream, method: req.method, path: req.url, headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  }
}

/** The ETag s3rver holds for a path (`/bucket/key`), or undefined when there is no such object. */
function headEtag(port: number, path: string): Promise<string | undefined> {
  return new Promise((done, fail) => {
    const head = request({ host: '127.0.0.1', port, method: 'HEAD', path, agent: false }, (answer) => {
      answer.resume();
      done(answer.statusCode === 200 ? (answer.headers.etag as string | undefined) : undefined);
    });
    head.on('error', fail);
    head.end();
  });
}

/** Fails the first `times` requests that match, then lets them through. */
export function failTimes(times: number, fault: Fault, match: (method: string, path: string) => boolean): FaultRule {
  let left = times;
  return (method, path) => {
    if (left > 0 && match(method, path)) {
      left--;
      return fault;
    }
    return undefined;
  };
}

/** Uploads a local data folder (briefings/, sources/) to a bucket. */
export async function seedBucket(client: S3Client, bucket: string, dir: string, prefix = ''): Promise<void> {
  for (const folder of ['briefings', 'sources']) {
    for (const name of readdirSync(join(dir, folder))) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${prefix}${folder}/${name}`, Body: readFileSync(join(dir, folder, name)) }));
    }
  }
}

export async function allKeys(client: S3Client, bucket: string, prefix = ''): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token, MaxKeys: 200 }));
    keys.push(...(page.Contents ?? []).map((o) => o.Key as string));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys.sort();
}
