import { describe, expect, it } from 'vitest';
import { sortMessages } from '../../lambdas/handlers/triggers';
import { eventBody, sqsEvent } from '../helpers/events';

describe('sortMessages', () => {
  it('turns briefing events and schedule ticks into triggers', () => {
    const event = sqsEvent(eventBody('s3/briefing-created'), eventBody('s3/briefing-removed'), eventBody('schedule/tick'));
    const { triggers, ignored, invalid } = sortMessages(event, '');
    expect(triggers.map((t) => (t.kind === 'data' ? `${t.event} ${t.key}` : t.kind))).toEqual([
      'ObjectCreated:Put briefings/chengdu-2026-work-report.json',
      'ObjectRemoved:Delete briefings/chengdu-2024-work-report.json',
      'schedule',
    ]);
    expect([ignored, invalid]).toEqual([[], []]);
  });

  it('ignores S3 test events and keys outside briefings/, decoding the key', () => {
    const event = sqsEvent(eventBody('s3/test-event'), eventBody('s3/outside-briefings'));
    const { triggers, ignored } = sortMessages(event, '');
    expect(triggers).toEqual([]);
    expect(ignored.map((m) => m.reason)).toEqual(['S3 test event', 'keys outside briefings/: reports/成都 2026.txt']);
  });

  it('honours a data prefix', () => {
    const event = sqsEvent(eventBody('s3/briefing-created', (b) => (b.Records[0].s3.object.key = 'cities/briefings/x.json')));
    expect(sortMessages(event, 'cities/').triggers).toHaveLength(1);
    expect(sortMessages(event, '').triggers).toHaveLength(0);
  });

  it.each([
    ['not JSON', '{oops', 'body is not JSON'],
    ['a JSON string', '"hello"', 'body is not a JSON object'],
    ['an unknown shape', '{"detail-type":"Something"}', 'neither an S3 event notification nor a schedule tick'],
    ['an S3 record without a key', JSON.stringify({ Records: [{ eventName: 'ObjectCreated:Put', s3: {} }] }), 'S3 record without'],
    [
      'a foreign S3 event',
      JSON.stringify({ Records: [{ eventName: 'ObjectRestore:Post', s3: { object: { key: 'briefings/x.json' } } }] }),
      'S3 record without',
    ],
  ])('marks %s as invalid with its reason', (_name, body, reason) => {
    const { invalid, triggers } = sortMessages(sqsEvent(body), '');
    expect(triggers).toEqual([]);
    expect(invalid[0]?.reason).toContain(reason);
  });
});
