import { Duration, Validations } from 'aws-cdk-lib';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BundledFunction } from './bundledFunction';

/**
 * Turns a report text dropped under `reports/` into a draft briefing under `drafts/`.
 *
 * Invoked directly by S3 (asynchronous invocation), not through a queue: reports arrive a few times a year, one
 * object is one independent job, and nothing needs batching or serialising. Lambda's async retries cover transient
 * errors; what still fails lands with its error in the failure queue, which the alarms watch.
 */
export class Drafter extends Construct {
  readonly function: BundledFunction;
  readonly failureQueue: sqs.Queue;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    this.function = new BundledFunction(this, 'Function', {
      entry: 'lambdas/handlers/draft.ts',
      description: 'Extracts a draft briefing (indicators with exact quotes) from a report text',
      serviceName: 'briefings-drafter',
      memorySize: 1024,
      timeout: Duration.minutes(2),
    });

    this.failureQueue = new sqs.Queue(this, 'FailureQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.failureQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "This queue is the drafter's on-failure destination, i.e. it already is the dead-letter queue; nothing consumes it automatically.",
    });

    this.function.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new destinations.SqsDestination(this.failureQueue),
    });
  }
}
