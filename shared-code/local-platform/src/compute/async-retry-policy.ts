import type { DeployedAsyncInvokeConfig } from '../deployment/index.ts';

/** How Lambda retries an asynchronous event, with a back-off shortened to local time. */
export interface AsyncRetryPolicy {
  readonly maximumRetryAttempts: number;
  readonly maximumEventAgeSeconds: number;
  /** The pause before retry number `retry` (1, 2, ...). */
  readonly retryDelayMs: (retry: number) => number;
}

/** Lambda's defaults for a function without an event invoke config. */
export const defaultMaximumRetryAttempts = 2;
export const defaultMaximumEventAgeSeconds = 21_600;

/**
 * Lambda waits a minute before the first retry and two before the second; locally the same shape, scaled to
 * `baseDelayMs`, so a failure reaches its destination in seconds.
 */
export const asyncRetryPolicy = (
  config: DeployedAsyncInvokeConfig | undefined,
  baseDelayMs: number,
): AsyncRetryPolicy => ({
  maximumRetryAttempts: config?.maximumRetryAttempts ?? defaultMaximumRetryAttempts,
  maximumEventAgeSeconds: config?.maximumEventAgeSeconds ?? defaultMaximumEventAgeSeconds,
  retryDelayMs: (retry) => baseDelayMs * retry,
});

export type GiveUpCondition = 'RetriesExhausted' | 'EventAgeExceeded';

export type AfterFailure =
  | { readonly kind: 'retry'; readonly delayMs: number }
  | { readonly kind: 'give-up'; readonly condition: GiveUpCondition };

export interface EventProgress {
  /** Invocations of the event so far. */
  readonly attempts: number;
  /** When the event was queued (epoch ms). */
  readonly queuedAt: number;
}

/** Whether an event is too old to be invoked at `now`: Lambda discards it rather than run it late. */
export const eventExpired = (policy: AsyncRetryPolicy, event: EventProgress, now: number): boolean =>
  now - event.queuedAt > policy.maximumEventAgeSeconds * 1000;

/** What becomes of an event whose invocation just failed. */
export const afterFailedAttempt = (
  policy: AsyncRetryPolicy,
  event: EventProgress,
  now: number,
): AfterFailure => {
  if (event.attempts > policy.maximumRetryAttempts) return { kind: 'give-up', condition: 'RetriesExhausted' };
  const delayMs = policy.retryDelayMs(event.attempts);
  if (eventExpired(policy, event, now + delayMs)) return { kind: 'give-up', condition: 'EventAgeExceeded' };
  return { kind: 'retry', delayMs };
};
