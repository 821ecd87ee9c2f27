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

const dlq = 'https://sqs.eu-west-1.amazonaws.com/123456789012/scan-requests-dlq';

describe('the failure decision', () => {
  it('retries transient failures, even with a dead-letter queue', () => {
    expect(decideFailure(new TransientError('throttled'), dlq)).toEqual({ action: 'retry' });
    expect(decideFailure(new ConfigurationError('no parameter'), dlq)).toEqual({ action: 'retry' });
  });

  it('retries errors that do not say whether they are retryable', () => {
    expect(decideFailure(new Error('boom'), dlq)).toEqual({ action: 'retry' });
    expect(decideFailure('a string', dlq)).toEqual({ action: 'retry' });
    expect(decideFailure(undefined, dlq)).toEqual({ action: 'retry' });
  });

  it('dead-letters permanent failures of either error family', () => {
    for (const error of [
      new PermanentError('never'),
      new ContractViolationError('bad'),
      new ContractsViolation('bad'),
      { retryable: false },
    ]) {
      expect(isRetryable(error)).toBe(false);
      expect(decideFailure(error, dlq)).toEqual({ action: 'dead-letter', queueUrl: dlq });
    }
  });

  it('leaves permanent failures to the redrive policy when no dead-letter queue is configured', () => {
    expect(decideFailure(new ContractsViolation('bad'), undefined)).toEqual({ action: 'retry' });
    expect(decideFailure(new ContractsViolation('bad'), '')).toEqual({ action: 'retry' });
  });
});
