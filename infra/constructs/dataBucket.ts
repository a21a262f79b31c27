import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { LOG_PREFIXES, privateBucketProps } from './accessLogs';
import type { BundledFunction } from './bundledFunction';
import { acknowledgeObjectScopes, objectsArn } from './iamScope';

/** The key layout of the data bucket: who writes where is decided by these prefixes. */
export const DATA_PREFIXES = {
  briefings: 'briefings/', // editors: briefings/<id>.json (triggers a publish)
  sources: 'sources/', // editors: the source documents the briefings quote
  state: 'state/', // publisher: manifest and last good copies
  reports: 'reports/', // editors: report texts to draft from (triggers the drafter)
  drafts: 'drafts/', // drafter: draft briefing JSON for editors to review
} as const;

export interface DataBucketProps {
  readonly accessLogs: s3.IBucket;
}

/** Private, versioned bucket holding everything editors and the functions read and write. */
export class DataBucket extends Construct {
  readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: DataBucketProps) {
    super(scope, id);

    this.bucket = new s3.Bucket(this, 'Bucket', {
      ...privateBucketProps(props.accessLogs, LOG_PREFIXES.dataBucket),
      // Versions are the undo button for editors and for the publisher's state.
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(7) }],
      // The data is the product's source of truth: deleting the stack must never delete it (RETAIN above).
    });
  }

  /** Created and removed briefings go to the publish queue (the publisher diffs the whole site anyway). */
  notifyBriefingChanges(queue: sqs.IQueue): void {
    const destination = new s3n.SqsDestination(queue);
    const filter = { prefix: DATA_PREFIXES.briefings };
    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, destination, filter);
    this.bucket.addEventNotification(s3.EventType.OBJECT_REMOVED, destination, filter);
    this.acknowledgeNotificationsHandler();
  }

  notifyNewReports(fn: lambda.IFunction): void {
    this.bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn), {
      prefix: DATA_PREFIXES.reports,
    });
    this.acknowledgeNotificationsHandler();
  }

  /**
   * Publisher: read briefings and sources, own `state/`, list only those prefixes (listing tells a
   * missing source or state object from a forbidden one: S3 answers 403 for both otherwise).
   */
  bindPublisher({ fn, role }: BundledFunction): void {
    fn.addEnvironment('DATA_BUCKET', this.bucket.bucketName);
    fn.addEnvironment('STATE_PREFIX', DATA_PREFIXES.state);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadBriefingsAndSources',
        actions: ['s3:GetObject'],
        resources: [objectsArn(this.bucket, DATA_PREFIXES.briefings), objectsArn(this.bucket, DATA_PREFIXES.sources)],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'OwnPublisherState',
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [objectsArn(this.bucket, DATA_PREFIXES.state)],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ListBriefingsSourcesAndState',
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${DATA_PREFIXES.briefings}*`, `${DATA_PREFIXES.sources}*`, `${DATA_PREFIXES.state}*`] } },
      }),
    );
    acknowledgeObjectScopes(
      role,
      this.bucket,
      [DATA_PREFIXES.briefings, DATA_PREFIXES.sources, DATA_PREFIXES.state],
      'Object permissions are per key, so the prefix is the scope: the publisher reads briefings/ and sources/ and owns state/.',
    );
  }

  /** Drafter: read report texts, write drafts; it never sees `briefings/`. */
  bindDrafter({ fn, role }: BundledFunction): void {
    fn.addEnvironment('DATA_BUCKET', this.bucket.bucketName);
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'ReadReports',
        actions: ['s3:GetObject'],
        resources: [objectsArn(this.bucket, DATA_PREFIXES.reports)],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'WriteDrafts',
        actions: ['s3:PutObject'],
        resources: [objectsArn(this.bucket, DATA_PREFIXES.drafts)],
      }),
    );
    acknowledgeObjectScopes(
      role,
      this.bucket,
      [DATA_PREFIXES.reports, DATA_PREFIXES.drafts],
      'Object permissions are per key, so the prefix is the scope: the drafter reads reports/ and writes drafts/ only.',
    );
  }

  /**
   * `addEventNotification` makes CDK add its own singleton function (BucketNotificationsHandler) to the stack, which
   * writes the bucket's notification configuration during deployments: library code whose role we do not shape.
   */
  private acknowledgeNotificationsHandler(): void {
    const handler = Stack.of(this).node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
    const alreadyDone = handler?.node.metadata.some((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
    if (!handler || alreadyDone) return;
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "Role of CDK's own BucketNotificationsHandler (runs only during deployments): the library attaches the AWS " +
        'basic execution policy, which allows nothing but writing its own logs.',
    });
  }
}
