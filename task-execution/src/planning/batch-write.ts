import { setTimeout as sleep } from 'node:timers/promises';
import { BatchWriteItemCommand, DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { TransientError } from '@sec-an/runtime/errors';
import { forEachConcurrently } from './concurrently.ts';

export interface BatchWriteOptions {
  readonly concurrency: number;
  /** Calls per batch, the first included, before its unprocessed items fail the write. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultBatchWriteOptions: BatchWriteOptions = {
  concurrency: 8,
  maxAttempts: 8,
  baseDelayMs: 50,
  maxDelayMs: 5_000,
};

/** Exponential with full jitter, so that batches throttled together do not come back together. */
const backoff = (attempt: number, options: BatchWriteOptions): number =>
  Math.round(Math.random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1)));

const writeBatch = async (
  table: string,
  batch: WriteRequest[],
  options: BatchWriteOptions,
): Promise<void> => {
  let pending = batch;
  for (let attempt = 1; attempt <= options.maxAttempts; attempt += 1) {
    if (attempt > 1) await sleep(backoff(attempt - 1, options));
    const { UnprocessedItems } = await awsClient(DynamoDBClient).send(
      new BatchWriteItemCommand({ RequestItems: { [table]: pending } }),
    );
    pending = UnprocessedItems?.[table] ?? [];
    if (pending.length === 0) return;
  }
  throw new TransientError(
    `${pending.length} of ${batch.length} writes to table ${table} were still unprocessed after ${options.maxAttempts} attempts`,
  );
};

/**
 * Writes batches of puts and deletes (at most `batchWriteSize` each), several at a time, taking each batch from
 * the iterable only when it is sent, so that a million rows are never all in memory. DynamoDB may leave some
 * items of a batch unprocessed under load; those are sent again with backoff until they are written or the
 * attempts run out.
 */
export const batchWrite = async (
  table: string,
  batches: Iterable<WriteRequest[]>,
  options: BatchWriteOptions = defaultBatchWriteOptions,
): Promise<void> => {
  await forEachConcurrently(batches, options.concurrency, (batch) => writeBatch(table, batch, options));
};
