import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Where log objects go inside the log bucket, one prefix per writer. */
export const LOG_PREFIXES = {
  dataBucket: 's3/data-bucket/',
  siteBucket: 's3/site-bucket/',
  cloudFront: 'cloudfront/',
} as const;

/**
 * One bucket for the S3 server access logs of both buckets and the CloudFront standard logs. It does not log
 * itself (that would loop); cdk-nag's S1 rule accepts a bucket that is the log target of others.
 */
export class AccessLogs extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      // Server access log delivery only supports SSE-S3 on the target bucket.
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging (legacy) writes through an ACL grant, so ACLs must stay enabled;
      // BUCKET_OWNER_PREFERRED still makes this account the owner of every log object.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}

/**
 * What every bucket holding our data shares: no public access, encrypted (SSE-S3, which both server access
 * logging and CloudFront Origin Access Control can work with), TLS only, no ACLs, access-logged, and kept when
 * the stack is deleted.
 */
export function privateBucketProps(accessLogs: s3.IBucket, logPrefix: string): s3.BucketProps {
  return {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    serverAccessLogsBucket: accessLogs,
    serverAccessLogsPrefix: logPrefix,
    removalPolicy: RemovalPolicy.RETAIN,
  };
}
