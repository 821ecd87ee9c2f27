import {
  type Contract,
  ContractViolationError,
  type Message,
  parseAnyOf,
  parseMessage,
} from '@sec-an/contracts/contract';
import type { SQSRecord } from 'aws-lambda';

const isList = <T>(value: T | readonly T[]): value is readonly T[] => Array.isArray(value);

/**
 * Parses a record body as JSON against one contract, or against whichever of several accepted versions it
 * declares. A body that is not JSON violates every contract, so it is a ContractViolationError too: it can never
 * succeed and goes to the dead-letter queue.
 */
export const parseRecordBody = <C extends Contract<unknown>>(
  record: Pick<SQSRecord, 'body'>,
  contracts: C | readonly C[],
): Message<C> => {
  let value: unknown;
  try {
    value = JSON.parse(record.body);
  } catch (error) {
    throw new ContractViolationError(`message body is not JSON: ${(error as Error).message}`);
  }
  return isList(contracts) ? parseAnyOf(contracts, value) : parseMessage(contracts, value);
};
