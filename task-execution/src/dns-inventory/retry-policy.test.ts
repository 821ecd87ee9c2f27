import { describe, expect, it } from '@jest/globals';
import { backoffDelay, isThrottling, retryThrottled, ThrottledTooOftenError } from './retry-policy.ts';

const awsError = (name: string, httpStatusCode: number) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode } });

const failing = (errors: Error[], result = 'done') => {
  let calls = 0;
  const operation = async () => {
    const error = errors[calls];
    calls += 1;
    if (error !== undefined) throw error;
    return result;
  };
  return { operation, calls: () => calls };
};

describe('throttling retries', () => {
  it.each([
    ['Throttling', 400, true],
    ['PriorRequestNotComplete', 400, true],
    ['ServiceUnavailable', 503, true],
    ['TooManyRequestsException', 429, true],
    ['InvalidInput', 400, false],
    ['AccessDenied', 403, false],
    ['NoSuchHostedZone', 404, false],
  ])('%s (%i) is throttling: %s', (name, status, throttling) => {
    expect(isThrottling(awsError(name, status))).toBe(throttling);
  });

  it('retries throttling with exponential backoff and full jitter', async () => {
    const delays: number[] = [];
    const { operation, calls } = failing([awsError('Throttling', 400), awsError('Throttling', 400)]);
    const result = await retryThrottled('ListHostedZones', operation, {
      maxAttempts: 5,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      random: () => 1,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(result).toBe('done');
    expect(calls()).toBe(3);
    expect(delays).toEqual([100, 200]);
  });

  it('never waits longer than the cap, and jitters down to zero', () => {
    const policy = { maxAttempts: 20, baseDelayMs: 100, maxDelayMs: 1_000 };
    expect(backoffDelay(10, { ...policy, random: () => 1 })).toBe(1_000);
    expect(backoffDelay(10, { ...policy, random: () => 0 })).toBe(0);
    expect(backoffDelay(3, { ...policy, random: () => 0.5 })).toBe(200);
  });

  it('gives up after the bound, naming the call', async () => {
    const { operation, calls } = failing(Array.from({ length: 10 }, () => awsError('Throttling', 400)));
    const retry = retryThrottled('ListResourceRecordSets of zone example.com (Z1)', operation, {
      maxAttempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 1,
      sleep: async () => {},
    });
    await expect(retry).rejects.toThrow(ThrottledTooOftenError);
    await expect(retry).rejects.toThrow(
      'ListResourceRecordSets of zone example.com (Z1) was throttled 3 times in a row; giving up',
    );
    expect(calls()).toBe(3);
  });

  it('does not retry any other error', async () => {
    const { operation, calls } = failing([awsError('AccessDenied', 403)]);
    await expect(
      retryThrottled('ListHostedZones', operation, { maxAttempts: 5, baseDelayMs: 1, maxDelayMs: 1 }),
    ).rejects.toThrow('AccessDenied happened');
    expect(calls()).toBe(1);
  });
});
