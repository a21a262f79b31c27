import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type { StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { BriefingsConfig } from './config';
import { AccessLogs } from './constructs/accessLogs';
import { Alarms } from './constructs/alarms';
import { DataBucket } from './constructs/dataBucket';
import { Drafter } from './constructs/drafter';
import { Publisher } from './constructs/publisher';
import { ShardedPublish } from './constructs/shardedPublish';
import { SiteHosting } from './constructs/siteHosting';

export interface BriefingsStackProps extends StackProps {
  readonly config: BriefingsConfig;
}

/**
 * editors -> data bucket -(S3 events)-> queue <-(schedule)- ; queue -> publisher -> site bucket <- CloudFront.
 * This class only wires the constructs together; each one owns its resources and grants.
 */
export class BriefingsStack extends Stack {
  readonly data: DataBucket;
  readonly site: SiteHosting;
  readonly publisher: Publisher;
  readonly drafter: Drafter;
  readonly alarms: Alarms;
  readonly shardedPublish: ShardedPublish;

  constructor(scope: Construct, id: string, props: BriefingsStackProps) {
    super(scope, id, props);
    const { config } = props;

    const logs = new AccessLogs(this, 'AccessLogs');
    const data = new DataBucket(this, 'Data', { accessLogs: logs.bucket });
    const site = new SiteHosting(this, 'Site', {
      accessLogs: logs.bucket,
      priceClass: config.priceClass,
      domainName: config.domainName,
      certificateArn: config.certificateArn,
      baseUrl: config.baseUrl,
    });

    const publisher = new Publisher(this, 'Publisher', {
      publishSchedule: config.publishSchedule,
      maxDeletes: config.maxDeletes,
    });
    data.notifyBriefingChanges(publisher.queue);
    data.bindPublisher(publisher.function);
    site.bindPublisher(publisher.function);

    const sharded = new ShardedPublish(this, 'ShardedPublish', { dataBucket: data.bucket });
    for (const fn of [sharded.shardFunction, sharded.mergeFunction]) {
      data.bindPublisher(fn);
      site.bindPublisher(fn);
      fn.fn.addEnvironment('MAX_DELETES', String(config.maxDeletes));
    }

    const drafter = new Drafter(this, 'Drafter');
    data.notifyNewReports(drafter.function.fn);
    data.bindDrafter(drafter.function);

    const alarms = new Alarms(this, 'Alarms', { alarmEmail: config.alarmEmail });
    alarms.onDeadLetters('PublishDeadLetters', publisher.deadLetterQueue);
    alarms.onErrors('PublisherErrors', publisher.function.fn);
    alarms.onSustainedThrottles('PublisherThrottles', publisher.function.fn);
    // Two missed ticks: the publisher is stuck or failing on every message.
    alarms.onStaleMessages('PublishQueueStale', publisher.queue, Duration.hours(1));
    alarms.onDeadLetters('DraftFailures', drafter.failureQueue);
    alarms.onErrors('DrafterErrors', drafter.function.fn);

    this.data = data;
    this.site = site;
    this.publisher = publisher;
    this.drafter = drafter;
    this.alarms = alarms;
    this.shardedPublish = sharded;

    new CfnOutput(this, 'DistributionDomainName', {
      value: site.distribution.distributionDomainName,
      description: 'The site: https://<this>/ (point a custom domain here as a CNAME/alias)',
    });
    new CfnOutput(this, 'DistributionId', {
      value: site.distribution.distributionId,
      description: 'For `briefings publish --distribution` and manual invalidations',
    });
    new CfnOutput(this, 'SiteUrl', { value: site.baseUrl, description: 'BASE_URL the pages are rendered for' });
    new CfnOutput(this, 'SiteBucketName', { value: site.bucket.bucketName, description: 'Published site (written only by the publisher)' });
    new CfnOutput(this, 'DataBucketName', {
      value: data.bucket.bucketName,
      description: 'Editors upload briefings/<id>.json, sources/<file> and reports/<file> here',
    });
    new CfnOutput(this, 'PublishQueueUrl', { value: publisher.queue.queueUrl, description: 'Send {"source":"schedule","kind":"republish"} to republish now' });
    new CfnOutput(this, 'ShardedPublishStateMachineArn', {
      value: sharded.stateMachine.stateMachineArn,
      description: 'Full republish in shards (large sites): aws stepfunctions start-execution --state-machine-arn <this>',
    });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn, description: 'Subscribe here for alarm notifications' });
  }
}
