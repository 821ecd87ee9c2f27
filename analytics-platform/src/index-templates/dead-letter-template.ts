import { deadLetterIndex, singleIndexTemplate } from '@sec-an/contracts/search-index';

/**
 * One archived dead letter: where it failed, why, and where its archive is (to read or redrive it). The reporter
 * (dead-letter-report/) writes it; `archiveError` says why an object is not a valid record, when it is not.
 */
export const deadLetterTemplate = singleIndexTemplate(deadLetterIndex, {
  '@timestamp': { type: 'date' },
  messageId: { type: 'keyword' },
  reason: { type: 'keyword' },
  deadLetterQueue: { type: 'keyword' },
  sourceQueue: { type: 'keyword' },
  functionName: { type: 'keyword' },
  contract: { type: 'keyword' },
  contractVersion: { type: 'integer' },
  error: {
    properties: {
      name: { type: 'keyword' },
      message: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } },
    },
  },
  receiveCount: { type: 'integer' },
  sentAt: { type: 'date' },
  archivedAt: { type: 'date' },
  size: { type: 'long' },
  object: { properties: { bucket: { type: 'keyword' }, key: { type: 'keyword' } } },
  archiveError: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } },
});
