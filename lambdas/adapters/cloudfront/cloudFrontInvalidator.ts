import { CloudFrontClient, CreateInvalidationCommand } from '@aws-sdk/client-cloudfront';
import type { CdnInvalidator } from '../../core/ports';

/** Paths per CreateInvalidation request: well inside CloudFront's limits, few requests per publish. */
export const INVALIDATION_BATCH = 1000;

/** Invalidates changed paths in batches; the caller already collapsed a too-long list to `/*`. */
export class CloudFrontInvalidator implements CdnInvalidator {
  constructor(
    private readonly client: CloudFrontClient,
    private readonly distributionId: string,
    /** Makes CallerReference unique per request but reproducible in tests. */
    private readonly reference: () => string = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`,
  ) {}

  async invalidate(paths: readonly string[]): Promise<void> {
    for (let start = 0; start < paths.length; start += INVALIDATION_BATCH) {
      const batch = paths.slice(start, start + INVALIDATION_BATCH);
      await this.client.send(
        new CreateInvalidationCommand({
          DistributionId: this.distributionId,
          InvalidationBatch: { CallerReference: `${this.reference()}-${start}`, Paths: { Quantity: batch.length, Items: batch } },
        }),
      );
    }
  }
}

export function createCloudFrontClient(): CloudFrontClient {
  return new CloudFrontClient({ maxAttempts: 6 });
}
