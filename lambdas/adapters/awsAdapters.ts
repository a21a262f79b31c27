import { CloudFrontInvalidator, createCloudFrontClient } from './cloudfront/cloudFrontInvalidator';
import { createS3Client } from './s3/client';
import { S3BriefingSource, S3SiteStore, S3StateStore } from './s3/s3Stores';
import type { AwsAdapters } from './targets';

/** The S3 and CloudFront adapters (and with them the AWS SDK), for `openTargets`. */
export const AWS_ADAPTERS: AwsAdapters = { S3BriefingSource, S3SiteStore, S3StateStore, createS3Client, CloudFrontInvalidator, createCloudFrontClient };
