import { describe, expect, it } from '@jest/globals';
import { batchMessages, type OutgoingMessage, payloadBytes } from './batching.ts';
import { maxPayloadBytes } from './limits.ts';

const message = (body: string): OutgoingMessage => ({ body, attributes: {} });

describe('PublishBatch batching', () => {
  it('counts the body and every attribute name, data type and value in UTF-8 bytes', () => {
    expect(payloadBytes({ body: 'é', attributes: { ab: { dataType: 'Number', value: '12' } } })).toBe(
      2 + 2 + 6 + 2,
    );
  });

  it('puts at most 10 messages in a batch, in order', () => {
    const messages = Array.from({ length: 23 }, (_, i) => message(`${i}`));
    const batches = batchMessages(messages);
    expect(batches.map((batch) => batch.length)).toEqual([10, 10, 3]);
    expect(batches.flat()).toEqual(messages);
  });

  it('starts a new batch before the total payload would exceed 256 KiB', () => {
    const third = Math.floor(maxPayloadBytes / 3);
    const rest = maxPayloadBytes - 2 * third;
    const sizes = [third, third, rest, 1, maxPayloadBytes];
    const messages = sizes.map((size) => message('x'.repeat(size)));
    expect(batchMessages(messages).map((batch) => batch.map(payloadBytes))).toEqual([
      [third, third, rest],
      [1],
      [maxPayloadBytes],
    ]);
  });

  it('counts attributes towards the batch size', () => {
    const attributes = { origin: { dataType: 'String', value: 'on-demand' } };
    const half = maxPayloadBytes / 2;
    const messages = [
      { body: 'x'.repeat(half), attributes },
      { body: 'x'.repeat(half - 10), attributes },
    ];
    expect(batchMessages(messages)).toHaveLength(2);
    expect(batchMessages(messages, { maxEntries: 10, maxBytes: maxPayloadBytes + 100 })).toHaveLength(1);
  });

  it('refuses a message that no batch can hold', () => {
    expect(() => batchMessages([message('x'.repeat(maxPayloadBytes + 1))])).toThrow(RangeError);
  });

  it('makes no batch of no messages', () => {
    expect(batchMessages([])).toEqual([]);
  });
});
