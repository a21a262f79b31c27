import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { BriefingSource, CdnInvalidator, SiteStore, StateStore } from '../core/ports';
import { CloudFrontInvalidator, createCloudFrontClient } from './cloudfront/cloudFrontInvalidator';
import { FsBriefingSource } from './fs/fsBriefingSource';
import { FsSiteStore } from './fs/fsSiteStore';
import { FS_STATE_DIR, FsStateStore } from './fs/fsStateStore';
import { createS3Client } from './s3/client';
import { isS3Url, parseS3Url } from './s3/location';
import { S3BriefingSource, S3SiteStore, S3StateStore } from './s3/s3Stores';

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

/** Opens the adapters a spec names; one S3 client serves every bucket. */
export function openTargets(spec: TargetSpec, s3: () => S3Client = lazyS3(spec.endpoint)): Targets {
  const source = isS3Url(spec.data) ? new S3BriefingSource(s3(), parseS3Url(spec.data)) : new FsBriefingSource(spec.data);
  const store = isS3Url(spec.out) ? new S3SiteStore(s3(), parseS3Url(spec.out)) : new FsSiteStore(spec.out);
  const state = openState(spec, s3);
  const invalidator = spec.distribution ? new CloudFrontInvalidator(createCloudFrontClient(), spec.distribution) : undefined;
  return { source, store, state, ...(invalidator && { invalidator }) };
}

function openState(spec: TargetSpec, s3: () => S3Client): StateStore {
  const location = spec.state ?? defaultState(spec);
  return isS3Url(location) ? new S3StateStore(s3(), parseS3Url(location)) : new FsStateStore(location);
}

function defaultState(spec: TargetSpec): string {
  if (!isS3Url(spec.out)) return join(spec.out, FS_STATE_DIR);
  if (isS3Url(spec.data)) {
    const data = parseS3Url(spec.data);
    return `s3://${data.bucket}/${data.prefix}state/`;
  }
  throw new TargetError('publishing to S3 from a local folder needs --state s3://bucket/prefix (somewhere CloudFront does not serve)');
}

function lazyS3(endpoint: string | undefined): () => S3Client {
  let client: S3Client | undefined;
  return () => (client ??= createS3Client(endpoint ? { endpoint } : {}));
}
