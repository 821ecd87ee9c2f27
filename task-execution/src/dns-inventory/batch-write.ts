import { setTimeout as sleepFor } from 'node:timers/promises';
import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { mapConcurrently } from '@sec-an/runtime/concurrency';
import { DnsTableWriteError } from './errors.ts';
import { backoffDelay, type RetryPolicy } from './retry-policy.ts';

/** BatchWriteItem's limit. */
export const batchSize = 25;

/** Unprocessed items mean the table is busy: sent again after a backoff, a few times. */
export const unprocessedRetryPolicy: RetryPolicy = { maxAttempts: 6, baseDelayMs: 50, maxDelayMs: 2_000 };

const batchesInFlight = 4;

const writeBatch = async (
  dynamodb: DynamoDBClient,
  table: string,
  batch: WriteRequest[],
  policy: RetryPolicy,
): Promise<void> => {
  let pending = batch;
  for (let attempt = 1; ; attempt += 1) {
    const { UnprocessedItems } = await dynamodb.send(
      new BatchWriteItemCommand({ RequestItems: { [table]: pending } }),
    );
    pending = UnprocessedItems?.[table] ?? [];
    if (pending.length === 0) return;
    if (attempt >= policy.maxAttempts) {
      throw new DnsTableWriteError(
        `${pending.length} writes to table ${table} were still unprocessed after ${attempt} BatchWriteItem attempts`,
      );
    }
    await (policy.sleep ?? sleepFor)(backoffDelay(attempt, policy));
  }
};

/** Writes (puts and deletes) in batches of 25, unprocessed items sent again with backoff. */
export const batchWrite = async (
  dynamodb: DynamoDBClient,
  table: string,
  requests: readonly WriteRequest[],
  policy: RetryPolicy = unprocessedRetryPolicy,
): Promise<void> => {
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += batchSize) {
    batches.push(requests.slice(start, start + batchSize));
  }
  await mapConcurrently(batches, batchesInFlight, (batch) => writeBatch(dynamodb, table, batch, policy));
};
