import { Logger } from '@aws-lambda-powertools/logger';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { readPublisherConfig } from './config';
import { type Publisher, createPublisher, handlePublishBatch } from './publisher';

const logger = new Logger({ serviceName: 'briefings-publisher' });
let publisher: Promise<Publisher> | undefined;

/** SQS (S3 events for briefings/, schedule ticks) → one publish run. Configuration is read on the first call. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  publisher ??= createPublisher(readPublisherConfig(process.env));
  return handlePublishBatch(event, await publisher, logger);
}
