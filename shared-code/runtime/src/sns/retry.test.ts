import { describe, expect, it } from '@jest/globals';
import { PermanentError, TransientError } from '../errors/index.ts';
import { type BatchOutcome, backoffDelay, publishFailure, type RetryPolicy, sendWithRetry } from './retry.ts';

const policy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 250 };
const entries = ['a', 'b', 'c'].map((id) => ({ id }));

/** Answers each call with the next outcome and records which entries each call sent and every sleep. */
const scripted = (outcomes: ((ids: string[]) => BatchOutcome)[]) => {
  const calls: string[][] = [];
  const sleeps: number[] = [];
  return {
    calls,
    sleeps,
    effects: {
      send: async (sent: readonly { id: string }[]) => {
        const ids = sent.map(({ id }) => id);
        calls.push(ids);
        const outcome = outcomes[calls.length - 1];
        if (outcome === undefined) throw new Error('sent more often than scripted');
        return outcome(ids);
      },
      sleep: async (milliseconds: number) => {
        sleeps.push(milliseconds);
      },
      random: () => 1,
    },
  };
};

const succeed =
  (...except: string[]) =>
  (ids: string[]): BatchOutcome => ({
    successful: ids.filter((id) => !except.includes(id)).map((id) => ({ id, messageId: `m-${id}` })),
    failed: [],
  });

const fail =
  (failures: Record<string, boolean>) =>
  (ids: string[]): BatchOutcome => ({
    successful: ids.filter((id) => !(id in failures)).map((id) => ({ id, messageId: `m-${id}` })),
    failed: Object.entries(failures).map(([id, senderFault]) => ({
      id,
      code: senderFault ? 'InvalidParameter' : 'InternalError',
      message: senderFault ? 'bad' : 'try again',
      senderFault,
    })),
  });

describe('PublishBatch retries', () => {
  it('grows the backoff exponentially up to the cap, jittered below it', () => {
    expect([1, 2, 3].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([100, 200, 250]);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(100);
  });

  it('sends once when every entry succeeds', async () => {
    const script = scripted([succeed()]);
    const result = await sendWithRetry(entries, policy, script.effects);
    expect(script.calls).toEqual([['a', 'b', 'c']]);
    expect(Object.fromEntries(result.messageIds)).toEqual({ a: 'm-a', b: 'm-b', c: 'm-c' });
    expect(result.failed).toEqual([]);
  });

  it('sends only the entries that failed on the SNS side again, after a backoff', async () => {
    const script = scripted([fail({ b: false, c: false }), fail({ c: false }), succeed()]);
    const result = await sendWithRetry(entries, policy, script.effects);
    expect(script.calls).toEqual([['a', 'b', 'c'], ['b', 'c'], ['c']]);
    expect(script.sleeps).toEqual([100, 200]);
    expect(result.messageIds.size).toBe(3);
    expect(result.failed).toEqual([]);
  });

  it('does not send an entry again that failed by the sender fault', async () => {
    const script = scripted([fail({ a: true, b: false }), succeed()]);
    const result = await sendWithRetry(entries, policy, script.effects);
    expect(script.calls).toEqual([['a', 'b', 'c'], ['b']]);
    expect(result.failed.map(({ id }) => id)).toEqual(['a']);
  });

  it('gives up after the last attempt and reports the last failure', async () => {
    const script = scripted([fail({ c: false }), fail({ c: false }), fail({ c: false })]);
    const result = await sendWithRetry(entries, policy, script.effects);
    expect(script.calls).toHaveLength(3);
    expect(result.failed).toEqual([
      { id: 'c', code: 'InternalError', message: 'try again', senderFault: false },
    ]);
  });

  it('treats an entry the response does not mention as failed on the SNS side', async () => {
    const script = scripted([succeed('b'), succeed()]);
    const result = await sendWithRetry(entries, policy, script.effects);
    expect(script.calls).toEqual([['a', 'b', 'c'], ['b']]);
    expect(result.failed).toEqual([]);
  });
});

describe('publish failures', () => {
  const topic = 'arn:aws:sns:eu-west-2:123456789012:t';
  const failure = (id: string, senderFault: boolean) => ({
    id,
    code: senderFault ? 'InvalidParameter' : 'Throttled',
    message: 'why',
    senderFault,
  });

  it('is none when nothing failed', () => {
    expect(publishFailure(topic, 3, [])).toBeUndefined();
  });

  it('is transient when SNS failed, naming how many and why', () => {
    const error = publishFailure(topic, 12, [failure('1', false), failure('2', false)]);
    expect(error).toBeInstanceOf(TransientError);
    expect(error?.message).toBe(`2 of 12 messages were not published to ${topic}: 2 × Throttled: why`);
  });

  it('is permanent when any failed by the sender fault', () => {
    const error = publishFailure(topic, 3, [failure('1', false), failure('2', true)]);
    expect(error).toBeInstanceOf(PermanentError);
    expect(error?.message).toMatch(/2 of 3 .*1 × Throttled: why; 1 × InvalidParameter: why/);
  });
});
