import { type Contract, type Message, parseAccepted, parseJson } from '@sec-an/contracts/contract';
import type { SQSRecord } from 'aws-lambda';

/**
 * Parses a record body as JSON against one contract, or against whichever of several accepted versions it
 * declares. Either failure is a ContractViolationError: it can never succeed and goes to the dead-letter queue.
 */
export const parseRecordBody = <C extends Contract<unknown>>(
  record: Pick<SQSRecord, 'body'>,
  contracts: C | readonly C[],
): Message<C> => parseAccepted(contracts, parseJson(record.body, 'message body'));
