import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { settleBatch } from './batch-settlement.ts';
import { localLambdaContext } from './lambda-context.ts';
import { queueArn } from './queue-arn.ts';
import { arnAccount, arnRegion, toSqsEvent } from './sqs-record.ts';

/** A Lambda handler for SQS events; its result is read the way Lambda reads it, so any value is accepted. */
export type SqsEventHandler = (event: SQSEvent, context: Context) => Promise<unknown>;

export interface PollQueueOptions {
  readonly queueUrl: string;
  readonly handler: SqsEventHandler;
  /** 1 to 10, as ReceiveMessage allows; 10 by default, as an event source mapping has. */
  readonly batchSize?: number;
  /** Long polling, 0 to 20 seconds; short by default so a local loop stops quickly. */
  readonly waitTimeSeconds?: number;
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

const bounded = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, Math.trunc(value)));

const deleteRecords = async (queueUrl: string, records: readonly SQSRecord[]): Promise<void> => {
  if (records.length === 0) return;
  const { Failed = [] } = await awsClient(SQSClient).send(
    new DeleteMessageBatchCommand({
      QueueUrl: queueUrl,
      Entries: records.map((record, index) => ({ Id: String(index), ReceiptHandle: record.receiptHandle })),
    }),
  );
  if (Failed.length > 0) {
    const reasons = Failed.map((failure) => `${failure.Id}: ${failure.Code} ${failure.Message ?? ''}`);
    // Undeleted records are delivered again, which at-least-once handlers tolerate; it is still worth knowing.
    throw new Error(
      `could not delete ${Failed.length} handled message(s) from ${queueUrl}: ${reasons.join('; ')}`,
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
  const { Messages = [] } = await awsClient(SQSClient).send(
    new ReceiveMessageCommand({
      QueueUrl: options.queueUrl,
      MaxNumberOfMessages: bounded(options.batchSize ?? 10, 1, 10),
      WaitTimeSeconds: bounded(options.waitTimeSeconds ?? 1, 0, 20),
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
    options.abortSignal === undefined ? {} : { abortSignal: options.abortSignal },
  );
  if (Messages.length === 0) return { kind: 'empty' };

  const event = toSqsEvent(Messages, arn);
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
  const { succeeded, failed } = settleBatch(event.Records, response);
  await deleteRecords(options.queueUrl, succeeded);
  return {
    kind: 'handled',
    event,
    response,
    deletedMessageIds: succeeded.map((record) => record.messageId),
    failedMessageIds: failed.map((record) => record.messageId),
  };
};
