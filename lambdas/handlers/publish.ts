// Placeholder while the publisher is written: the CDK stack bundles this entry.
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';

export async function handler(_event: SQSEvent): Promise<SQSBatchResponse> {
  throw new Error('publisher not implemented yet');
}
