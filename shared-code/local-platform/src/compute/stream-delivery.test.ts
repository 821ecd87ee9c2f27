import { describe, expect, it } from '@jest/globals';
import type { DynamoDBRecord } from 'aws-lambda';
import type { InvocationOutcome } from './function-host.ts';
import { settleStreamBatch } from './stream-batch-settlement.ts';
import { deliverStreamBatch, type GivenUp, type StreamDeliveryPolicy } from './stream-delivery.ts';

const now = 1_795_255_200_000;

const record = (sequenceNumber: number, createdAtSeconds = now / 1000): DynamoDBRecord => ({
  eventID: `e${sequenceNumber}`,
  eventName: 'INSERT',
  dynamodb: { SequenceNumber: String(sequenceNumber), ApproximateCreationDateTime: createdAtSeconds },
});

const succeeded = (payload: unknown = null): InvocationOutcome => ({ ok: true, requestId: 'r', payload });
const threw: InvocationOutcome = {
  ok: false,
  requestId: 'r',
  error: { errorType: 'Error', errorMessage: 'boom', trace: [] },
};
const failing = (...sequenceNumbers: number[]) =>
  succeeded({ batchItemFailures: sequenceNumbers.map((n) => ({ itemIdentifier: String(n) })) });

const policy: StreamDeliveryPolicy = {
  reportBatchItemFailures: true,
  bisectBatchOnFunctionError: true,
  maximumRetryAttempts: 2,
  maximumRecordAgeSeconds: -1,
};

const sequenceNumbers = (records: readonly DynamoDBRecord[]) =>
  records.map((r) => Number(r.dynamodb?.SequenceNumber));

/** Runs a delivery against a function that answers each batch with `answer`, recording what happened. */
const deliver = async (
  records: readonly DynamoDBRecord[],
  answer: (batch: number[]) => InvocationOutcome,
  overrides: Partial<StreamDeliveryPolicy> = {},
) => {
  const invoked: number[][] = [];
  const givenUp: GivenUp[] = [];
  await deliverStreamBatch(
    records,
    { ...policy, ...overrides },
    {
      invoke: async (batch) => {
        invoked.push(sequenceNumbers(batch));
        return answer(sequenceNumbers(batch));
      },
      giveUp: async (up) => {
        givenUp.push(up);
      },
      failed: () => undefined,
      now: () => now,
      pauseBeforeRetry: async () => undefined,
    },
  );
  return {
    invoked,
    givenUp: givenUp.map((up) => ({ ...up, records: sequenceNumbers(up.records) })),
  };
};

describe('settling a stream batch', () => {
  const batch = [record(1), record(2), record(3)];

  it('takes no list, an empty one or a null one as success', () => {
    for (const payload of [null, {}, { batchItemFailures: [] }, { batchItemFailures: null }]) {
      expect(settleStreamBatch(batch, succeeded(payload), true)).toEqual({ kind: 'succeeded' });
    }
  });

  it('is done up to the lowest sequence number named', () => {
    expect(settleStreamBatch(batch, failing(3, 2), true)).toEqual({ kind: 'failed-from', index: 1 });
  });

  it('fails the whole batch for a list that is not one or names what is not in the batch', () => {
    for (const payload of [
      { batchItemFailures: 'x' },
      { batchItemFailures: [{ itemIdentifier: '' }] },
      { batchItemFailures: [{ itemIdentifier: '9' }] },
      { batchItemFailures: [{}] },
    ]) {
      expect(settleStreamBatch(batch, succeeded(payload), true)).toEqual({ kind: 'failed-from', index: 0 });
    }
  });

  it('ignores the response without ReportBatchItemFailures, and reads a thrown error as a function error', () => {
    expect(settleStreamBatch(batch, failing(1), false)).toEqual({ kind: 'succeeded' });
    expect(settleStreamBatch(batch, threw, true)).toEqual({ kind: 'function-error' });
  });
});

describe('delivering a stream batch', () => {
  it('invokes once for a batch that succeeds', async () => {
    const run = await deliver([record(1), record(2)], () => succeeded());
    expect(run).toEqual({ invoked: [[1, 2]], givenUp: [] });
  });

  it('retries from the first record named failed, then gives up on it and what follows, freeing the shard', async () => {
    const run = await deliver([record(1), record(2), record(3), record(4)], (batch) =>
      batch.includes(2) ? failing(2, 4) : succeeded(),
    );
    expect(run.invoked).toEqual([
      [1, 2, 3, 4],
      [2, 3, 4],
      [2, 3, 4],
    ]);
    expect(run.givenUp).toEqual([
      { records: [2, 3, 4], condition: 'RetryAttemptsExhausted', invocations: 3, lastOutcome: failing(2, 4) },
    ]);
  });

  it('bisects a failing batch without spending retries, isolating the bad record', async () => {
    const run = await deliver([record(1), record(2), record(3), record(4)], (batch) =>
      batch.includes(3) ? threw : succeeded(),
    );
    // The shard keeps its order: record 4 waits behind 3 until 3 is given up on.
    expect(run.invoked).toEqual([[1, 2, 3, 4], [1, 2], [3, 4], [3], [3], [3], [4]]);
    expect(run.givenUp).toEqual([
      { records: [3], condition: 'RetryAttemptsExhausted', invocations: 5, lastOutcome: threw },
    ]);
  });

  it('retries the whole batch without bisection, and gives up at once with no retries allowed', async () => {
    const unsplit = await deliver([record(1), record(2)], () => threw, { bisectBatchOnFunctionError: false });
    expect(unsplit.invoked).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    const once = await deliver([record(1)], () => threw, { maximumRetryAttempts: 0 });
    expect(once.invoked).toEqual([[1]]);
    expect(once.givenUp.map(({ condition }) => condition)).toEqual(['RetryAttemptsExhausted']);
  });

  it('gives up on records older than the mapping allows before invoking, and delivers the rest', async () => {
    const old = now / 1000 - 120;
    const run = await deliver([record(1, old), record(2, old), record(3)], () => succeeded(), {
      maximumRecordAgeSeconds: 60,
    });
    expect(run).toEqual({
      invoked: [[3]],
      givenUp: [{ records: [1, 2], condition: 'RecordAgeExceeded', invocations: 0 }],
    });
  });
});
