import { PermanentError, type SecAnError, TransientError } from '../errors/index.ts';

export interface EntryFailure {
  readonly id: string;
  readonly code: string;
  readonly message: string;
  /** SNS says the request itself was wrong, so sending it again cannot succeed. */
  readonly senderFault: boolean;
}

export interface BatchOutcome {
  readonly successful: readonly { readonly id: string; readonly messageId: string }[];
  readonly failed: readonly EntryFailure[];
}

export interface RetryPolicy {
  /** Attempts per entry, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 2_000 };

/** Exponential with full jitter, so publishers throttled together do not retry together. */
export const backoffDelay = (
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number => Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)));

export interface RetryEffects<E> {
  readonly send: (entries: readonly E[]) => Promise<BatchOutcome>;
  readonly sleep: (milliseconds: number) => Promise<void>;
  readonly random?: () => number;
}

export interface RetryResult {
  readonly messageIds: ReadonlyMap<string, string>;
  readonly failed: readonly EntryFailure[];
}

const missing = (id: string): EntryFailure => ({
  id,
  code: 'NoResult',
  message: 'PublishBatch reported neither success nor failure',
  senderFault: false,
});

/**
 * Sends a batch and sends again, with backoff, the entries that failed for a reason on the SNS side. Entries
 * that failed by the sender's fault are not sent again. Returns the message id of every entry that made it and
 * the last failure of every entry that did not.
 */
export const sendWithRetry = async <E extends { readonly id: string }>(
  entries: readonly E[],
  policy: RetryPolicy,
  effects: RetryEffects<E>,
): Promise<RetryResult> => {
  const messageIds = new Map<string, string>();
  const permanent: EntryFailure[] = [];
  let pending = entries;
  let transient: EntryFailure[] = [];
  for (let attempt = 1; pending.length > 0 && attempt <= policy.maxAttempts; attempt += 1) {
    if (attempt > 1) await effects.sleep(backoffDelay(attempt - 1, policy, effects.random));
    const outcome = await effects.send(pending);
    for (const { id, messageId } of outcome.successful) messageIds.set(id, messageId);
    const failures = new Map(outcome.failed.map((failure) => [failure.id, failure]));
    permanent.push(...outcome.failed.filter((failure) => failure.senderFault));
    pending = pending.filter(({ id }) => !messageIds.has(id) && failures.get(id)?.senderFault !== true);
    transient = pending.map(({ id }) => failures.get(id) ?? missing(id));
  }
  return { messageIds, failed: [...permanent, ...transient] };
};

const reasons = (failed: readonly EntryFailure[]): string => {
  const counts = new Map<string, number>();
  for (const { code, message } of failed) {
    const reason = `${code}: ${message}`;
    counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts].map(([reason, count]) => `${count} × ${reason}`).join('; ');
};

/**
 * One error for all failed entries: permanent if any failed by the sender's fault, as sending the record again
 * cannot publish those; transient otherwise.
 */
export const publishFailure = (
  topicArn: string,
  total: number,
  failed: readonly EntryFailure[],
): SecAnError | undefined => {
  if (failed.length === 0) return undefined;
  const text = `${failed.length} of ${total} messages were not published to ${topicArn}: ${reasons(failed)}`;
  return failed.some((failure) => failure.senderFault) ? new PermanentError(text) : new TransientError(text);
};
