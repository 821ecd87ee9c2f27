import { describe, expect, it } from '@jest/globals';
import { type SendBatch, type SendFailure, sendDelayed } from './delay-queue.ts';
import type { DelayedMessage } from './scan-request-message.ts';

const message = (id: string, bytes = 10): DelayedMessage => ({
  id,
  body: 'x'.repeat(bytes),
  attributes: {},
  plannedAt: 0,
});

const quickly = { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 };

/** A queue that fails the listed entries on each call, in turn, and records what it was sent. */
const flakyQueue = (failuresByCall: readonly (readonly SendFailure[])[]) => {
  const calls: string[][] = [];
  const send: SendBatch = async (entries) => {
    calls.push(entries.map(({ id }) => id));
    const ids = new Set(entries.map(({ id }) => id));
    return (failuresByCall[calls.length - 1] ?? []).filter(({ id }) => ids.has(id));
  };
  return { send, calls };
};

const throttled = (id: string): SendFailure => ({
  id,
  code: 'Throttled',
  message: 'slow down',
  senderFault: false,
});

describe('sending to the delay queue', () => {
  it('sends in batches of at most 10, in order', async () => {
    const queue = flakyQueue([]);
    const ids = Array.from({ length: 23 }, (_, i) => `m${i}`);
    expect(
      await sendDelayed(
        ids.map((id) => message(id)),
        queue.send,
        quickly,
      ),
    ).toEqual([]);
    expect(queue.calls.map((call) => call.length)).toEqual([10, 10, 3]);
    expect(queue.calls.flat()).toEqual(ids);
  });

  it('sends again only the entries that failed on the queue side, until they are taken', async () => {
    const queue = flakyQueue([[throttled('b'), throttled('c')], [throttled('c')]]);
    const failures = await sendDelayed(
      ['a', 'b', 'c'].map((id) => message(id)),
      queue.send,
      quickly,
    );
    expect(failures).toEqual([]);
    expect(queue.calls).toEqual([['a', 'b', 'c'], ['b', 'c'], ['c']]);
  });

  it('gives up after its attempts and reports the last failure of each entry not taken', async () => {
    const queue = flakyQueue([[throttled('b')], [throttled('b')], [throttled('b')]]);
    const failures = await sendDelayed(
      ['a', 'b'].map((id) => message(id)),
      queue.send,
      quickly,
    );
    expect(failures).toEqual([throttled('b')]);
    expect(queue.calls).toHaveLength(3);
  });

  it('does not send again what the queue refuses as the sender fault', async () => {
    const refused = { id: 'a', code: 'InvalidParameterValue', message: 'no', senderFault: true };
    const queue = flakyQueue([[refused]]);
    expect(await sendDelayed([message('a')], queue.send, quickly)).toEqual([refused]);
    expect(queue.calls).toHaveLength(1);
  });

  it('counts a failed call as a failure of each of its entries, and tries the call again', async () => {
    let calls = 0;
    const send: SendBatch = async () => {
      calls += 1;
      if (calls === 1) throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
      return [];
    };
    expect(await sendDelayed([message('a'), message('b')], send, quickly)).toEqual([]);
    expect(calls).toBe(2);
  });

  it('refuses a message above the size a queue and a topic take, without sending it', async () => {
    const queue = flakyQueue([]);
    const failures = await sendDelayed([message('big', 300_000), message('small')], queue.send, quickly);
    expect(failures).toEqual([
      expect.objectContaining({ id: 'big', code: 'MessageTooLarge', senderFault: true }),
    ]);
    expect(queue.calls).toEqual([['small']]);
  });
});
