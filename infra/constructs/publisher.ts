import { Duration, TimeZone } from 'aws-cdk-lib';
import * as lambdaEvents from 'aws-cdk-lib/aws-lambda-event-sources';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { BundledFunction } from './bundledFunction';

/** The message body of a scheduled tick; the handler tells it apart from S3 event records by `source`. */
export const SCHEDULE_TICK = { source: 'schedule', kind: 'republish' } as const;

const FUNCTION_TIMEOUT = Duration.minutes(5);

export interface PublisherProps {
  /** EventBridge Scheduler expression (`cron(...)` or `rate(...)`), evaluated in Asia/Shanghai time. */
  readonly publishSchedule: string;
  /** Passed to the function as MAX_DELETES. */
  readonly maxDeletes: number;
}

/**
 * One publisher behind one queue. S3 events and the schedule's ticks are only triggers: every run diffs the whole
 * site against the manifest, so a batch of ten triggers costs one publish, and a trigger lost to the DLQ is made
 * good by the next tick.
 */
export class Publisher extends Construct {
  readonly queue: sqs.Queue;
  readonly deadLetterQueue: sqs.Queue;
  readonly function: BundledFunction;
  readonly schedule: scheduler.Schedule;

  constructor(scope: Construct, id: string, props: PublisherProps) {
    super(scope, id);

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    this.queue = new sqs.Queue(this, 'Queue', {
      // SSE-SQS rather than KMS: S3 event notifications cannot use the AWS-managed SQS key, and SSE-SQS needs no
      // key policy for S3 and the scheduler.
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // AWS guidance for Lambda consumers: at least six times the function timeout.
      visibilityTimeout: Duration.seconds(FUNCTION_TIMEOUT.toSeconds() * 6),
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: 5 },
    });

    this.function = new BundledFunction(this, 'Function', {
      entry: 'lambdas/handlers/publish.ts',
      description: 'Renders the briefings and publishes the changed files to the site bucket',
      serviceName: 'briefings-publisher',
      memorySize: 1024,
      timeout: FUNCTION_TIMEOUT,
      // One publish at a time: two runs diffing against the same manifest would race.
      reservedConcurrentExecutions: 1,
    });
    this.function.fn.addEnvironment('MAX_DELETES', String(props.maxDeletes));

    this.function.fn.addEventSource(
      new lambdaEvents.SqsEventSource(this.queue, {
        batchSize: 10,
        // Collapse a burst of editor uploads into one run.
        maxBatchingWindow: Duration.seconds(20),
        reportBatchItemFailures: true,
        // The lowest value SQS allows; with reserved concurrency 1 it keeps pollers from piling up throttled calls.
        maxConcurrency: 2,
      }),
    );

    this.schedule = new scheduler.Schedule(this, 'RepublishSchedule', {
      description: 'Republish tick: picks up briefings whose publishAt has passed',
      schedule: scheduler.ScheduleExpression.expression(props.publishSchedule, TimeZone.ASIA_SHANGHAI),
      target: new targets.SqsSendMessage(this.queue, {
        input: scheduler.ScheduleTargetInput.fromObject(SCHEDULE_TICK),
        // A tick that cannot be delivered within the half hour is superseded by the next one.
        maxEventAge: Duration.minutes(30),
        retryAttempts: 10,
      }),
    });
  }
}
