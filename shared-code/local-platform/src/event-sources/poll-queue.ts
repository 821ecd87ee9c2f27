import { DeleteMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { settleBatch } from './batch-settlement.ts';
import { localLambdaContext } from './lambda-context.ts';
import { queueArn } from './queue-arn.ts';
import { receiveBatch } from './receive-batch.ts';
import { arnAccount, arnRegion, toSqsEvent } from './sqs-record.ts';

/** A Lambda handler for SQS events; its result is read the way Lambda reads it, so any value is accepted. */
export type SqsEventHandler = (event: SQSEvent, context: Context) => Promise<unknown>;

export interface PollQueueOptions {
  readonly queueUrl: string;
  readonly handler: SqsEventHandler;
  /** 1 to 10,000, as an event source mapping allows; 10 by default, as it has. */
  readonly batchSize?: number;
  /** Long polling, 0 to 20 seconds; short by default so a local loop stops quickly. */
  readonly waitTimeSeconds?: number;
  /** The mapping's batching window, 0 (the default) to 300 seconds. */
  readonly maximumBatchingWindowSeconds?: number;
  /**
   * The mapping's ReportBatchItemFailures; on by default, as on every sec-an consumer. Off, any response
   * settles the whole batch as succeeded, as Lambda then reads none.
   */
  readonly reportBatchItemFailures?: boolean;
  readonly functionName?: string;
  readonly functionTimeoutMs?: number;
  readonly abortSignal?: AbortSignal;
}

export type PollResult =
  | { readonly kind: 'empty' }
  | {
      readonly kind: 'handled';
      readonly event: SQSEvent;
      readonly response: unknown;
      readonly deletedMessageIds: readonly string[];
      readonly failedMessageIds: readonly string[];
    }
  | { readonly kind: 'threw'; readonly event: SQSEvent; readonly error: unknown };

/** DeleteMessageBatch's own limit on one call. */
const maxEntriesPerDelete = 10;

const deleteChunk = async (queueUrl: string, records: readonly SQSRecord[]): Promise<string[]> => {
  const { Failed = [] } = await awsClient(SQSClient).send(
    new DeleteMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: records.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
    }),
  );
  return Failed.map((failure) => {
    const record = records[Number(failure.Id)];
    return `${record?.messageId ?? failure.Id}: ${failure.Code} ${failure.Message ?? ''}`;
  });
};

const deleteRecords = async (queueUrl: string, records: readonly SQSRecord[]): Promise<void> => {
  const reasons: string[] = [];
  for (let start = 0; start < records.length; start += maxEntriesPerDelete) {
    reasons.push(...(await deleteChunk(queueUrl, records.slice(start, start + maxEntriesPerDelete))));
  }
  if (reasons.length > 0) {
    // Undeleted records are delivered again, which at-least-once handlers tolerate; it is still worth knowing.
    throw new Error(
      `could not delete ${reasons.length} handled message(s) from ${queueUrl}: ${reasons.join('; ')}`,
    );
  }
};

/**
 * One poll of the SQS event source mapping: receive a batch, invoke the handler, delete the records that did
 * not fail (ReportBatchItemFailures). Failed records, or the whole batch if the handler throws, stay in the queue
 * and are delivered again after its visibility timeout, until its redrive policy moves them to its dead-letter
 * queue.
 */
export const pollQueueOnce = async (options: PollQueueOptions): Promise<PollResult> => {
  const arn = await queueArn(options.queueUrl);
  const messages = await receiveBatch({
    queueUrl: options.queueUrl,
    batchSize: options.batchSize ?? 10,
    waitTimeSeconds: options.waitTimeSeconds ?? 1,
    maximumBatchingWindowSeconds: options.maximumBatchingWindowSeconds ?? 0,
    abortSignal: options.abortSignal,
  });
  if (messages.length === 0) return { kind: 'empty' };

  const event = toSqsEvent(messages, arn);
  const context = localLambdaContext({
    functionName: options.functionName ?? 'local-function',
    region: arnRegion(arn),
    accountId: arnAccount(arn),
    timeoutMs: options.functionTimeoutMs ?? 30_000,
  });
  let response: unknown;
  try {
    response = await options.handler(event, context);
  } catch (error) {
    return { kind: 'threw', event, error };
  }
  const { succeeded, failed } =
    options.reportBatchItemFailures === false
      ? { succeeded: event.Records, failed: [] }
      : settleBatch(event.Records, response);
  await deleteRecords(options.queueUrl, succeeded);
  return {
    kind: 'handled',
    event,
    response,
    deletedMessageIds: succeeded.map((record) => record.messageId),
    failedMessageIds: failed.map((record) => record.messageId),
  };
};
