// The CDK stack, synthesized offline exactly as `npx cdk synth` does it (same createApp, same cdk.json context),
// with the cdk-nag AwsSolutions pack running as a validation plugin. esbuild bundles the two functions locally.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack, Validations } from 'aws-cdk-lib';
import type { CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BriefingsStack } from '../../infra/briefingsStack';
import { ConfigError } from '../../infra/config';
import { NODE_RUNTIME } from '../../infra/constructs/bundledFunction';
import { CONTENT_SECURITY_POLICY, SEARCH_CONTENT_SECURITY_POLICY } from '../../infra/constructs/siteHosting';
import { createApp } from '../../infra/createApp';
import { feedRoute, formerFeedRoutes } from '../../lambdas/core/render/views/feedRoutes';

const CDK_JSON_CONTEXT: Record<string, unknown> = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')).context;

interface Synthesized {
  stack: BriefingsStack;
  template: Template;
  assemblyDir: string;
  report: { pluginReports: Array<{ pluginName: string; violations: unknown[] }> };
}

function synth(overrides: Record<string, unknown> = {}): Synthesized {
  const { app, stack } = createApp({ context: { ...CDK_JSON_CONTEXT, ...overrides } });
  // Throws (listing every finding) when cdk-nag reports an unacknowledged error.
  const assembly = app.synth();
  const reportPath = join(assembly.directory, VALIDATION_REPORT_FILE);
  expect(existsSync(reportPath), 'the validation plugins ran and wrote their report').toBe(true);
  return {
    stack,
    template: Template.fromStack(stack),
    assemblyDir: assembly.directory,
    report: JSON.parse(readFileSync(reportPath, 'utf8')),
  };
}

const logicalId = (construct: IConstruct): string => Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);

/** Renders an IAM resource or condition value as text: `<Bucket.Arn>/briefings/*`, `arn:<AWS::Partition>:...`. */
function render(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(render).join(v['Fn::Join'][0]);
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'].join('.')}>`;
  if (v.Ref) return `<${v.Ref}>`;
  return JSON.stringify(value);
}

/** The state machine's acknowledged wildcards (see ShardedPublish.acknowledgeWildcards). */
function shardedStateMachineAcks(stack: BriefingsStack): string[] {
  const { shardFunction, mergeFunction, stateMachine } = stack.shardedPublish;
  const execution = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${logicalId(stateMachine)}"}]}]}`;
  return [`<${logicalId(shardFunction.fn)}.Arn>:*`, `<${logicalId(mergeFunction.fn)}.Arn>:*`, '*', `${execution}:*`, `${execution}/*:*`].map(
    (resource) => `ShardedPublish/StateMachine AwsSolutions-IAM5[Resource::${resource}]`,
  );
}

interface Statement {
  Effect: string;
  Action: string[];
  Resource: string[];
  Condition?: Record<string, Record<string, unknown>>;
}

/** Every statement of every AWS::IAM::Policy attached to the role, with actions and resources as text arrays. */
function statementsOfRole(template: Template, roleId: string): Statement[] {
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
    (p.Properties.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleId),
  );
  expect(policies.length).toBeGreaterThan(0);
  return policies.flatMap((p) =>
    (p.Properties.PolicyDocument.Statement as Array<Record<string, any>>).map((s) => ({
      Effect: s.Effect,
      Action: [s.Action].flat(),
      Resource: [s.Resource].flat().map(render),
      Condition: s.Condition,
    })),
  );
}

/** The CloudFront Function exactly as synthesized, evaluated as CloudFront would: a global `handler`. */
type ViewerResult = { uri?: string; statusCode?: number; headers?: { location?: { value: string } } };
function cloudFrontHandler(template: Template): (event: { request: { uri: string } }) => ViewerResult {
  const [fn] = Object.values(template.findResources('AWS::CloudFront::Function'));
  return new Function(`${fn!.Properties.FunctionCode}\nreturn handler;`)();
}

function newestNodeRuntimeKnownToLib(): lambda.Runtime {
  const named = Object.values(lambda.Runtime).filter(
    (r): r is lambda.Runtime => r instanceof lambda.Runtime && r.family === lambda.RuntimeFamily.NODEJS && /^nodejs\d+\.x$/.test(r.name),
  );
  const major = (r: lambda.Runtime) => Number(/\d+/.exec(r.name)![0]);
  return named.reduce((a, b) => (major(b) > major(a) ? b : a));
}

describe('BriefingsStack with the cdk.json defaults', { timeout: 120_000 }, () => {
  let s: Synthesized;
  let t: Template;
  let ids: Record<'dataBucket' | 'siteBucket' | 'distribution' | 'queue' | 'dlq' | 'publisher' | 'publisherRole' | 'drafter' | 'drafterRole' | 'topic', string>;

  beforeAll(() => {
    s = synth();
    t = s.template;
    const { data, site, publisher, drafter, alarms } = s.stack;
    ids = {
      dataBucket: logicalId(data.bucket),
      siteBucket: logicalId(site.bucket),
      distribution: logicalId(site.distribution),
      queue: logicalId(publisher.queue),
      dlq: logicalId(publisher.deadLetterQueue),
      publisher: logicalId(publisher.function.fn),
      publisherRole: logicalId(publisher.function.role),
      drafter: logicalId(drafter.function.fn),
      drafterRole: logicalId(drafter.function.role),
      topic: logicalId(alarms.topic),
    };
  }, 120_000);

  describe('cdk-nag (AwsSolutions) and the other validation plugins', () => {
    it('reports no unacknowledged error or warning', () => {
      const violations = s.report.pluginReports.flatMap((r) => r.violations.map((v) => ({ plugin: r.pluginName, ...(v as object) })));
      expect(violations).toEqual([]);
    });

    it('acknowledges exactly the reviewed findings, each with a written reason', () => {
      const acks: Array<{ path: string; id: string; reason: string }> = [];
      for (const c of s.stack.node.findAll()) {
        for (const m of c.node.metadata) {
          if (m.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
          for (const [id, reason] of Object.entries(m.data as Record<string, string>)) {
            acks.push({ path: c.node.path.replace(/^BilingualBriefings\//, ''), id: id.replace(/^Annotation::/, ''), reason });
          }
        }
      }
      for (const ack of acks) expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThan(40);
      expect(acks.map((a) => `${a.path} ${a.id}`).sort()).toEqual(
        [
          'BucketNotificationsHandler050a0587b7544547bf325f094a3db834 AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
          'Drafter/FailureQueue AwsSolutions-SQS3',
          `Drafter/Function/Role AwsSolutions-IAM5[Resource::<${ids.dataBucket}.Arn>/drafts/*]`,
          `Drafter/Function/Role AwsSolutions-IAM5[Resource::<${ids.dataBucket}.Arn>/reports/*]`,
          `Publisher/Function/Role AwsSolutions-IAM5[Resource::<${ids.dataBucket}.Arn>/briefings/*]`,
          `Publisher/Function/Role AwsSolutions-IAM5[Resource::<${ids.dataBucket}.Arn>/sources/*]`,
          `Publisher/Function/Role AwsSolutions-IAM5[Resource::<${ids.dataBucket}.Arn>/state/*]`,
          `Publisher/Function/Role AwsSolutions-IAM5[Resource::<${ids.siteBucket}.Arn>/*]`,
          ...['Shard', 'Merge'].flatMap((fn) => [
            `ShardedPublish/${fn}/Role AwsSolutions-IAM5[Resource::<${ids.dataBucket}.Arn>/briefings/*]`,
            `ShardedPublish/${fn}/Role AwsSolutions-IAM5[Resource::<${ids.dataBucket}.Arn>/sources/*]`,
            `ShardedPublish/${fn}/Role AwsSolutions-IAM5[Resource::<${ids.dataBucket}.Arn>/state/*]`,
            `ShardedPublish/${fn}/Role AwsSolutions-IAM5[Resource::<${ids.siteBucket}.Arn>/*]`,
          ]),
          ...shardedStateMachineAcks(s.stack),
          'Site/Distribution AwsSolutions-CFR1',
          'Site/Distribution AwsSolutions-CFR2',
          'Site/Distribution AwsSolutions-CFR4',
        ].sort(),
      );
    });

    it('fails the synth on an unacknowledged finding (the pack really runs)', () => {
      const { app, stack } = createApp({ context: CDK_JSON_CONTEXT });
      new s3.CfnBucket(stack, 'CarelessBucket');
      expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
    });
  });

  describe('buckets', () => {
    it('block all public access and are encrypted at rest, every one of them', () => {
      const buckets = Object.values(t.findResources('AWS::S3::Bucket'));
      expect(buckets).toHaveLength(3); // data, site, access logs
      for (const bucket of buckets) {
        expect(bucket.Properties).toMatchObject({
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        });
      }
      // The two named in the brief, asserted the documented way as well.
      for (const id of [ids.dataBucket, ids.siteBucket]) {
        expect(Object.keys(t.findResources('AWS::S3::Bucket', { Properties: { PublicAccessBlockConfiguration: { BlockPublicAcls: true } } }))).toContain(id);
      }
    });

    it('deny every request that does not use TLS', () => {
      for (const bucket of Object.keys(t.findResources('AWS::S3::Bucket'))) {
        t.hasResourceProperties('AWS::S3::BucketPolicy', {
          Bucket: { Ref: bucket },
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            ]),
          },
        });
      }
    });

    it('keep the data bucket versioned, logged and retained', () => {
      t.hasResource('AWS::S3::Bucket', {
        Properties: Match.objectLike({
          VersioningConfiguration: { Status: 'Enabled' },
          LoggingConfiguration: { DestinationBucketName: Match.anyValue(), LogFilePrefix: Match.anyValue() },
        }),
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
      });
      expect(t.findResources('AWS::S3::Bucket')[ids.dataBucket]!.DeletionPolicy).toBe('Retain');
    });

    it('let only this CloudFront distribution read the site bucket', () => {
      const [policy] = Object.values(t.findResources('AWS::S3::BucketPolicy', { Properties: { Bucket: { Ref: ids.siteBucket } } }));
      const allows = (policy!.Properties.PolicyDocument.Statement as Array<Record<string, any>>).filter((st) => st.Effect === 'Allow');
      expect(allows).toHaveLength(1);
      expect(allows[0]).toMatchObject({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } });
      expect(render(allows[0]!.Condition.StringEquals['AWS:SourceArn'])).toBe(
        `arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution/<${ids.distribution}>`,
      );
    });
  });

  describe('CloudFront', () => {
    it('reads the bucket through Origin Access Control (sigv4, always signing)', () => {
      t.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
      });
      t.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: {
          Origins: [Match.objectLike({ OriginAccessControlId: { 'Fn::GetAtt': [Match.anyValue(), 'Id'] }, S3OriginConfig: { OriginAccessIdentity: '' } })],
        },
      });
    });

    it('redirects to HTTPS, rewrites directory URLs on viewer request, and adds the security headers', () => {
      t.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultRootObject: 'index.html',
          PriceClass: 'PriceClass_200',
          Logging: Match.objectLike({ Prefix: 'cloudfront/' }),
          DefaultCacheBehavior: Match.objectLike({
            ViewerProtocolPolicy: 'redirect-to-https',
            FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [Match.anyValue(), 'FunctionARN'] } }],
            ResponseHeadersPolicyId: { Ref: Match.anyValue() },
          }),
        }),
      });
    });

    it('serves /404.html with status 404 for missing keys (S3 answers 403 for them behind OAC)', () => {
      t.hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          CustomErrorResponses: [
            Match.objectLike({ ErrorCode: 403, ResponseCode: 404, ResponsePagePath: '/404.html' }),
            Match.objectLike({ ErrorCode: 404, ResponseCode: 404, ResponsePagePath: '/404.html' }),
          ],
        }),
      });
    });

    it('sends HSTS (>= 1 year, subdomains), the CSP the pages satisfy, nosniff, referrer policy and DENY framing', () => {
      const [policy] = Object.values(t.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
      const headers = policy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
      expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31_536_000);
      expect(headers.StrictTransportSecurity.IncludeSubdomains).toBe(true);
      expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).toBe(
        "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      );
      expect(headers.ContentSecurityPolicy.ContentSecurityPolicy).toBe(CONTENT_SECURITY_POLICY);
      expect(headers.ContentTypeOptions).toEqual({ Override: true });
      expect(headers.ReferrerPolicy.ReferrerPolicy).toBe('strict-origin-when-cross-origin');
      expect(headers.FrameOptions.FrameOption).toBe('DENY');
    });

    it('lets only the search paths run scripts: their own behaviours carry the search CSP, the default keeps the strict one', () => {
      const policies = t.findResources('AWS::CloudFront::ResponseHeadersPolicy');
      const cspOf = (ref: { Ref: string }) =>
        policies[ref.Ref]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
      const [distribution] = Object.values(t.findResources('AWS::CloudFront::Distribution'));
      const config = distribution!.Properties.DistributionConfig;
      expect(cspOf(config.DefaultCacheBehavior.ResponseHeadersPolicyId)).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).not.toContain('script-src');
      const search = Object.fromEntries(
        config.CacheBehaviors.map((b: { PathPattern: string; ResponseHeadersPolicyId: { Ref: string } }) => [b.PathPattern, cspOf(b.ResponseHeadersPolicyId)]),
      );
      expect(search).toEqual({ '/*/search/*': SEARCH_CONTENT_SECURITY_POLICY, '/pagefind/*': SEARCH_CONTENT_SECURITY_POLICY });
      expect(SEARCH_CONTENT_SECURITY_POLICY).toBe(`${CONTENT_SECURITY_POLICY}; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'`);
    });

    it.each([
      ['/en/', '/en/index.html'],
      ['/en', '/en/index.html'],
      ['/zh/briefings/chengdu-2025/', '/zh/briefings/chengdu-2025/index.html'],
      ['/zh/briefings/chengdu-2025', '/zh/briefings/chengdu-2025/index.html'],
      ['/', '/index.html'],
      ['/en/feed.xml', '/en/feed.xml'],
      ['/en/index.html', '/en/index.html'],
      ['/assets/style.css', '/assets/style.css'],
      ['/v1.2/notes', '/v1.2/notes/index.html'],
    ])('the CloudFront Function maps %s to %s', (uri, expected) => {
      t.hasResourceProperties('AWS::CloudFront::Function', { FunctionConfig: { Runtime: 'cloudfront-js-2.0' } });
      expect(cloudFrontHandler(t)({ request: { uri } }).uri).toBe(expected);
    });

    it.each([
      ['/en/indicators/gdp/chengdu/atom.xml', '/en/indicators/gdp/chengdu/feed.xml'],
      ['/zh/indicators/gdp/qingbaijiang/feed.json', '/zh/indicators/gdp/qingbaijiang/feed.xml'],
    ])('the CloudFront Function moves the former series feed %s to %s for good', (uri, location) => {
      const result = cloudFrontHandler(t)({ request: { uri } });
      expect([result.statusCode, result.headers?.location?.value, result.uri]).toEqual([301, location, undefined]);
    });

    it('redirects every route the core says a series feed superseded to that feed, and nothing else the core publishes', () => {
      const series = { kind: 'indicator', key: 'gdp', region: 'chengdu' } as const;
      for (const lang of ['zh', 'en'] as const) {
        const former = formerFeedRoutes(lang, series, 'rss');
        expect(former).toHaveLength(2);
        for (const uri of former) expect(cloudFrontHandler(t)({ request: { uri } }).headers?.location?.value).toBe(feedRoute(lang, series, 'rss'));
        const site = { kind: 'site' } as const;
        for (const format of ['rss', 'atom', 'jsonfeed'] as const) expect(formerFeedRoutes(lang, site, format)).toEqual([]);
      }
    });

    it.each(['/en/atom.xml', '/en/topics/economy/feed.json', '/en/indicators/gdp/chengdu/feed.xml', '/en/compare/gdp/2026/province/atom.xml'])(
      'the CloudFront Function serves %s as it is: only series feeds moved',
      (uri) => expect(cloudFrontHandler(t)({ request: { uri } })).toEqual({ uri }),
    );
  });

  describe('queue, dead-letter queue and schedule', () => {
    it('puts a dead-letter queue behind the publish queue; both encrypted', () => {
      t.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        RedrivePolicy: { deadLetterTargetArn: { 'Fn::GetAtt': [ids.dlq, 'Arn'] }, maxReceiveCount: 5 },
      });
      for (const queue of Object.values(t.findResources('AWS::SQS::Queue'))) {
        expect(queue.Properties.SqsManagedSseEnabled ?? queue.Properties.KmsMasterKeyId).toBeTruthy();
      }
    });

    it('denies non-TLS access to every queue', () => {
      for (const queue of Object.keys(t.findResources('AWS::SQS::Queue'))) {
        t.hasResourceProperties('AWS::SQS::QueuePolicy', {
          Queues: [{ Ref: queue }],
          PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
        });
      }
    });

    it('keeps messages invisible for at least six function timeouts', () => {
      const timeout = t.findResources('AWS::Lambda::Function')[ids.publisher]!.Properties.Timeout as number;
      const visibility = t.findResources('AWS::SQS::Queue')[ids.queue]!.Properties.VisibilityTimeout as number;
      expect(visibility).toBeGreaterThanOrEqual(6 * timeout);
    });

    it('sends created and removed briefings/ objects to the queue, and new reports/ to the drafter', () => {
      const onPrefix = (prefix: string) => ({ Key: { FilterRules: [{ Name: 'prefix', Value: prefix }] } });
      t.hasResourceProperties('Custom::S3BucketNotifications', {
        BucketName: { Ref: ids.dataBucket },
        NotificationConfiguration: {
          QueueConfigurations: Match.arrayWith([
            { Events: ['s3:ObjectCreated:*'], Filter: onPrefix('briefings/'), QueueArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] } },
            { Events: ['s3:ObjectRemoved:*'], Filter: onPrefix('briefings/'), QueueArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] } },
          ]),
          LambdaFunctionConfigurations: [
            { Events: ['s3:ObjectCreated:*'], Filter: onPrefix('reports/'), LambdaFunctionArn: { 'Fn::GetAtt': [ids.drafter, 'Arn'] } },
          ],
        },
      });
    });

    it('ticks the queue on the default schedule, in Shanghai time', () => {
      t.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: 'cron(5,35 * * * ? *)',
        ScheduleExpressionTimezone: 'Asia/Shanghai',
        State: 'ENABLED',
        Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [ids.queue, 'Arn'] }, Input: '{"source":"schedule","kind":"republish"}' }),
      });
    });
  });

  describe('publisher function', () => {
    it('runs on the newest Node.js runtime aws-cdk-lib knows, on arm64, one at a time', () => {
      const newest = newestNodeRuntimeKnownToLib();
      expect(NODE_RUNTIME.name).toBe(newest.name);
      expect(Number(/\d+/.exec(NODE_RUNTIME.name)![0])).toBeGreaterThanOrEqual(Number(/\d+/.exec(lambda.Runtime.NODEJS_LATEST.name)![0]));
      const fn = t.findResources('AWS::Lambda::Function')[ids.publisher]!.Properties;
      expect(fn.Runtime).toBe(newest.name);
      expect(['nodejs18.x', 'nodejs20.x']).not.toContain(fn.Runtime);
      expect(fn).toMatchObject({ Architectures: ['arm64'], ReservedConcurrentExecutions: 1, MemorySize: 1024, Handler: 'index.handler' });
      const logGroupId = logicalId(s.stack.publisher.function.logGroup);
      expect(fn.LoggingConfig.LogGroup).toEqual({ Ref: logGroupId });
      expect(t.findResources('AWS::Logs::LogGroup')[logGroupId]!.Properties.RetentionInDays).toBeGreaterThan(0);
    });

    it('gets exactly the environment the handler reads', () => {
      const env = t.findResources('AWS::Lambda::Function')[ids.publisher]!.Properties.Environment.Variables;
      expect(Object.keys(env).sort()).toEqual(
        [
          'BASE_URL',
          'DATA_BUCKET',
          'DISTRIBUTION_ID',
          'MAX_DELETES',
          'NODE_OPTIONS',
          'POWERTOOLS_LOG_LEVEL',
          'POWERTOOLS_SERVICE_NAME',
          'SITE_BUCKET',
          'STATE_PREFIX',
        ].sort(),
      );
      expect(env).toMatchObject({ STATE_PREFIX: 'state/', MAX_DELETES: '500', NODE_OPTIONS: '--enable-source-maps' });
      expect(env.DATA_BUCKET).toEqual({ Ref: ids.dataBucket });
      expect(env.SITE_BUCKET).toEqual({ Ref: ids.siteBucket });
      expect(env.DISTRIBUTION_ID).toEqual({ Ref: ids.distribution });
      expect(render(env.BASE_URL)).toBe(`https://<${ids.distribution}.DomainName>/`);
    });

    it('consumes the queue in batches and reports partial batch failures', () => {
      t.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: ids.publisher },
        EventSourceArn: { 'Fn::GetAtt': [ids.queue, 'Arn'] },
        BatchSize: 10,
        MaximumBatchingWindowInSeconds: 20,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    });

    it('is bundled as ESM with the templates/ and locales/ folders next to it', () => {
      const key: string = t.findResources('AWS::Lambda::Function')[ids.publisher]!.Properties.Code.S3Key;
      const dir = join(s.assemblyDir, `asset.${key.replace(/\.zip$/, '')}`);
      expect(readFileSync(join(dir, 'index.mjs'), 'utf8')).toMatch(
        /^import \{ createRequire \} from 'node:module'; const require = createRequire\(import\.meta\.url\);/,
      );
      expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
      expect(existsSync(join(dir, 'templates', 'layouts', 'base.hbs'))).toBe(true);
      expect(existsSync(join(dir, 'locales', 'en'))).toBe(true);
      expect(existsSync(join(dir, 'locales', 'zh-CN'))).toBe(true);
    });
  });

  describe('least privilege', () => {
    const S3_OR_CLOUDFRONT = /^(s3|cloudfront):/;

    it('the publisher has no wildcard action and no "*" resource for S3 or CloudFront', () => {
      for (const st of statementsOfRole(t, ids.publisherRole)) {
        expect(st.Effect).toBe('Allow');
        for (const action of st.Action) expect(action, JSON.stringify(st)).not.toMatch(/\*/);
        if (st.Action.some((a) => S3_OR_CLOUDFRONT.test(a))) expect(st.Resource).not.toContain('*');
      }
    });

    it('the publisher reads briefings/ and sources/, owns state/, writes the site but never reads or lists it', () => {
      const statements = statementsOfRole(t, ids.publisherRole);
      const resourcesFor = (action: string) =>
        statements
          .filter((st) => st.Action.includes(action))
          .flatMap((st) => st.Resource)
          .sort();
      const data = `<${ids.dataBucket}.Arn>`;
      const site = `<${ids.siteBucket}.Arn>`;
      expect(resourcesFor('s3:GetObject')).toEqual([`${data}/briefings/*`, `${data}/sources/*`, `${data}/state/*`].sort());
      expect(resourcesFor('s3:PutObject')).toEqual([`${data}/state/*`, `${site}/*`].sort());
      expect(resourcesFor('s3:DeleteObject')).toEqual([`${data}/state/*`, `${site}/*`].sort());
      expect(resourcesFor('s3:ListBucket')).toEqual([data]);
      const listData = statements.find((st) => st.Action.includes('s3:ListBucket') && st.Resource.includes(data))!;
      expect(listData.Condition).toEqual({ StringLike: { 's3:prefix': ['briefings/*', 'sources/*', 'state/*'] } });
      expect(resourcesFor('cloudfront:CreateInvalidation')).toEqual([`arn:<AWS::Partition>:cloudfront::<AWS::AccountId>:distribution/<${ids.distribution}>`]);
    });

    it('the drafter reads reports/ and writes drafts/, and cannot touch briefings/', () => {
      const statements = statementsOfRole(t, ids.drafterRole);
      const s3Statements = statements.filter((st) => st.Action.some((a) => a.startsWith('s3:')));
      expect(s3Statements.flatMap((st) => st.Action.map((a) => `${a} ${st.Resource.join(',')}`)).sort()).toEqual([
        `s3:GetObject <${ids.dataBucket}.Arn>/reports/*`,
        `s3:PutObject <${ids.dataBucket}.Arn>/drafts/*`,
      ]);
      for (const resource of statements.flatMap((st) => st.Resource)) {
        expect(resource).not.toMatch(/briefings/);
        expect(resource).not.toBe('*');
      }
    });
  });

  describe('alarms and outputs', () => {
    it('alarm on the dead-letter queue, function errors and a stale queue, through the encrypted topic', () => {
      const onTopic = { AlarmActions: [{ Ref: ids.topic }] };
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        ...onTopic,
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids.dlq, 'QueueName'] } }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      });
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        ...onTopic,
        MetricName: 'Errors',
        Dimensions: [{ Name: 'FunctionName', Value: { Ref: ids.publisher } }],
        Threshold: 0,
      });
      t.hasResourceProperties('AWS::CloudWatch::Alarm', {
        ...onTopic,
        MetricName: 'ApproximateAgeOfOldestMessage',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [ids.queue, 'QueueName'] } }],
      });
      t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
      t.hasResourceProperties('AWS::SNS::TopicPolicy', {
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
      t.resourceCountIs('AWS::SNS::Subscription', 0);
    });

    it('outputs the distribution domain, bucket names and queue URL', () => {
      t.hasOutput('DistributionDomainName', { Value: { 'Fn::GetAtt': [ids.distribution, 'DomainName'] } });
      t.hasOutput('SiteBucketName', { Value: { Ref: ids.siteBucket } });
      t.hasOutput('DataBucketName', { Value: { Ref: ids.dataBucket } });
      t.hasOutput('PublishQueueUrl', { Value: { Ref: ids.queue } });
    });
  });

  it('matches the reviewed template (asset hashes normalized)', async () => {
    const normalized = JSON.stringify(t.toJSON(), null, 2).replace(/[0-9a-f]{64}(\.zip)?/g, (_m, zip: string | undefined) => `[asset hash]${zip ?? ''}`);
    await expect(normalized).toMatchFileSnapshot('__snapshots__/stack.template.json');
  });
});

describe('BriefingsStack with context values', { timeout: 120_000 }, () => {
  it('uses the schedule, price class, delete guard, alarm e-mail and custom domain given', () => {
    const { template: t, report } = synth({
      publishSchedule: 'cron(0 8 * * ? *)',
      priceClass: 'PriceClass_100',
      maxDeletes: '42', // `-c maxDeletes=42` arrives as a string
      alarmEmail: 'ops@example.org',
      domainName: 'briefings.example.org',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0d5b2a4c-1111-2222-3333-444455556666',
    });
    t.hasResourceProperties('AWS::Scheduler::Schedule', { ScheduleExpression: 'cron(0 8 * * ? *)' });
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        PriceClass: 'PriceClass_100',
        Aliases: ['briefings.example.org'],
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' }),
      }),
    });
    t.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MAX_DELETES: '42', BASE_URL: 'https://briefings.example.org/' }) },
    });
    t.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    // No CFR4 acknowledgement is made with a certificate: TLS 1.2 must satisfy cdk-nag on its own.
    expect(report.pluginReports.flatMap((r) => r.violations)).toEqual([]);
  });

  it('rejects bad values, listing every problem', () => {
    const attempt = () =>
      createApp({ context: { ...CDK_JSON_CONTEXT, maxDeletes: '-1', priceClass: 'PriceClass_1', publishSchedule: 'every 5 minutes', domainName: 'x.org' } });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/maxDeletes[\s\S]*priceClass|publishSchedule[\s\S]*maxDeletes/);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });
});
