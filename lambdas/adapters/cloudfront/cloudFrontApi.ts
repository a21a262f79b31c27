import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4, type SignatureV4Init } from '@smithy/signature-v4';
import { type ApiErrorFields, invalidationBatchXml, parseErrorXml } from './invalidationXml';

/**
 * The one CloudFront call a publish makes (CreateInvalidation), as a SigV4-signed `fetch`: the SDK's
 * CloudFront client would add ~140 KB to the Lambda bundle for it. Signing, credentials and SHA-256
 * are the ones the S3 client already bundles.
 */

export interface CloudFrontApiOptions {
  /** A stand-in for the API (`http://127.0.0.1:8080`). Absent: CloudFront's global endpoint. */
  readonly endpoint?: string;
  /** Explicit credentials (tests); otherwise the SDK's default chain, as the S3 client uses. */
  readonly credentials?: SignatureV4Init['credentials'];
  /** Attempts per request (default 6, as the SDK client had); network errors, 5xx and throttling are retried. */
  readonly maxAttempts?: number;
  /** Waits between attempts (tests: no waiting). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The signing clock (tests: a fixed date, so that a signature can be recomputed). */
  readonly now?: () => Date;
}

/** A CreateInvalidation that failed: HTTP status (absent when no response came) and CloudFront's error code. */
export class CloudFrontApiError extends Error {
  override name = 'CloudFrontApiError';
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

const ENDPOINT = 'https://cloudfront.amazonaws.com';
/** CloudFront is global; its API is signed for us-east-1. */
const SIGNING_REGION = 'us-east-1';
/** A hung connection fails the attempt (and is retried) instead of running into the Lambda timeout. */
const ATTEMPT_TIMEOUT_MS = 30_000;
/** The SDK's standard retry delays: 100 ms doubling (500 ms when throttled), at most 20 s, times a random factor. */
const BASE_DELAY_MS = 100;
const THROTTLED_BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;
/** Error codes (HTTP 400) that mean "too many requests, try again later". */
const THROTTLING_CODES = new Set(['Throttling', 'ThrottlingException', 'RequestThrottled', 'RequestLimitExceeded', 'TooManyRequestsException']);

interface Failure {
  readonly error: CloudFrontApiError;
  readonly retryable: boolean;
  readonly throttled: boolean;
}

export class CloudFrontApi {
  private readonly endpoint: string;
  private readonly signer: SignatureV4;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => Date;

  constructor(options: CloudFrontApiOptions = {}) {
    this.endpoint = options.endpoint ?? ENDPOINT;
    this.signer = new SignatureV4({
      service: 'cloudfront',
      region: SIGNING_REGION,
      credentials: options.credentials ?? defaultProvider(),
      sha256: Sha256,
    });
    this.maxAttempts = options.maxAttempts ?? 6;
    this.sleep = options.sleep ?? ((ms) => new Promise((wake) => setTimeout(wake, ms)));
    this.now = options.now ?? (() => new Date());
  }

  /** Asks CloudFront to invalidate `paths`; a retry sends the same reference, so CloudFront creates one invalidation. */
  async createInvalidation(distributionId: string, callerReference: string, paths: readonly string[]): Promise<void> {
    const url = new URL(`/2020-05-31/distribution/${encodeURIComponent(distributionId)}/invalidation`, this.endpoint);
    const body = invalidationBatchXml(paths, callerReference);
    for (let attempt = 1; ; attempt++) {
      const failure = await this.attempt(url, body, distributionId);
      if (!failure) return;
      if (!failure.retryable) throw failure.error;
      if (attempt >= this.maxAttempts) {
        throw new CloudFrontApiError(`${failure.error.message} (gave up after ${attempt} attempts)`, failure.error.status, failure.error.code, {
          cause: failure.error.cause,
        });
      }
      const base = failure.throttled ? THROTTLED_BASE_DELAY_MS : BASE_DELAY_MS;
      await this.sleep(Math.random() * Math.min(MAX_DELAY_MS, base * 2 ** (attempt - 1)));
    }
  }

  /** One signed POST; `undefined` when CloudFront accepted it. Signed afresh each time: a signature is valid for minutes. */
  private async attempt(url: URL, body: string, distributionId: string): Promise<Failure | undefined> {
    const context = `CloudFront CreateInvalidation for distribution ${distributionId}`;
    const signed = await this.signer.sign(
      {
        method: 'POST',
        protocol: url.protocol,
        hostname: url.hostname,
        ...(url.port && { port: Number(url.port) }),
        path: url.pathname,
        query: {},
        headers: { host: url.host, 'content-type': 'application/xml' },
        body,
      },
      { signingDate: this.now() },
    );
    // fetch sets Host itself, from the same URL: the value signed above.
    const { host: _, ...headers } = signed.headers;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
      text = await response.text();
    } catch (cause) {
      return { error: new CloudFrontApiError(`${context}: ${networkReason(cause)}`, undefined, undefined, { cause }), retryable: true, throttled: false };
    }
    if (response.ok) return undefined;
    const fields = parseErrorXml(text);
    const throttled = response.status === 429 || THROTTLING_CODES.has(fields.code ?? '');
    return {
      error: new CloudFrontApiError(`${context}: ${describe(response.status, fields)}`, response.status, fields.code),
      retryable: throttled || response.status >= 500,
      throttled,
    };
  }
}

/** `HTTP 400 InvalidArgument: bad path (request 1f2e…)`. */
function describe(status: number, { code, message, requestId }: ApiErrorFields): string {
  return `HTTP ${status}${code ? ` ${code}` : ''}${message ? `: ${message}` : ''}${requestId ? ` (request ${requestId})` : ''}`;
}

/** undici only says `fetch failed`; its cause says why (`getaddrinfo ENOTFOUND …`, `other side closed`). */
function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error && error.cause.message ? `${error.message}: ${error.cause.message}` : error.message;
}
