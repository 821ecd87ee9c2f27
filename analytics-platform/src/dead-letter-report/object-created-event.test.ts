import { describe, expect, it } from '@jest/globals';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { archiveKeyParts } from './archive-key.ts';
import { createdObjectOf } from './object-created-event.ts';

/** The fields of an EventBridge "Object Created" event that the reporter reads, with a few it ignores. */
const event = (detail: object, overrides: object = {}) =>
  JSON.stringify({
    version: '0',
    source: 'aws.s3',
    'detail-type': 'Object Created',
    time: '2026-11-21T10:00:01Z',
    resources: ['arn:aws:s3:::archive'],
    detail: { version: '0', reason: 'PutObject', ...detail },
    ...overrides,
  });

describe('an "Object Created" event', () => {
  it('names the bucket, key and size of the object, and when it was created', () => {
    expect(
      createdObjectOf(
        event({ bucket: { name: 'archive' }, object: { key: 'dead-letters/q/a b.json', size: 7 } }),
      ),
    ).toEqual({
      bucket: 'archive',
      key: 'dead-letters/q/a b.json',
      size: 7,
      createdAt: '2026-11-21T10:00:01.000Z',
    });
  });

  it('is refused when it is not JSON, not from S3, or names no object', () => {
    expect(() => createdObjectOf('{')).toThrow(ContractViolationError);
    expect(() =>
      createdObjectOf(event({ bucket: { name: 'a' }, object: { key: 'k' } }, { source: 'aws.ec2' })),
    ).toThrow(/not an S3 "Object Created" event/);
    expect(() => createdObjectOf(event({ bucket: { name: 'a' } }))).toThrow(/detail\.object/);
  });
});

describe('an archive key', () => {
  it("names the dead-letter queue, the day and the message id of the recorder's objects", () => {
    expect(archiveKeyParts('dead-letters/sec-an-dev-x-input-dlq/2026/11/21/5b1c7a9e.json')).toEqual({
      deadLetterQueue: 'sec-an-dev-x-input-dlq',
      day: '2026-11-21',
      messageId: '5b1c7a9e',
    });
  });

  it('names nothing of a key outside that scheme', () => {
    expect(archiveKeyParts('dead-letters/notes.txt')).toBeUndefined();
    expect(archiveKeyParts('dead-letters/q/2026/11/21/extra/a.json')).toBeUndefined();
  });
});
