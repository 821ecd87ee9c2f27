import { describe, expect, it } from '@jest/globals';
import { ContractViolationError as ContractsViolation } from '@sec-an/contracts/contract';
import {
  ConfigurationError,
  ContractViolationError,
  isRetryable,
  PermanentError,
  TransientError,
} from '../errors/index.ts';
import { decideFailure } from './failure-decision.ts';

const redrive = {
  deadLetterQueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/scan-requests-dlq',
  maxReceiveCount: 3,
};
const deadLetter = { action: 'dead-letter', queueUrl: redrive.deadLetterQueueUrl };

describe('the failure decision', () => {
  it('retries transient failures before the last permitted receive', () => {
    expect(decideFailure(new TransientError('throttled'), 1, redrive)).toEqual({ action: 'retry' });
    expect(decideFailure(new ConfigurationError('no parameter'), 2, redrive)).toEqual({ action: 'retry' });
  });

  it('retries errors that do not say whether they are retryable', () => {
    expect(decideFailure(new Error('boom'), 1, redrive)).toEqual({ action: 'retry' });
    expect(decideFailure('a string', 1, redrive)).toEqual({ action: 'retry' });
    expect(decideFailure(undefined, 1, redrive)).toEqual({ action: 'retry' });
  });

  it('dead-letters any failure on the last permitted receive, so that its error travels with it', () => {
    expect(decideFailure(new TransientError('throttled'), 3, redrive)).toEqual(deadLetter);
    expect(decideFailure(new Error('boom'), 4, redrive)).toEqual(deadLetter);
  });

  it('dead-letters permanent failures of either error family at once', () => {
    for (const error of [
      new PermanentError('never'),
      new ContractViolationError('bad'),
      new ContractsViolation('bad'),
      { retryable: false },
    ]) {
      expect(isRetryable(error)).toBe(false);
      expect(decideFailure(error, 1, redrive)).toEqual(deadLetter);
    }
  });

  it('leaves everything to SQS when the queue has no dead-letter queue', () => {
    expect(decideFailure(new ContractsViolation('bad'), 1, undefined)).toEqual({ action: 'retry' });
    expect(decideFailure(new TransientError('throttled'), 99, undefined)).toEqual({ action: 'retry' });
  });
});
