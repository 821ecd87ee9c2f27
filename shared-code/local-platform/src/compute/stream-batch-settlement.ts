import type { DynamoDBRecord } from 'aws-lambda';
import type { InvocationOutcome } from './function-host.ts';

/** How a stream mapping reads one invocation of a batch. */
export type StreamSettlement =
  | { readonly kind: 'succeeded' }
  /** The function returned and named failed records: the batch is done up to the first of them. */
  | { readonly kind: 'failed-from'; readonly index: number }
  /** The invocation failed: nothing of the batch is done. */
  | { readonly kind: 'function-error' };

const failuresOf = (payload: unknown): unknown =>
  typeof payload === 'object' && payload !== null
    ? (payload as { batchItemFailures?: unknown }).batchItemFailures
    : undefined;

/**
 * Settles a stream batch by the function's response, as Lambda does with ReportBatchItemFailures: no list or an
 * empty one means success; otherwise the batch is done up to the record with the lowest sequence number named,
 * and a list that is not one, or names no record of the batch, fails the whole batch.
 */
export const settleStreamBatch = (
  records: readonly DynamoDBRecord[],
  outcome: InvocationOutcome,
  reportBatchItemFailures: boolean,
): StreamSettlement => {
  if (!outcome.ok) return { kind: 'function-error' };
  const failures = reportBatchItemFailures ? failuresOf(outcome.payload) : undefined;
  if (failures === undefined || failures === null) return { kind: 'succeeded' };
  if (!Array.isArray(failures)) return { kind: 'failed-from', index: 0 };
  if (failures.length === 0) return { kind: 'succeeded' };
  const positions = new Map(records.map((record, index) => [record.dynamodb?.SequenceNumber, index]));
  const indexes = (failures as unknown[]).map((failure) => {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    return typeof id === 'string' && id !== '' ? positions.get(id) : undefined;
  });
  if (indexes.some((index) => index === undefined)) return { kind: 'failed-from', index: 0 };
  return { kind: 'failed-from', index: Math.min(...(indexes as number[])) };
};
