// Placeholder while the drafting function is written: the CDK stack bundles this entry.
import type { S3Event } from 'aws-lambda';

export async function handler(_event: S3Event): Promise<void> {
  throw new Error('drafting not implemented yet');
}
