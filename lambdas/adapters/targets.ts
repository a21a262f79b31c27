import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
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
 * Opens the adapters a spec names; one S3 client serves every bucket. The AWS SDK is loaded only
 * when a location is in S3 or a distribution is named: a local build starts without it.
 */
export async function openTargets(spec: TargetSpec, s3?: () => S3Client): Promise<Targets> {
  const stateAt = spec.state ?? defaultState(spec);
  const aws = [spec.data, spec.out, stateAt].some(isS3Url) ? await import('./s3/s3Stores') : undefined;
  const client = s3 ?? (aws ? lazyS3((await import('./s3/client')).createS3Client, spec.endpoint) : undefined);
  const inS3 = (location: string) => (isS3Url(location) && aws && client ? { aws, client: client(), at: parseS3Url(location) } : undefined);
  const data = inS3(spec.data);
  const out = inS3(spec.out);
  const state = inS3(stateAt);
  const invalidator = spec.distribution ? await cloudFront(spec.distribution) : undefined;
  return {
    source: data ? new data.aws.S3BriefingSource(data.client, data.at) : new FsBriefingSource(spec.data),
    store: out ? new out.aws.S3SiteStore(out.client, out.at) : new FsSiteStore(spec.out),
    state: state ? new state.aws.S3StateStore(state.client, state.at) : new FsStateStore(stateAt),
    ...(invalidator && { invalidator }),
  };
}

async function cloudFront(distribution: string): Promise<CdnInvalidator> {
  const { CloudFrontInvalidator, createCloudFrontClient } = await import('./cloudfront/cloudFrontInvalidator');
  return new CloudFrontInvalidator(createCloudFrontClient(), distribution);
}

function defaultState(spec: TargetSpec): string {
  if (!isS3Url(spec.out)) return join(spec.out, FS_STATE_DIR);
  if (isS3Url(spec.data)) {
    const data = parseS3Url(spec.data);
    return `s3://${data.bucket}/${data.prefix}state/`;
  }
  throw new TargetError('publishing to S3 from a local folder needs --state s3://bucket/prefix (somewhere CloudFront does not serve)');
}

function lazyS3(create: typeof import('./s3/client').createS3Client, endpoint: string | undefined): () => S3Client {
  let client: S3Client | undefined;
  return () => (client ??= create(endpoint ? { endpoint } : {}));
}
