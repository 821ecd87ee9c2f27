import { setTimeout as sleepFor } from 'node:timers/promises';
import { TransientError } from '@sec-an/runtime/errors';

/**
 * How a throttled call is retried: exponential backoff with full jitter (callers throttled together do not retry
 * together), up to a bound. `random` and `sleep` are there so that tests need not wait.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly random?: () => number;
  readonly sleep?: (milliseconds: number) => Promise<void>;
}

/**
 * Route53 allows five requests a second per account, shared with everything else that reads or changes DNS there
 * (deploys included); eight attempts wait up to about twenty seconds in all before the ingest gives up.
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 10_000 };

/** The delay before attempt `attempt + 1`, after `attempt` failures. */
export const backoffDelay = (attempt: number, policy: RetryPolicy): number =>
  Math.round(
    (policy.random ?? Math.random)() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1)),
  );

const throttlingNames = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
]);

/** Route53 throttles with `Throttling` (400) or `PriorRequestNotComplete`, and sheds load with 503. */
export const isThrottling = (error: unknown): boolean => {
  if (typeof error !== 'object' || error === null) return false;
  const { name, $metadata } = error as { name?: unknown; $metadata?: { httpStatusCode?: unknown } };
  const status = $metadata?.httpStatusCode;
  return (typeof name === 'string' && throttlingNames.has(name)) || status === 429 || status === 503;
};

/** Every attempt of a call was throttled. */
export class ThrottledTooOftenError extends TransientError {
  constructor(what: string, attempts: number, options?: ErrorOptions) {
    super(`${what} was throttled ${attempts} times in a row; giving up`, options);
  }
}

/** Runs `operation`, again after a backoff when it is throttled; any other error is thrown at once. */
export const retryThrottled = async <T>(
  what: string,
  operation: () => Promise<T>,
  policy: RetryPolicy,
): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await operation();
    } catch (error) {
      if (!isThrottling(error)) throw error;
      if (attempt >= policy.maxAttempts) throw new ThrottledTooOftenError(what, attempt, { cause: error });
      await (policy.sleep ?? sleepFor)(backoffDelay(attempt, policy));
    }
  }
};
