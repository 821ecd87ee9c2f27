import { randomUUID } from 'node:crypto';
import type { LakeObject } from './raw-objects.ts';

/** Who sent an event again, in the field S3 fills with the requester: the parser reads nothing of it. */
export const reingestRequester = 'sec-an-reingest';

/**
 * The event EventBridge delivers to a rule's queue target when S3 creates an object, as S3 documents it, for an
 * object already in the lake: the parser reads it exactly as it read the first one. Account and region are
 * those of the queue it is sent to (the bus, the bucket and the rule's targets share them).
 */
export const objectCreatedEvent = (object: LakeObject, queueArn: string, now: Date) => {
  const [, , , region = '', account = ''] = queueArn.split(':');
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Object Created',
    source: 'aws.s3',
    account,
    time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    resources: [`arn:aws:s3:::${object.bucket}`],
    detail: {
      version: '0',
      bucket: { name: object.bucket },
      object: { key: object.key, size: object.size, etag: object.eTag },
      'request-id': randomUUID(),
      requester: reingestRequester,
      reason: 'PutObject',
    },
  };
};
