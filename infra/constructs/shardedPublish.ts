import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { BundledFunction } from './bundledFunction';
import { DATA_PREFIXES } from './dataBucket';

/** Briefings per shard: about a minute of rendering per Lambda at 1,769 MB (see DEPLOY.md). */
export const BRIEFINGS_PER_SHARD = 1000;
/** Shards running at once: bounded so S3 PUT rates and Lambda concurrency stay predictable. */
export const SHARD_CONCURRENCY = 100;
const ENTRY = 'lambdas/handlers/shardedPublish.ts';

export interface ShardedPublishProps {
  readonly dataBucket: s3.IBucket;
}

/**
 * A full republish spread over many Lambdas: a Distributed Map over the data bucket's `briefings/`
 * listing, one shard function per batch of keys (it renders and uploads those briefings' pages), then
 * one merge function (indexes, feeds, indicator pages, sitemap, deletions, the manifest, one
 * invalidation). For sites past what one publisher renders within its timeout; the queue-driven
 * publisher stays the everyday path. Started on demand (`aws stepfunctions start-execution`).
 */
export class ShardedPublish extends Construct {
  readonly shardFunction: BundledFunction;
  readonly mergeFunction: BundledFunction;
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ShardedPublishProps) {
    super(scope, id);

    const common = { entry: ENTRY, serviceName: 'briefings-sharded-publish', timeout: Duration.minutes(15) };
    // 1,769 MB is one full vCPU; the merge holds the whole site model (about 120 KB a briefing, see DEPLOY.md).
    this.shardFunction = new BundledFunction(this, 'Shard', {
      ...common,
      memorySize: 1769,
      handler: 'shard',
      description: 'Renders and uploads the pages of one shard of briefings',
    });
    this.mergeFunction = new BundledFunction(this, 'Merge', {
      ...common,
      memorySize: 10240,
      handler: 'merge',
      description: 'Renders the cross-briefing pages, deletes, writes the manifest, invalidates once',
    });

    const renderShard = new tasks.LambdaInvoke(this, 'RenderShard', {
      lambdaFunction: this.shardFunction.fn,
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });
    const shards = new sfn.DistributedMap(this, 'Shards', {
      itemReader: new sfn.S3ObjectsItemReader({ bucket: props.dataBucket, prefix: DATA_PREFIXES.briefings }),
      itemBatcher: new sfn.ItemBatcher({
        maxItemsPerBatch: BRIEFINGS_PER_SHARD,
        // ASL paths in BatchInput take the `.$` suffix; CDK passes this object through as written.
        batchInput: { 'runId.$': '$$.Execution.Name' },
      }),
      maxConcurrency: SHARD_CONCURRENCY,
      // A failed shard fails the run before the merge: nothing is deleted, the manifest is unchanged.
      toleratedFailurePercentage: 0,
      resultPath: sfn.JsonPath.DISCARD,
    });
    shards.itemProcessor(renderShard);
    const merge = new tasks.LambdaInvoke(this, 'MergeShards', {
      lambdaFunction: this.mergeFunction.fn,
      payload: sfn.TaskInput.fromObject({ runId: sfn.JsonPath.stringAt('$$.Execution.Name') }),
      payloadResponseOnly: true,
      retryOnServiceExceptions: true,
    });

    const logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'Full republish in shards: Distributed Map over briefings/, then one merge',
      definitionBody: sfn.DefinitionBody.fromChainable(shards.next(merge)),
      timeout: Duration.hours(2),
      tracingEnabled: true,
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });

    this.acknowledgeWildcards();
  }

  /**
   * The state machine's role, as CDK writes it: Lambda invoke grants cover function versions (`<arn>:*`), the
   * Distributed Map starts and reads its own child executions (`execution:<name>:*`), and X-Ray segments and log
   * delivery accept no resource but `*`. All are wildcards by construction, each acknowledged by name.
   */
  private acknowledgeWildcards(): void {
    const stack = Stack.of(this);
    const id = (c: Construct) => stack.getLogicalId(c.node.defaultChild as CfnElement);
    const machine = `{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${id(this.stateMachine)}"}]}]}`;
    const execution = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:${machine}`;
    Validations.of(this.stateMachine).acknowledge(
      { id: `AwsSolutions-IAM5[Resource::<${id(this.shardFunction.fn)}.Arn>:*]`, reason: 'Invoking any version of the shard function.' },
      { id: `AwsSolutions-IAM5[Resource::<${id(this.mergeFunction.fn)}.Arn>:*]`, reason: 'Invoking any version of the merge function.' },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray trace segments and CloudWatch log delivery take no narrower resource.' },
      { id: `AwsSolutions-IAM5[Resource::${execution}:*]`, reason: "The Distributed Map manages this state machine's own child executions." },
      { id: `AwsSolutions-IAM5[Resource::${execution}/*:*]`, reason: "The Distributed Map manages this state machine's own child executions." },
    );
  }
}
