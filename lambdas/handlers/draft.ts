import { Logger } from '@aws-lambda-powertools/logger';
import type { S3Event } from 'aws-lambda';
import { type Drafter, createDrafter, handleReportEvent, readDrafterConfig } from './drafter';

const logger = new Logger({ serviceName: 'briefings-drafter' });
let drafter: Promise<Drafter> | undefined;

/** S3 (a report under reports/) → a draft briefing under drafts/. Configuration is read on the first call. */
export async function handler(event: S3Event): Promise<void> {
  drafter ??= createDrafter(readDrafterConfig(process.env));
  await handleReportEvent(event, await drafter, logger);
}
