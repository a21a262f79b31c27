import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface AlarmsProps {
  /** Subscribed by e-mail to every alarm when given. */
  readonly alarmEmail?: string;
}

/** CloudWatch alarms that notify one encrypted SNS topic. */
export class Alarms extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);

    // SNS has no SSE-S3 equivalent, and CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key,
    // so the topic gets its own key that CloudWatch may use.
    const key = new kms.Key(this, 'TopicKey', { description: 'Encrypts the alarm topic', enableKeyRotation: true });
    key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'], // in a key policy, '*' means this key
      }),
    );

    this.topic = new sns.Topic(this, 'Topic', { masterKey: key, enforceSSL: true, displayName: 'Briefings alarms' });
    if (props.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(props.alarmEmail));
  }

  /** Anything in a dead-letter queue is work that failed every retry. */
  onDeadLetters(id: string, queue: sqs.IQueue): cloudwatch.Alarm {
    return this.add(id, queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }), {
      threshold: 0,
      description: `Messages are waiting in ${id}: they failed every retry. Read the function's logs, then redrive or purge.`,
    });
  }

  onErrors(id: string, fn: lambda.IFunction): cloudwatch.Alarm {
    return this.add(id, fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }), {
      threshold: 0,
      description: `${id}: the function threw. Failed messages are retried, then dead-lettered.`,
    });
  }

  /** A single throttle is expected with reserved concurrency 1; throttling for 15 minutes means a pile-up. */
  onSustainedThrottles(id: string, fn: lambda.IFunction): cloudwatch.Alarm {
    return this.add(id, fn.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }), {
      threshold: 0,
      evaluationPeriods: 3,
      description: `${id}: invocations throttled for 15 minutes; publishing is falling behind.`,
    });
  }

  /** Publishing stalls when the oldest trigger waits longer than `maxAge`. */
  onStaleMessages(id: string, queue: sqs.IQueue, maxAge: Duration): cloudwatch.Alarm {
    return this.add(id, queue.metricApproximateAgeOfOldestMessage({ period: Duration.minutes(5), statistic: 'Maximum' }), {
      threshold: maxAge.toSeconds(),
      description: `${id}: a publish trigger has waited more than ${maxAge.toHumanString()}.`,
    });
  }

  private add(id: string, metric: cloudwatch.IMetric, options: { threshold: number; description: string; evaluationPeriods?: number }): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      metric,
      threshold: options.threshold,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(new actions.SnsAction(this.topic));
    alarm.addOkAction(new actions.SnsAction(this.topic));
    return alarm;
  }
}
