import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { BriefingsStack } from './briefingsStack';
import { readConfig } from './config';

export const STACK_ID = 'BilingualBriefings';

export interface CreateAppOptions {
  /** Context to start from; the CDK CLI passes cdk.json's context and `-c` values through the environment instead. */
  readonly context?: Record<string, unknown>;
  /** Cloud assembly directory; default: the CLI's (cdk.out) or a fresh temporary directory. */
  readonly outdir?: string;
}

/**
 * The app as the CLI and the tests both build it: context -> validated config -> the stack, with the cdk-nag
 * AwsSolutions pack registered as a validation plugin, so every synth (cdk synth, cdk deploy, the tests) fails on an
 * unacknowledged finding.
 */
export function createApp(options: CreateAppOptions = {}): { app: App; stack: BriefingsStack } {
  const app = new App({ context: options.context, outdir: options.outdir });
  const config = readConfig(app.node);

  const stack = new BriefingsStack(app, STACK_ID, {
    description: 'Bilingual Briefings: data bucket -> queue -> publisher -> site bucket behind CloudFront',
    config,
  });
  Tags.of(app).add('project', 'bilingual-briefings');

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
