import { PriceClass } from 'aws-cdk-lib/aws-cloudfront';
import type { Node } from 'constructs';

/**
 * Deploy-time settings, read once from CDK context (`cdk.json` or `-c key=value`) and validated here, so the
 * constructs receive typed values and a bad value fails synth with every problem listed at once.
 *
 * Values given with `-c` arrive as strings, so numbers are parsed, and empty strings count as "not set".
 */
export interface BriefingsConfig {
  /** EventBridge Scheduler expression for the republish tick, evaluated in Asia/Shanghai time. */
  readonly publishSchedule: string;
  /** Public URL the pages are rendered for (ends with `/`); undefined means "the distribution's own domain". */
  readonly baseUrl?: string;
  /** Publisher refuses a run that would delete more site objects than this (guards against a bad data drop). */
  readonly maxDeletes: number;
  /** Optional address subscribed to the alarm topic (the subscription must be confirmed from the e-mail). */
  readonly alarmEmail?: string;
  readonly priceClass: PriceClass;
  /** Optional custom domain served by the distribution; needs `certificateArn` (ACM, us-east-1). */
  readonly domainName?: string;
  readonly certificateArn?: string;
}

/** The defaults, also written out in `cdk.json` so they are visible where they are changed. */
export const CONFIG_DEFAULTS = {
  // Twice an hour, off the round minutes: a briefing with `publishAt` 09:00 goes out at 09:05.
  publishSchedule: 'cron(5,35 * * * ? *)',
  maxDeletes: 500,
  // North America, Europe, Asia (incl. Hong Kong, Japan, Singapore): where the readers of this site are.
  priceClass: PriceClass.PRICE_CLASS_200,
} as const;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid CDK context:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function readConfig(node: Node): BriefingsConfig {
  const problems: string[] = [];
  const text = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') problems.push(`${key}: expected a string, got ${JSON.stringify(value)}`);
    return typeof value === 'string' ? value.trim() : undefined;
  };

  const publishSchedule = text('publishSchedule') ?? CONFIG_DEFAULTS.publishSchedule;
  if (!/^(cron|rate)\(.+\)$/.test(publishSchedule)) {
    problems.push(`publishSchedule: expected "cron(...)" or "rate(...)", got "${publishSchedule}"`);
  }

  const rawMaxDeletes: unknown = node.tryGetContext('maxDeletes');
  const maxDeletes = rawMaxDeletes === undefined || rawMaxDeletes === '' ? CONFIG_DEFAULTS.maxDeletes : Number(rawMaxDeletes);
  if (!Number.isInteger(maxDeletes) || maxDeletes < 0) {
    problems.push(`maxDeletes: expected a whole number >= 0, got ${JSON.stringify(rawMaxDeletes)}`);
  }

  const alarmEmail = text('alarmEmail');
  if (alarmEmail !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(alarmEmail)) {
    problems.push(`alarmEmail: not an e-mail address: "${alarmEmail}"`);
  }

  const priceClassName = text('priceClass') ?? CONFIG_DEFAULTS.priceClass;
  const priceClass = Object.values(PriceClass).find((p) => p === priceClassName);
  if (priceClass === undefined) {
    problems.push(`priceClass: expected one of ${Object.values(PriceClass).join(', ')}, got "${priceClassName}"`);
  }

  const domainName = text('domainName');
  const certificateArn = text('certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    problems.push('domainName and certificateArn: give both or neither');
  }
  if (certificateArn !== undefined && !/^arn:aws[\w-]*:acm:us-east-1:\d{12}:certificate\/.+$/.test(certificateArn)) {
    problems.push(`certificateArn: CloudFront needs an ACM certificate in us-east-1, got "${certificateArn}"`);
  }

  let baseUrl = text('baseUrl') ?? (domainName ? `https://${domainName}/` : undefined);
  if (baseUrl !== undefined) {
    if (!/^https:\/\/[^/\s]+(\/\S*)?$/.test(baseUrl)) problems.push(`baseUrl: expected an https:// URL, got "${baseUrl}"`);
    if (!baseUrl.endsWith('/')) baseUrl = `${baseUrl}/`;
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    publishSchedule,
    baseUrl,
    maxDeletes,
    alarmEmail,
    priceClass: priceClass ?? CONFIG_DEFAULTS.priceClass,
    domainName,
    certificateArn,
  };
}
