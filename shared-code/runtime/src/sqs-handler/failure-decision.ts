import { isRetryable } from '../errors/index.ts';

/** What becomes of a record whose handler threw. */
export type FailureDecision =
  | { readonly action: 'retry' }
  | { readonly action: 'dead-letter'; readonly queueUrl: string };

/**
 * A permanent failure goes straight to the dead-letter queue, since retries only delay it there; without a
 * dead-letter queue to send it to, SQS retrying it until its redrive policy moves it is the only way not to lose it.
 */
export const decideFailure = (error: unknown, deadLetterQueueUrl: string | undefined): FailureDecision =>
  !isRetryable(error) && deadLetterQueueUrl !== undefined && deadLetterQueueUrl !== ''
    ? { action: 'dead-letter', queueUrl: deadLetterQueueUrl }
    : { action: 'retry' };
