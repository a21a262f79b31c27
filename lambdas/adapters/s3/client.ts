import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3Options {
  /** An S3-compatible server (`http://127.0.0.1:4569`): path-style addressing. Absent: AWS. */
  readonly endpoint?: string;
  readonly region?: string;
  /** Attempts per request, with the SDK's standard jittered backoff (503 SlowDown, resets, 5xx). */
  readonly maxAttempts?: number;
  /** Explicit credentials (tests against a local server); otherwise the SDK's default chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Replaces the standard strategy (tests against a local server retry as often, without the back-off waits). */
  readonly retryStrategy?: S3ClientConfig['retryStrategy'];
}

/**
 * One S3 client per process. Checksums only when the API requires them: S3-compatible servers
 * would otherwise store the aws-chunked framing of streamed uploads as part of the object.
 */
export function createS3Client(options: S3Options = {}): S3Client {
  return new S3Client({
    ...(options.region && { region: options.region }),
    ...(options.credentials && { credentials: options.credentials }),
    ...(options.endpoint && { endpoint: options.endpoint, forcePathStyle: true }),
    maxAttempts: options.maxAttempts ?? 6,
    retryMode: 'standard',
    ...(options.retryStrategy && { retryStrategy: options.retryStrategy }),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
