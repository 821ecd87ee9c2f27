import type { SQSRecord } from 'aws-lambda';

/** Which records of a batch the event source mapping deletes, and which it leaves to be delivered again. */
export interface BatchSettlement {
  readonly succeeded: readonly SQSRecord[];
  readonly failed: readonly SQSRecord[];
}

const allSucceeded = (records: readonly SQSRecord[]): BatchSettlement => ({ succeeded: records, failed: [] });
const allFailed = (records: readonly SQSRecord[]): BatchSettlement => ({ succeeded: [], failed: records });

const failureIds = (response: unknown): unknown =>
  typeof response === 'object' && response !== null
    ? (response as { batchItemFailures?: unknown }).batchItemFailures
    : undefined;

/**
 * Settles a batch by a function's response, with ReportBatchItemFailures enabled, as Lambda does: no response
 * or no failures list means every record succeeded; a failures list that names no record of the batch, or is
 * not a list, makes the whole batch fail; otherwise only the records it names failed.
 */
export const settleBatch = (records: readonly SQSRecord[], response: unknown): BatchSettlement => {
  const failures = failureIds(response);
  if (failures === undefined || failures === null) return allSucceeded(records);
  if (!Array.isArray(failures)) return allFailed(records);
  const ids = new Set<string>();
  const known = new Set(records.map((record) => record.messageId));
  for (const failure of failures as unknown[]) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !known.has(id)) return allFailed(records);
    ids.add(id);
  }
  return {
    succeeded: records.filter((record) => !ids.has(record.messageId)),
    failed: records.filter((record) => ids.has(record.messageId)),
  };
};
