import { ContractViolationError, parseJson } from '@sec-an/contracts/contract';
import type { SqsDelivery } from '@sec-an/runtime/sns';
import { z } from 'zod';

/** A raw result a scan wrote, as the parser is told of it. */
export interface RawObject {
  readonly bucket: string;
  readonly key: string;
  readonly size: number;
  /** Absent in an unversioned bucket. */
  readonly versionId?: string;
}

/**
 * The event S3 sends EventBridge when an object is created, as the rule's queue target receives it. Loose: S3
 * adds fields (requester, reason, sequencer) the parser has no use for.
 */
const objectCreatedEvent = z.looseObject({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  detail: z.looseObject({
    bucket: z.looseObject({ name: z.string().min(3) }),
    object: z.looseObject({
      key: z.string().min(1),
      size: z.number().int().nonnegative().optional(),
      'version-id': z.string().optional(),
    }),
  }),
});

/**
 * The raw object a parser's queue record announces. Anything else on the queue, or an object of another bucket
 * than `expectedBucket` (the task's own), can never be parsed, so it is a contract violation (dead-lettered at
 * once, not retried).
 */
export const rawObjectOf = (record: SqsDelivery, expectedBucket?: string): RawObject => {
  const event = objectCreatedEvent.safeParse(parseJson(record.body, 'raw-results event'));
  if (!event.success) {
    throw new ContractViolationError(
      `the raw-results event is not an S3 "Object Created" event: ${z.prettifyError(event.error)}`,
    );
  }
  const { bucket, object } = event.data.detail;
  if (expectedBucket !== undefined && bucket.name !== expectedBucket) {
    throw new ContractViolationError(
      `the raw-results event names bucket ${bucket.name}, not the task's bucket ${expectedBucket}`,
    );
  }
  return {
    bucket: bucket.name,
    key: object.key,
    size: object.size ?? 0,
    ...(object['version-id'] === undefined ? {} : { versionId: object['version-id'] }),
  };
};
