import type { CdnInvalidator } from '../../core/ports';
import { CloudFrontApi, type CloudFrontApiOptions } from './cloudFrontApi';

/** Paths per CreateInvalidation request: well inside CloudFront's limits, few requests per publish. */
export const INVALIDATION_BATCH = 1000;

/** Invalidates changed paths in batches; the caller already collapsed a too-long list to `/*`. */
export class CloudFrontInvalidator implements CdnInvalidator {
  constructor(
    private readonly client: CloudFrontApi,
    private readonly distributionId: string,
    /** Makes CallerReference unique per request but reproducible in tests. */
    private readonly reference: () => string = () => `${Date.now()}-${Math.random().toString(36).slice(2)}`,
  ) {}

  async invalidate(paths: readonly string[]): Promise<void> {
    for (let start = 0; start < paths.length; start += INVALIDATION_BATCH) {
      await this.client.createInvalidation(this.distributionId, `${this.reference()}-${start}`, paths.slice(start, start + INVALIDATION_BATCH));
    }
  }
}

export function createCloudFrontClient(options: CloudFrontApiOptions = {}): CloudFrontApi {
  return new CloudFrontApi(options);
}
