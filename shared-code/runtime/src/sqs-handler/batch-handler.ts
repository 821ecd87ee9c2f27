import type { Logger } from '@aws-lambda-powertools/logger';
import type { SendMessageCommandInput } from '@aws-sdk/client-sqs';
import type { Context, SQSRecord } from 'aws-lambda';
import { deadLetterMessage } from './dead-letter-message.ts';
import type { RecordHandler } from './process-record.ts';
import type { RedriveLookup } from './redrive-policy.ts';

/** What a batch handler gets besides its records. */
export interface BatchTools {
  readonly logger: Logger;
  readonly context: Context;
  /**
   * Dead-letters part of a record (a message derived from it, with the given body) with its error, while the
   * rest of the record succeeds: one bad document of a message does not fail the others.
   */
  readonly deadLetterPart: (record: SQSRecord, body: string, error: unknown) => Promise<void>;
}

/**
 * Handles a whole batch at once (to combine its records' work into few requests) and returns the error of each
 * record that failed, by message id; the records it does not name succeeded. A thrown error fails every record.
 */
export type BatchHandler = (
  records: readonly SQSRecord[],
  tools: BatchTools,
) => Promise<ReadonlyMap<string, unknown>>;

export interface PartDeadLetterer {
  readonly redriveOf: RedriveLookup;
  readonly sendMessage: (input: SendMessageCommandInput) => Promise<unknown>;
}

export const deadLetterPartWith =
  ({ redriveOf, sendMessage }: PartDeadLetterer): BatchTools['deadLetterPart'] =>
  async (record, body, error) => {
    const redrive = await redriveOf(record.eventSourceARN);
    if (redrive === undefined) {
      throw new Error(
        `queue ${record.eventSourceARN} has no dead-letter queue for a failed part of a record`,
      );
    }
    await sendMessage(deadLetterMessage({ ...record, body }, error, redrive.deadLetterQueueUrl));
  };

/**
 * Runs the batch handler once and turns its verdicts into a record handler, so every record's failure takes the
 * same path (retry, dead letter, deferral) as with a record handler.
 */
export const verdictsOf = async (
  records: readonly SQSRecord[],
  batchHandler: BatchHandler,
  tools: BatchTools,
): Promise<RecordHandler> => {
  let failures: ReadonlyMap<string, unknown>;
  try {
    failures = await batchHandler(records, tools);
  } catch (error) {
    failures = new Map(records.map((record) => [record.messageId, error]));
  }
  return async (record) => {
    if (failures.has(record.messageId)) throw failures.get(record.messageId);
  };
};
