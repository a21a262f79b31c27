import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type { IConstruct } from 'constructs';

/** ARN of every object under `prefix` ('' for the whole bucket). */
export function objectsArn(bucket: s3.IBucket, prefix: string): string {
  return bucket.arnForObjects(`${prefix}*`);
}

/**
 * cdk-nag's AwsSolutions-IAM5 reports every object ARN that ends in `*` as its own finding, named after the
 * bucket's logical id (e.g. `Resource::<DataBucket1234.Arn>/briefings/*`). Object-level S3 permissions cannot be
 * granted any other way, so the prefix IS the scope; this acknowledges exactly those findings, one by one.
 */
export function acknowledgeObjectScopes(scope: IConstruct, bucket: s3.Bucket, prefixes: readonly string[], reason: string): void {
  const logicalId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement);
  for (const prefix of prefixes) {
    Validations.of(scope).acknowledge({ id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`, reason });
  }
}
