import type { SQSEvent, SQSRecord } from 'aws-lambda';

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
}

/**
 * Sorts a batch from the publish queue: S3 event notifications for `briefings/` (created or
 * removed) and EventBridge Scheduler ticks (`{"source":"schedule"}`) ask for a publish.
 */
export function sortMessages(event: SQSEvent, dataPrefix: string): SortedMessages {
  const triggers: Trigger[] = [];
  const ignored: Array<{ messageId: string; reason: string }> = [];
  const invalid: Array<{ messageId: string; reason: string }> = [];
  for (const record of event.Records ?? []) {
    const verdict = classify(record, dataPrefix);
    if ('trigger' in verdict) triggers.push(...verdict.trigger);
    else if ('ignore' in verdict) ignored.push({ messageId: record.messageId, reason: verdict.ignore });
    else invalid.push({ messageId: record.messageId, reason: verdict.invalid });
  }
  return { triggers, ignored, invalid };
}

type Verdict = { trigger: Trigger[] } | { ignore: string } | { invalid: string };

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
  const triggers: Trigger[] = [];
  const outside: string[] = [];
  for (const entry of message.Records as Array<Record<string, any>>) {
    const eventName = entry?.eventName;
    const rawKey = entry?.s3?.object?.key;
    if (typeof eventName !== 'string' || typeof rawKey !== 'string' || !/^Object(Created|Removed):/.test(eventName)) {
      return { invalid: `S3 record without an ObjectCreated/ObjectRemoved event and key (eventName: ${String(eventName)})` };
    }
    const key = decodeS3Key(rawKey);
    if (key.startsWith(`${dataPrefix}briefings/`)) triggers.push({ kind: 'data', messageId: record.messageId, event: eventName, key });
    else outside.push(key);
  }
  if (triggers.length > 0) return { trigger: triggers };
  return { ignore: `keys outside ${dataPrefix}briefings/: ${outside.join(', ') || '(none)'}` };
}

/** S3 notifications URL-encode keys, with '+' for spaces. */
function decodeS3Key(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch {
    return key;
  }
}
