import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { CloudFrontInvalidator, createCloudFrontClient } from './cloudfront/cloudFrontInvalidator';
import type { createS3Client } from './s3/client';
import type { S3BriefingSource, S3SiteStore, S3StateStore } from './s3/s3Stores';
import type { BriefingSource, CdnInvalidator, SiteStore, StateStore } from '../core/ports';
import { FsBriefingSource } from './fs/fsBriefingSource';
import { FsSiteStore } from './fs/fsSiteStore';
import { FS_STATE_DIR, FsStateStore } from './fs/fsStateStore';
import { isS3Url, parseS3Url } from './s3/location';

/** Where a build reads and writes, as the CLI flags and the Lambda environment name them. */
export interface TargetSpec {
  /** A folder or `s3://bucket/prefix` holding `briefings/` (and `sources/`). */
  readonly data: string;
  /** A folder or `s3://bucket[/prefix]` for the site. */
  readonly out: string;
  /** Where publish state lives; default: a dot-folder in a site folder, or `state/` beside S3 data. */
  readonly state?: string;
  /** An S3-compatible endpoint, path-style. */
  readonly endpoint?: string;
  /** CloudFront distribution to invalidate after a publish. */
  readonly distribution?: string;
}

export interface Targets {
  readonly source: BriefingSource;
  readonly store: SiteStore;
  readonly state: StateStore;
  readonly invalidator?: CdnInvalidator;
}

export class TargetError extends Error {
  override name = 'TargetError';
}

/**
 * The AWS side of the adapters, handed in by the caller (`AWS_ADAPTERS` in awsAdapters.ts) so that a
 * local build never loads the SDK, while the Lambda bundles it statically.
 */
export interface AwsAdapters {
  readonly S3BriefingSource: typeof S3BriefingSource;
  readonly S3SiteStore: typeof S3SiteStore;
  readonly S3StateStore: typeof S3StateStore;
  readonly createS3Client: typeof createS3Client;
  readonly CloudFrontInvalidator: typeof CloudFrontInvalidator;
  readonly createCloudFrontClient: typeof createCloudFrontClient;
}

/** Whether a spec names anything in AWS (an S3 location, a distribution). */
export function needsAws(spec: TargetSpec): boolean {
  return [spec.data, spec.out, spec.state ?? ''].some(isS3Url) || spec.distribution !== undefined;
}

/** Opens the adapters a spec names; one S3 client serves every bucket. */
export function openTargets(spec: TargetSpec, aws?: AwsAdapters, s3?: () => S3Client): Targets {
  const stateAt = spec.state ?? defaultState(spec);
  const sdk = () => {
    if (!aws) throw new TargetError(`${spec.out}: AWS locations need the AWS adapters (see awsAdapters.ts)`);
    return aws;
  };
  let client: S3Client | undefined;
  const s3Client = () => (client ??= s3 ? s3() : sdk().createS3Client(spec.endpoint ? { endpoint: spec.endpoint } : {}));
  const source = isS3Url(spec.data) ? new (sdk().S3BriefingSource)(s3Client(), parseS3Url(spec.data)) : new FsBriefingSource(spec.data);
  const store = isS3Url(spec.out) ? new (sdk().S3SiteStore)(s3Client(), parseS3Url(spec.out)) : new FsSiteStore(spec.out);
  const state = isS3Url(stateAt) ? new (sdk().S3StateStore)(s3Client(), parseS3Url(stateAt)) : new FsStateStore(stateAt);
  const invalidator = spec.distribution ? new (sdk().CloudFrontInvalidator)(sdk().createCloudFrontClient(), spec.distribution) : undefined;
  return { source, store, state, ...(invalidator && { invalidator }) };
}

function defaultState(spec: TargetSpec): string {
  if (!isS3Url(spec.out)) return join(spec.out, FS_STATE_DIR);
  if (isS3Url(spec.data)) {
    const data = parseS3Url(spec.data);
    return `s3://${data.bucket}/${data.prefix}state/`;
  }
  throw new TargetError('publishing to S3 from a local folder needs --state s3://bucket/prefix (somewhere CloudFront does not serve)');
}
