import { hostname } from 'node:os';
import { loadProject } from '../../adapters/fs/loadProject';
import { pagefindIndexer } from '../../adapters/search/pagefindIndexer';
import { TargetError, type TargetSpec, needsAws, openTargets } from '../../adapters/targets';
import { runBuild } from '../../core/build/runBuild';
import { type Command, type Io, UsageError, parseOptions } from '../io';
import { parseBaseUrl } from '../baseUrl';
import { terminalProgress } from '../progress';
import { printBuildReport } from '../report';

/** Where `npm start` serves the site (`npm run preview`); pass --base-url for a real host. */
export const DEFAULT_BASE_URL = 'http://localhost:8080/';

const OPTIONS = {
  data: { type: 'string' },
  out: { type: 'string' },
  state: { type: 'string' },
  endpoint: { type: 'string' },
  distribution: { type: 'string' },
  'base-url': { type: 'string', default: DEFAULT_BASE_URL },
  'max-deletes': { type: 'string' },
  'allow-shrink': { type: 'boolean', default: false },
  verify: { type: 'boolean', default: false },
  wait: { type: 'string', default: '30' },
  now: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
} as const;

/** `briefings build`: defaults to the bundled data and `dist/site`; folders or S3 either side. */
export const buildCommand: Command = (args, io) => buildOrPublish(args, io, false);

/** `briefings publish --data … --out s3://…`: the same run, aimed at a bucket (CloudFront invalidation with --distribution). */
export const publishCommand: Command = (args, io) => buildOrPublish(args, io, true);

async function buildOrPublish(args: readonly string[], io: Io, publish: boolean): Promise<number> {
  const { values } = parseOptions(args, OPTIONS);
  if (publish && (!values.data || !values.out?.startsWith('s3://'))) throw new UsageError('publish needs --data DIR|s3://bucket/prefix and --out s3://bucket');
  const now = values.now === undefined ? io.now() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now "${values.now}" is not an ISO date-time`);
  const maxDeletes = values['max-deletes'] === undefined ? undefined : Number(values['max-deletes']);
  if (maxDeletes !== undefined && !(Number.isInteger(maxDeletes) && maxDeletes >= 0)) throw new UsageError('--max-deletes takes a whole number');
  const wait = Number(values.wait);
  if (!(Number.isFinite(wait) && wait >= 0)) throw new UsageError('--wait takes a number of seconds');
  const out = values.out ?? 'dist/site';
  const spec: TargetSpec = {
    data: values.data ?? 'data',
    out,
    ...(values.state && { state: values.state }),
    ...(values.endpoint && { endpoint: values.endpoint }),
    ...(values.distribution && { distribution: values.distribution }),
  };
  // A local build never loads the AWS SDK.
  const aws = needsAws(spec) ? (await import('../../adapters/awsAdapters')).AWS_ADAPTERS : undefined;
  let targets: ReturnType<typeof openTargets>;
  try {
    targets = openTargets(spec, aws);
  } catch (error) {
    if (error instanceof TargetError || (error as Error).name === 'S3LocationError') throw new UsageError((error as Error).message);
    throw error;
  }
  const progress = terminalProgress();
  const report = await runBuild(
    { ...targets, ...(await loadProject()), search: pagefindIndexer(), ...(progress && { progress }) },
    {
      baseUrl: parseBaseUrl(values['base-url']),
      now,
      dryRun: values['dry-run'],
      allowShrink: values['allow-shrink'],
      verify: values.verify,
      lease: { holder: `briefings ${publish ? 'publish' : 'build'} on ${hostname()} (pid ${process.pid})`, waitMs: wait * 1000 },
      ...(maxDeletes !== undefined && { maxDeletes }),
    },
  );
  printBuildReport(report, out, io, values.verbose);
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
