import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { decodeEventKey } from './eventKeys';

/** Why a queue message asks for a publish run. */
export type Trigger =
  | { readonly kind: 'data'; readonly messageId: string; readonly event: string; readonly key: string }
  | { readonly kind: 'schedule'; readonly messageId: string };

export interface SortedMessages {
  /** Messages that ask for a publish: one run serves them all. */
  readonly triggers: readonly Trigger[];
  /** Valid messages that need nothing (S3 test events, keys outside briefings/). */
  readonly ignored: ReadonlyArray<{ readonly messageId: string; readonly reason: string }>;
  /** Messages that cannot be understood: reported as failures, so after retries they rest in the DLQ for a person. */
  readonly invalid: ReadonlyArray<{ readonly messageId: string; readonly reason: string }>;
  /** Records that could not be read inside messages whose other records still trigger a publish. */
  readonly skipped: ReadonlyArray<{ readonly messageId: string; readonly reason: string }>;
}

/**
 * Sorts a batch from the publish queue: S3 event notifications for `briefings/` (created or
 * removed) and EventBridge Scheduler ticks (`{"source":"schedule"}`) ask for a publish.
 */
export function sortMessages(event: SQSEvent, dataPrefix: string): SortedMessages {
  const triggers: Trigger[] = [];
  const ignored: Array<{ messageId: string; reason: string }> = [];
  const invalid: Array<{ messageId: string; reason: string }> = [];
  const skipped: Array<{ messageId: string; reason: string }> = [];
  for (const record of event.Records ?? []) {
    const verdict = classify(record, dataPrefix);
    if ('trigger' in verdict) {
      triggers.push(...verdict.trigger);
      for (const reason of verdict.skipped ?? []) skipped.push({ messageId: record.messageId, reason });
    } else if ('ignore' in verdict) ignored.push({ messageId: record.messageId, reason: verdict.ignore });
    else invalid.push({ messageId: record.messageId, reason: verdict.invalid });
  }
  return { triggers, ignored, invalid, skipped };
}

type Verdict = { trigger: Trigger[]; skipped?: string[] } | { ignore: string } | { invalid: string };

function classify(record: SQSRecord, dataPrefix: string): Verdict {
  let body: unknown;
  try {
    body = JSON.parse(record.body);
  } catch {
    return { invalid: 'body is not JSON' };
  }
  if (!body || typeof body !== 'object') return { invalid: 'body is not a JSON object' };
  const message = body as { source?: unknown; Event?: unknown; Records?: unknown };
  if (message.source === 'schedule') return { trigger: [{ kind: 'schedule', messageId: record.messageId }] };
  if (message.Event === 's3:TestEvent') return { ignore: 'S3 test event' };
  if (!Array.isArray(message.Records)) return { invalid: 'neither an S3 event notification nor a schedule tick' };
  // Each record stands alone: one that cannot be read is reported, the valid ones beside it still trigger.
  const triggers: Trigger[] = [];
  const outside: string[] = [];
  const bad: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: a record is untyped JSON, read field by field with optional chaining
  for (const [index, entry] of (message.Records as Array<Record<string, any>>).entries()) {
    const eventName = entry?.eventName;
    const rawKey = entry?.s3?.object?.key;
    if (typeof eventName !== 'string' || typeof rawKey !== 'string' || !/^Object(Created|Removed):/.test(eventName)) {
      bad.push(`record ${index}: S3 record without an ObjectCreated/ObjectRemoved event and key (eventName: ${String(eventName)})`);
      continue;
    }
    const key = decodeEventKey(rawKey);
    if (key === undefined) bad.push(`record ${index}: key is not URL-encoded: ${JSON.stringify(rawKey)}`);
    else if (key.startsWith(`${dataPrefix}briefings/`)) triggers.push({ kind: 'data', messageId: record.messageId, event: eventName, key });
    else outside.push(key);
  }
  if (triggers.length > 0) return { trigger: triggers, ...(bad.length > 0 && { skipped: bad }) };
  if (bad.length > 0) return { invalid: bad.join('; ') };
  return { ignore: `keys outside ${dataPrefix}briefings/: ${outside.join(', ') || '(none)'}` };
}
