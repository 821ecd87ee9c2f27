import type { Client } from '@opensearch-project/opensearch';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import { historyDocumentId, historyIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { chunksOf } from '../ingest/bulk.ts';
import { indexedDocument } from '../ingest/indexed-document.ts';
import { defaultIngestSettings, ingestBatchSize } from '../ingest/ingest-settings.ts';
import type { Operation } from '../ingest/operations.ts';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<unknown>;

const record = (result: ScanResult, i: number): SQSRecord => ({
  messageId: `bench-${i}`,
  receiptHandle: `bench-${i}`,
  body: JSON.stringify(result),
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: String(Date.now()),
    SenderId: 'bench',
    ApproximateFirstReceiveTimestamp: String(Date.now()),
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-2:123456789012:bench-ingest-queue',
  awsRegion: 'eu-west-2',
});

/**
 * Invocations of the ingest function at once: its event source mapping runs up to five; two are what this
 * machine's cores can serve besides the node. The plain `_bulk` reference sends as many requests at once.
 */
export const concurrentRequests = 2;

/** Runs the tasks, `concurrency` at a time, in order of start. */
const inParallel = async (tasks: readonly (() => Promise<void>)[], concurrency: number): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      await task?.();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

/** The SQS events the ingest's event source mapping would deliver for the results (built before timing). */
export const ingestEvents = (results: readonly ScanResult[]): SQSEvent[] => {
  const events: SQSEvent[] = [];
  for (let start = 0; start < results.length; start += ingestBatchSize) {
    events.push({
      Records: results.slice(start, start + ingestBatchSize).map((result, i) => record(result, start + i)),
    });
  }
  return events;
};

/** Runs the real handler over the events, as concurrent invocations of the function would. */
export const throughHandler = async (handler: SqsHandler, context: Context, events: readonly SQSEvent[]) =>
  inParallel(
    events.map((event) => async () => {
      const response = (await handler(event, context)) as { batchItemFailures: unknown[] };
      if (response.batchItemFailures.length > 0) {
        throw new Error(`the handler failed ${response.batchItemFailures.length} records`);
      }
    }),
    concurrentRequests,
  );

/** The same history and snapshot documents as index operations into another task's indices. */
const plainOperations = (results: readonly ScanResult[], task: string): Operation[] =>
  results.flatMap((result, owner) =>
    Object.entries(result.documents).flatMap(([type, documents]) =>
      documents.flatMap((document) => {
        const source = indexedDocument(result, type, document);
        const part = { type, key: document.key };
        return [
          {
            action: 'index' as const,
            index: historyIndex(task, type),
            id: historyDocumentId(document.key, result.endedAt),
            source,
            owner,
            part: { kind: 'history' as const, ...part },
          },
          {
            action: 'index' as const,
            index: snapshotIndex(task, type),
            id: document.key,
            source,
            owner,
            part: { kind: 'snapshot' as const, ...part },
          },
        ];
      }),
    ),
  );

const assertNoErrors = (body: unknown, what: string) => {
  if ((body as { errors?: boolean }).errors === true)
    throw new Error(`${what}: the store refused some documents`);
};

/** The engine's limit here: the same documents in plain `_bulk` requests of the ingest's size. */
export const plainBulk = async (
  client: Client,
  results: readonly ScanResult[],
  task: string,
): Promise<void> => {
  const chunks = chunksOf(plainOperations(results, task), defaultIngestSettings.maxBulkBytes);
  await inParallel(
    chunks.map((chunk) => async () => {
      const response = await client.bulk({ body: chunk.body as never });
      assertNoErrors(response.body, 'plain _bulk');
    }),
    concurrentRequests,
  );
};

/** The predecessor's way: one request per document and index. */
export const perDocument = async (
  client: Client,
  results: readonly ScanResult[],
  task: string,
): Promise<void> => {
  for (const operation of plainOperations(results, task)) {
    await client.index({ index: operation.index, id: operation.id, body: operation.source as never });
  }
};
