import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { S3Client } from '@aws-sdk/client-s3';
import { loadProject } from '../adapters/fs/loadProject';
import { AWS_ADAPTERS } from '../adapters/awsAdapters';
import { openTargets } from '../adapters/targets';
import { type BuildDeps, type BuildReport, runBuild } from '../core/build/runBuild';
import { formatProblem } from '../core/model/problem';
import type { PublisherConfig } from './config';
import { summarise } from './eventKeys';
import { sortMessages } from './triggers';

/** The slice of a logger the handler uses (Powertools' Logger in Lambda, a recorder in tests). */
export interface Log {
  info(message: string, ...extra: Array<Record<string, unknown>>): void;
  warn(message: string, ...extra: Array<Record<string, unknown>>): void;
  error(message: string, ...extra: Array<Record<string, unknown>>): void;
}

export interface Publisher {
  readonly config: PublisherConfig;
  readonly deps: BuildDeps;
}

/** Everything a publish run needs, built once per cold start. */
export async function createPublisher(config: PublisherConfig, s3?: () => S3Client): Promise<Publisher> {
  const targets = openTargets(
    {
      data: `s3://${config.dataBucket}/${config.dataPrefix}`,
      out: `s3://${config.siteBucket}`,
      state: `s3://${config.dataBucket}/${config.statePrefix}`,
      ...(config.s3Endpoint && { endpoint: config.s3Endpoint }),
      ...(config.distributionId && { distribution: config.distributionId }),
    },
    AWS_ADAPTERS,
    s3,
  );
  return { config, deps: { ...targets, ...(await loadProject()) } };
}

/**
 * One SQS batch → at most one publish run. Messages that cannot be understood are reported as
 * batch item failures (retried, then kept in the DLQ for a person); valid ones fail together only
 * when the run itself fails, so SQS retries them; bad data never fails a run (it is reported).
 */
export async function handlePublishBatch(event: SQSEvent, publisher: Publisher, log: Log, now: () => Date = () => new Date()): Promise<SQSBatchResponse> {
  const { triggers, ignored, invalid, skipped } = sortMessages(event, publisher.config.dataPrefix);
  for (const message of ignored) log.info('message needs no publish', { ...message });
  for (const message of invalid) log.error('message not understood', { ...message });
  for (const record of skipped) log.error('record not understood; the rest of its message is published', { ...record });
  const failures = invalid.map((m) => ({ itemIdentifier: m.messageId }));
  if (triggers.length === 0) return { batchItemFailures: failures };

  log.info('publishing', { triggers: summarise(triggers.map((t) => (t.kind === 'data' ? `${t.event} ${t.key}` : 'schedule'))) });
  try {
    const report = await runBuild(publisher.deps, {
      baseUrl: publisher.config.baseUrl,
      now: now(),
      maxDeletes: publisher.config.maxDeletes,
      // A CLI publish may hold the lease: wait a little, then let SQS retry the batch later.
      lease: { holder: `publisher function ${process.env.AWS_LAMBDA_LOG_STREAM_NAME ?? `pid ${process.pid}`}`, waitMs: 10_000 },
    });
    logReport(report, log);
    return { batchItemFailures: failures };
  } catch (error) {
    log.error('publish failed; the batch will be retried', { error: (error as Error).message, name: (error as Error).name });
    const retry = [...new Set(triggers.map((t) => t.messageId))].map((itemIdentifier) => ({ itemIdentifier }));
    return { batchItemFailures: [...failures, ...retry] };
  }
}

function logReport(report: BuildReport, log: Log): void {
  for (const problem of report.problems)
    (problem.severity === 'error' ? log.error : log.warn).call(log, 'data problem', {
      problem: formatProblem(problem),
      file: problem.file,
      path: problem.path,
    });
  log.info('publish finished', {
    published: report.published.length,
    held: summarise(report.held.map((h) => `${h.id} (${h.reason})`)),
    stale: summarise(report.stale),
    uploads: report.publish.uploads.length,
    deletes: report.publish.deletes.length,
    kept: report.publish.kept.length,
    unchanged: report.publish.unchanged,
    invalidated: report.invalidated.length,
  });
}
