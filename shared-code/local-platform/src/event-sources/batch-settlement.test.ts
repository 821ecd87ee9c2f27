import { describe, expect, it } from '@jest/globals';
import type { SQSRecord } from 'aws-lambda';
import { settleBatch } from './batch-settlement.ts';

const records = ['a', 'b', 'c'].map((messageId) => ({ messageId }) as SQSRecord);

const ids = (settled: ReturnType<typeof settleBatch>) => ({
  succeeded: settled.succeeded.map((record) => record.messageId),
  failed: settled.failed.map((record) => record.messageId),
});

describe('settling a batch by the function response', () => {
  it('fails only the records the response names', () => {
    expect(ids(settleBatch(records, { batchItemFailures: [{ itemIdentifier: 'b' }] }))).toEqual({
      succeeded: ['a', 'c'],
      failed: ['b'],
    });
  });

  it.each([
    ['no response', undefined],
    ['a null response', null],
    ['an empty response', {}],
    ['a null failures list', { batchItemFailures: null }],
    ['an empty failures list', { batchItemFailures: [] }],
  ])('counts every record succeeded for %s', (_, response) => {
    expect(ids(settleBatch(records, response))).toEqual({ succeeded: ['a', 'b', 'c'], failed: [] });
  });

  it.each([
    ['a failures list that is not a list', { batchItemFailures: 'b' }],
    ['an unknown message id', { batchItemFailures: [{ itemIdentifier: 'x' }] }],
    ['an empty message id', { batchItemFailures: [{ itemIdentifier: '' }] }],
    ['a null message id', { batchItemFailures: [{ itemIdentifier: null }] }],
    ['a misspelt key', { batchItemFailures: [{ itemIdentifer: 'b' }] }],
  ])('fails the whole batch for %s', (_, response) => {
    expect(ids(settleBatch(records, response))).toEqual({ succeeded: [], failed: ['a', 'b', 'c'] });
  });
});
