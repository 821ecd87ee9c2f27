import { describe, expect, it } from '@jest/globals';
import type { DeployedAsyncInvokeConfig } from '../deployment/index.ts';
import { afterFailedAttempt, asyncRetryPolicy, eventExpired } from './async-retry-policy.ts';

const config = (maximumRetryAttempts: number, maximumEventAgeSeconds: number): DeployedAsyncInvokeConfig => ({
  address: 'p/s/aws_lambda_function_event_invoke_config.f',
  functionName: 'f',
  maximumRetryAttempts,
  maximumEventAgeSeconds,
});

describe('the retry policy of asynchronous invocations', () => {
  it('retries twice by default, with a growing pause, then gives up', () => {
    const policy = asyncRetryPolicy(undefined, 100);
    expect(afterFailedAttempt(policy, { attempts: 1, queuedAt: 0 }, 0)).toEqual({
      kind: 'retry',
      delayMs: 100,
    });
    expect(afterFailedAttempt(policy, { attempts: 2, queuedAt: 0 }, 100)).toEqual({
      kind: 'retry',
      delayMs: 200,
    });
    expect(afterFailedAttempt(policy, { attempts: 3, queuedAt: 0 }, 300)).toEqual({
      kind: 'give-up',
      condition: 'RetriesExhausted',
    });
  });

  it('gives up after the first failure when retries are off', () => {
    const policy = asyncRetryPolicy(config(0, 3600), 100);
    expect(afterFailedAttempt(policy, { attempts: 1, queuedAt: 0 }, 0)).toEqual({
      kind: 'give-up',
      condition: 'RetriesExhausted',
    });
  });

  it('gives up when the event would be too old by the time of its retry', () => {
    const policy = asyncRetryPolicy(config(5, 60), 1000);
    expect(afterFailedAttempt(policy, { attempts: 1, queuedAt: 0 }, 59_000)).toEqual({
      kind: 'retry',
      delayMs: 1000,
    });
    expect(afterFailedAttempt(policy, { attempts: 1, queuedAt: 0 }, 59_001)).toEqual({
      kind: 'give-up',
      condition: 'EventAgeExceeded',
    });
  });

  it('counts an event expired only past its maximum age', () => {
    const policy = asyncRetryPolicy(config(2, 60), 1000);
    expect(eventExpired(policy, { attempts: 0, queuedAt: 1000 }, 61_000)).toBe(false);
    expect(eventExpired(policy, { attempts: 0, queuedAt: 1000 }, 61_001)).toBe(true);
  });

  it('keeps Lambda defaults for the age of an event', () => {
    const policy = asyncRetryPolicy(undefined, 1000);
    expect(policy.maximumEventAgeSeconds).toBe(21_600);
    expect(policy.maximumRetryAttempts).toBe(2);
  });
});
