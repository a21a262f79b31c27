// The sharded republish (Step Functions Distributed Map → shard Lambdas → one merge), synthesized offline with
// cdk-nag as in stack.test.ts: it must be in the template, wired to the right bucket and functions, and clean.
import { readFileSync } from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingsStack } from '../../infra/briefingsStack';
import { BRIEFINGS_PER_SHARD, SHARD_CONCURRENCY } from '../../infra/constructs/shardedPublish';
import { createApp } from '../../infra/createApp';

const CONTEXT = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;
const logicalId = (c: IConstruct) => Stack.of(c).getLogicalId(c.node.defaultChild as CfnElement);

describe('sharded republish', { timeout: 120_000 }, () => {
  let stack: BriefingsStack;
  let t: Template;
  let definition: any;

  beforeAll(() => {
    const app = createApp({ context: CONTEXT });
    app.app.synth(); // throws on an unacknowledged cdk-nag finding
    stack = app.stack;
    t = Template.fromStack(stack);
    const machine = Object.values(t.findResources('AWS::StepFunctions::StateMachine'))[0]!;
    const parts = machine.Properties.DefinitionString['Fn::Join'][1] as unknown[];
    // Tokens (bucket names, function ARNs) sit inside JSON strings: written as `<Ref:Id>` text they keep it valid.
    definition = JSON.parse(parts.map((p) => (typeof p === 'string' ? p : `<${JSON.stringify(p).replace(/["{}[\]]/g, '')}>`)).join(''));
  });

  it('maps shards of the data bucket listing over the shard function, then merges once', () => {
    const shards = definition.States[definition.StartAt];
    expect(shards.Type).toBe('Map');
    expect(shards.ItemProcessor.ProcessorConfig.Mode).toBe('DISTRIBUTED');
    expect(shards.ItemReader.Resource).toMatch(/:states:::s3:listObjectsV2$/);
    expect(shards.ItemReader.Parameters.Prefix).toBe('briefings/');
    expect(JSON.stringify(shards.ItemReader.Parameters.Bucket)).toContain(logicalId(stack.data.bucket));
    expect(shards.ItemBatcher.MaxItemsPerBatch).toBe(BRIEFINGS_PER_SHARD);
    expect(shards.ItemBatcher.BatchInput).toEqual({ 'runId.$': '$$.Execution.Name' });
    expect(shards.MaxConcurrency).toBe(SHARD_CONCURRENCY);
    expect(shards.ToleratedFailurePercentage ?? 0).toBe(0); // a failed shard fails the run before anything is deleted
    const inner = shards.ItemProcessor.States[shards.ItemProcessor.StartAt];
    expect(JSON.stringify(inner.Resource ?? inner.Parameters)).toContain(logicalId(stack.shardedPublish.shardFunction.fn));

    const merge = definition.States[shards.Next];
    expect(merge.End).toBe(true);
    expect(JSON.stringify(merge)).toContain(logicalId(stack.shardedPublish.mergeFunction.fn));
    expect(merge.Parameters).toEqual({ 'runId.$': '$$.Execution.Name' });
  });

  it('runs the shard and merge handlers of one bundle, with the publisher environment', () => {
    const functions = t.findResources('AWS::Lambda::Function');
    const shard = functions[logicalId(stack.shardedPublish.shardFunction.fn)]!.Properties;
    const merge = functions[logicalId(stack.shardedPublish.mergeFunction.fn)]!.Properties;
    expect([shard.Handler, merge.Handler]).toEqual(['index.shard', 'index.merge']);
    expect(shard.Code.S3Key).toBe(merge.Code.S3Key);
    for (const fn of [shard, merge]) {
      expect(Object.keys(fn.Environment.Variables)).toEqual(
        expect.arrayContaining(['DATA_BUCKET', 'SITE_BUCKET', 'STATE_PREFIX', 'BASE_URL', 'DISTRIBUTION_ID', 'MAX_DELETES']),
      );
      expect(fn.Timeout).toBe(900);
    }
  });

  it('traces and logs every execution', () => {
    t.hasResourceProperties('AWS::StepFunctions::StateMachine', { TracingConfiguration: { Enabled: true }, LoggingConfiguration: { Level: 'ALL' } });
  });
});
