import { describe, expect, it } from '@jest/globals';
import { isRetryable } from '@sec-an/runtime/errors';
import type { DynamoDBRecord } from 'aws-lambda';
import type { EntryFailure, QueuedMessage, SendBatch } from './queue-batches.ts';
import { syncRecords } from './sync-records.ts';
import { hostSettings, streamRecord } from './test-records.ts';

const noDelay = { attempts: 3, retryDelayMs: 0 };

const hostRecord = (index: number, extra: Record<string, unknown> = {}): DynamoDBRecord =>
  streamRecord({
    eventID: `event-${index}`,
    sequenceNumber: String(1000 + index),
    newItem: { Host: `host-${index}.example.org`, DnsIngestTime: 1_795_255_200 + index, ...extra },
  });

/** A queue that records every call and answers each entry as `verdict` says, per attempt. */
const fakeQueue = (
  verdict: (message: QueuedMessage, call: number) => EntryFailure | undefined = () => undefined,
) => {
  const calls: QueuedMessage[][] = [];
  const send: SendBatch = async (entries) => {
    calls.push([...entries]);
    return entries.flatMap((entry) => {
      const failure = verdict(entry, calls.length);
      return failure === undefined ? [] : [failure];
    });
  };
  return { calls, send };
};

const bodies = (calls: readonly QueuedMessage[][]) => calls.flat().map(({ body }) => JSON.parse(body));

describe('syncing a batch of stream records', () => {
  it('sends one result per record, ten to a call, in stream order, with the contract attributes', async () => {
    const records = Array.from({ length: 23 }, (_, index) => hostRecord(index));
    const queue = fakeQueue();
    const outcome = await syncRecords(records, hostSettings, queue.send, noDelay);
    expect(outcome).toEqual({ sent: 23, failures: [] });
    expect(queue.calls.map((call) => call.length)).toEqual([10, 10, 3]);
    expect(bodies(queue.calls).map(({ scanId }) => scanId)).toEqual(
      records.map(({ eventID }) => `dns-hosts/${eventID}`),
    );
    expect(queue.calls[0]?.[0]?.attributes).toEqual({
      task: { dataType: 'String', value: 'dns-hosts' },
      coverage: { dataType: 'String', value: 'complete' },
      contract: { dataType: 'String', value: 'scan-result' },
      'contract-version': { dataType: 'Number', value: '1' },
    });
  });

  it('sends exactly the same messages when the same batch is retried', async () => {
    const records = [hostRecord(1), hostRecord(2)];
    const first = fakeQueue();
    const second = fakeQueue();
    await syncRecords(records, hostSettings, first.send, noDelay);
    await syncRecords(records, hostSettings, second.send, noDelay);
    expect(second.calls).toEqual(first.calls);
  });

  it('names an unconvertible record by its sequence number, as permanent, and still sends the others', async () => {
    const bad = streamRecord({ eventID: 'bad', sequenceNumber: '1001', newItem: { Host: 'no-ingest-time' } });
    const queue = fakeQueue();
    const outcome = await syncRecords([hostRecord(0), bad, hostRecord(2)], hostSettings, queue.send, noDelay);
    expect(outcome.sent).toBe(2);
    expect(outcome.failures).toEqual([
      {
        sequenceNumber: '1001',
        eventID: 'bad',
        error: expect.objectContaining({ name: 'StreamRecordError' }),
      },
    ]);
    expect(isRetryable(outcome.failures[0]?.error)).toBe(false);
    expect(bodies(queue.calls).map(({ scanId }) => scanId)).toEqual([
      'dns-hosts/event-0',
      'dns-hosts/event-2',
    ]);
  });

  it("sends again what failed on the queue's side, and not what the queue refused", async () => {
    const queue = fakeQueue((message, call) => {
      if (message.id === '0' && call === 1)
        return { id: '0', code: 'InternalError', message: 'x', senderFault: false };
      if (message.id === '1')
        return { id: '1', code: 'InvalidParameterValue', message: 'no', senderFault: true };
      return undefined;
    });
    const outcome = await syncRecords(
      [hostRecord(0), hostRecord(1), hostRecord(2)],
      hostSettings,
      queue.send,
      noDelay,
    );
    expect(queue.calls.map((call) => call.map(({ id }) => id))).toEqual([['0', '1', '2'], ['0']]);
    expect(outcome.sent).toBe(2);
    expect(
      outcome.failures.map(({ sequenceNumber, error }) => [
        sequenceNumber,
        error.message,
        isRetryable(error),
      ]),
    ).toEqual([['1001', 'the ingest queue refused the message: InvalidParameterValue no', false]]);
  });

  it('reports a record the queue keeps failing as retryable once its attempts are spent', async () => {
    const queue = fakeQueue(({ id }) => ({
      id,
      code: 'ServiceUnavailable',
      message: 'busy',
      senderFault: false,
    }));
    const outcome = await syncRecords([hostRecord(0)], hostSettings, queue.send, noDelay);
    expect(queue.calls).toHaveLength(3);
    expect(outcome.failures.map(({ error }) => isRetryable(error))).toEqual([true]);
  });

  it('fails every record of a call that failed as a whole, as retryable', async () => {
    const send: SendBatch = async () => {
      throw new Error('connection reset');
    };
    const outcome = await syncRecords([hostRecord(0), hostRecord(1)], hostSettings, send, noDelay);
    expect(outcome.sent).toBe(0);
    expect(
      outcome.failures.map(({ sequenceNumber, error }) => [
        sequenceNumber,
        error.message,
        isRetryable(error),
      ]),
    ).toEqual([
      ['1000', 'SendMessageBatch failed: connection reset', true],
      ['1001', 'SendMessageBatch failed: connection reset', true],
    ]);
  });

  it('fails alone a record whose message no queue takes, and sends the rest', async () => {
    const queue = fakeQueue();
    const huge = hostRecord(1, { Notes: 'x'.repeat(300_000) });
    const outcome = await syncRecords([hostRecord(0), huge], hostSettings, queue.send, noDelay);
    expect(outcome.sent).toBe(1);
    expect(outcome.failures.map(({ sequenceNumber, error }) => [sequenceNumber, isRetryable(error)])).toEqual(
      [['1001', false]],
    );
    expect(outcome.failures[0]?.error.message).toMatch(/^the message is \d+ bytes; a queue takes 262144$/);
  });
});
