import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { PROJECT_ROOT } from './lexicons';

export type EventFixture = 's3/briefing-created' | 's3/briefing-removed' | 's3/outside-briefings' | 's3/report-created' | 's3/test-event' | 'schedule/tick';

/** A message body as AWS sends it, from test/events/<source>/<variant>.json. */
export function eventBody(name: EventFixture, edit?: (body: any) => void): string {
  const body = JSON.parse(readFileSync(join(PROJECT_ROOT, 'test/events', `${name}.json`), 'utf8'));
  edit?.(body);
  return JSON.stringify(body);
}

let counter = 0;

/** Wraps message bodies into the SQS event the publisher's event source mapping delivers. */
export function sqsEvent(...bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body): SQSRecord => {
      counter++;
      return {
        messageId: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
        receiptHandle: `handle-${counter}`,
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: '1763780400000',
          SenderId: 'AIDAEXAMPLE',
          ApproximateFirstReceiveTimestamp: '1763780400000',
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: 'arn:aws:sqs:ap-east-1:123456789012:briefings-publish',
        awsRegion: 'ap-east-1',
      };
    }),
  };
}
