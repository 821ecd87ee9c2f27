import { z } from 'zod';
import { defineContract } from '../contract/index.ts';

/** How a message became a dead letter. */
export const deadLetterReasons = [
  /** The handler gave up on it (a permanent error, or its last permitted attempt failed) and sent it with its error. */
  'handler-dead-lettered',
  /** SQS moved it after maxReceiveCount receives without a verdict (a crash or timeout). */
  'max-receives-exceeded',
  /** An asynchronous invocation failed all its attempts; Lambda sent it to the on-failure destination. */
  'async-retries-exhausted',
  /** A stream's event source mapping gave up on records after its retries; the record says where they are. */
  'stream-retries-exhausted',
] as const;

const messageAttribute = z.strictObject({
  dataType: z.string(),
  stringValue: z.string().optional(),
  binaryValue: z.string().optional(),
});

/**
 * One dead letter as archived in the dead-letter bucket: everything needed to understand it and to redrive it
 * (its original body and attributes, the queue it failed in).
 */
export const deadLetterRecordV1 = defineContract({
  name: 'dead-letter-record',
  version: 1,
  shape: {
    messageId: z.string().min(1),
    reason: z.enum(deadLetterReasons),
    deadLetterQueueArn: z.string().min(1),
    /** Where it failed; unknown for a message SQS moved without a verdict from a queue no attribute names. */
    sourceQueueArn: z.string().min(1).nullable(),
    /** For an asynchronous invocation's failure, the function that failed. */
    functionArn: z.string().min(1).nullable(),
    body: z.string(),
    attributes: z.record(z.string(), messageAttribute),
    error: z.strictObject({ name: z.string(), message: z.string() }).nullable(),
    receiveCount: z.number().int().nonnegative().nullable(),
    sentAt: z.iso.datetime(),
    archivedAt: z.iso.datetime(),
  },
  attributes: (record) => ({ reason: record.reason }),
});

export type DeadLetterRecord = z.output<typeof deadLetterRecordV1.schema>;
