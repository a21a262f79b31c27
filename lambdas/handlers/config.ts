/** What the publisher function needs, read once per cold start from its environment. */
export interface PublisherConfig {
  readonly dataBucket: string;
  /** '' or ending in '/': where `briefings/` and `sources/` live in the data bucket. */
  readonly dataPrefix: string;
  readonly siteBucket: string;
  /** Where the manifest and last good copies live in the data bucket (never served). */
  readonly statePrefix: string;
  readonly baseUrl: URL;
  readonly distributionId?: string;
  readonly maxDeletes: number;
  /** An S3-compatible endpoint (tests, local runs); absent in AWS. */
  readonly s3Endpoint?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Validates every variable and reports all problems at once (not just the first). */
export function readPublisherConfig(env: Env): PublisherConfig {
  const problems: string[] = [];
  const required = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) problems.push(`${name} is required`);
    return value ?? '';
  };
  const prefix = (name: string, fallback: string): string => {
    const value = (env[name] ?? fallback).trim().replace(/^\/+/, '');
    return value === '' || value.endsWith('/') ? value : `${value}/`;
  };
  const dataBucket = required('DATA_BUCKET');
  const siteBucket = required('SITE_BUCKET');
  const baseUrlText = required('BASE_URL');
  let baseUrl = new URL('https://invalid.invalid/');
  if (baseUrlText) {
    try {
      baseUrl = new URL(baseUrlText.endsWith('/') ? baseUrlText : `${baseUrlText}/`);
      if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:') problems.push(`BASE_URL must be http(s): ${baseUrlText}`);
    } catch {
      problems.push(`BASE_URL is not a URL: ${baseUrlText}`);
    }
  }
  const maxDeletes = Number(env.MAX_DELETES ?? '500');
  if (!Number.isInteger(maxDeletes) || maxDeletes < 0) problems.push(`MAX_DELETES must be a whole number, not "${env.MAX_DELETES}"`);
  const statePrefix = prefix('STATE_PREFIX', 'state/');
  const dataPrefix = prefix('DATA_PREFIX', '');
  if (statePrefix === '' || (dataPrefix !== '' && statePrefix.startsWith(dataPrefix) && statePrefix.slice(dataPrefix.length).startsWith('briefings/'))) {
    problems.push(`STATE_PREFIX "${statePrefix}" must be a separate prefix, outside briefings/`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    dataBucket,
    dataPrefix,
    siteBucket,
    statePrefix,
    baseUrl,
    maxDeletes,
    ...(env.DISTRIBUTION_ID && { distributionId: env.DISTRIBUTION_ID }),
    ...(env.S3_ENDPOINT && { s3Endpoint: env.S3_ENDPOINT }),
  };
}
