import { isRetryable } from '../errors/index.ts';
import type { QueueRedrive } from './redrive-policy.ts';

/** What becomes of a record whose handler threw. */
export type FailureDecision =
  | { readonly action: 'retry' }
  | { readonly action: 'dead-letter'; readonly queueUrl: string };

/**
 * A permanent failure goes straight to the dead-letter queue, since retries only delay it there. So does a record
 * on its last permitted receive: SQS would move it on the next one, without the error that explains it. Without
 * a dead-letter queue, SQS retrying it is the only way not to lose it.
 */
export const decideFailure = (
  error: unknown,
  receiveCount: number,
  redrive: QueueRedrive | undefined,
): FailureDecision => {
  if (redrive === undefined) return { action: 'retry' };
  return !isRetryable(error) || receiveCount >= redrive.maxReceiveCount
    ? { action: 'dead-letter', queueUrl: redrive.deadLetterQueueUrl }
    : { action: 'retry' };
};
