import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE_ALIASES } from '../../lambdas/bundling/aliases';

/** The folder holding package-lock.json, lambdas/, templates/ and locales/. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The newest Node.js runtime aws-cdk-lib 2.276 names (NODEJS_24_X). Pinned rather than NODEJS_LATEST, whose value
 * moves with the library and would change the deployed runtime on a dependency bump.
 */
export const NODE_RUNTIME = lambda.Runtime.NODEJS_24_X;
/** esbuild target matching NODE_RUNTIME. */
export const ESBUILD_TARGET = 'node24';

export interface BundledFunctionProps {
  /** Handler module, relative to the project root. */
  readonly entry: string;
  /** The exported function to call; default `handler`. */
  readonly handler?: string;
  readonly description: string;
  /** Powertools `serviceName` of the structured logs. */
  readonly serviceName: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly reservedConcurrentExecutions?: number;
}

/**
 * A NodejsFunction bundled by the local esbuild (never Docker) as ESM for arm64, with its own log group and a role
 * that starts with nothing but write access to that log group (no AWSLambdaBasicExecutionRole): every other
 * permission is added by the construct that owns the resource.
 */
export class BundledFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'Logs', { retention: logs.RetentionDays.THREE_MONTHS });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.serviceName}`,
    });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      handler: props.handler ?? 'handler',
      description: props.description,
      runtime: NODE_RUNTIME,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: props.timeout,
      reservedConcurrentExecutions: props.reservedConcurrentExecutions,
      role: this.role,
      logGroup: this.logGroup,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: ESBUILD_TARGET,
        mainFields: ['module', 'main'],
        // Lets CommonJS dependencies that call require() work inside the ESM bundle.
        banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        minify: true,
        // Dependencies of dependencies that our code never reaches (see lambdas/bundling/aliases.ts).
        esbuildArgs: Object.fromEntries(Object.entries(BUNDLE_ALIASES).map(([name, stub]) => [`--alias:${name}`, stub])),
        sourceMap: true,
        // Stack traces map to file and line without shipping the sources a second time.
        sourcesContent: false,
        // Ship the SDK version package-lock.json pins instead of whatever the runtime happens to include.
        bundleAwsSDK: true,
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          // The code finds its templates and locales by walking up from the bundle to a folder holding both.
          afterBundling: (inputDir: string, outputDir: string) => [
            `cp -R "${join(inputDir, 'templates')}" "${join(outputDir, 'templates')}"`,
            `cp -R "${join(inputDir, 'locales')}" "${join(outputDir, 'locales')}"`,
          ],
        },
      },
    });
  }
}
