import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListDeadLetterSourceQueuesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { deadLetterRecordOf } from '@sec-an/constructs/dead-letter-recorder';
import type { DeadLetterRecord } from '@sec-an/contracts/dead-letter';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { SetupError } from '../errors/index.ts';
import { toSqsRecord } from '../event-sources/index.ts';
import { type RedriveResult, RedriveTally } from './redrive-result.ts';
import { type RedriveFilters, redriveCandidate } from './redrive-verdict.ts';
import { isMissingQueue, sendToSource } from './send-to-source.ts';

/** Long enough to send every message of a large queue before the first one shows again. */
const holdSeconds = 900;

const sqs = () => awsClient(SQSClient);

const queueArnOf = async (queueUrl: string): Promise<string> => {
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  return Attributes?.QueueArn ?? '';
};

const deadLetterQueueUrl = async (queueName: string): Promise<string> => {
  try {
    const { QueueUrl } = await sqs().send(new GetQueueUrlCommand({ QueueName: queueName }));
    return QueueUrl ?? '';
  } catch (error) {
    if (!isMissingQueue(error)) throw error;
    throw new SetupError(`there is no queue ${queueName}`, 'name a dead-letter queue, e.g. <queue>-dlq');
  }
};

/** The queue whose redrive policy names the dead-letter queue, when exactly one does. */
const redrivePolicySource = async (queueUrl: string): Promise<string | undefined> => {
  const { queueUrls = [] } = await sqs().send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: queueUrl }));
  const [only] = queueUrls;
  return queueUrls.length === 1 && only !== undefined ? queueArnOf(only) : undefined;
};

const receive = async (queueUrl: string): Promise<Message[]> => {
  const { Messages = [] } = await sqs().send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      VisibilityTimeout: holdSeconds,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );
  return Messages;
};

/** Makes the messages it did not move visible again at once, ten at a time. */
const release = async (queueUrl: string, receiptHandles: readonly string[]): Promise<void> => {
  for (let start = 0; start < receiptHandles.length; start += 10) {
    await sqs().send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: queueUrl,
        Entries: receiptHandles.slice(start, start + 10).map((handle, index) => ({
          Id: String(index),
          ReceiptHandle: handle,
          VisibilityTimeout: 0,
        })),
      }),
    );
  }
};

/**
 * The queue a message failed in: the one its handler named, else the one SQS moved it from (as SQS says, or as
 * the redrive policies say). A failed asynchronous invocation has none.
 */
const sourceOf = (letter: DeadLetterRecord, movedFrom: string | undefined): string | null => {
  switch (letter.reason) {
    case 'handler-dead-lettered':
      return letter.sourceQueueArn;
    case 'max-receives-exceeded':
      return movedFrom ?? null;
    case 'async-retries-exhausted':
    case 'stream-retries-exhausted':
      return null;
  }
};

/**
 * Moves the messages of a dead-letter queue that pass the filters (by the time they were sent) back to their
 * source: the queue their handler named, else the one SQS moved them from, else the one whose redrive policy
 * names this queue. Each is deleted once sent; the rest are left in the queue as they were.
 */
export const redriveQueue = async (
  queueName: string,
  filters: RedriveFilters,
  now: () => Date,
): Promise<RedriveResult> => {
  const queueUrl = await deadLetterQueueUrl(queueName);
  const queueArn = await queueArnOf(queueUrl);
  const policySource = await redrivePolicySource(queueUrl);
  const tally = new RedriveTally();
  const held: string[] = [];
  try {
    for (let messages = await receive(queueUrl); messages.length > 0; messages = await receive(queueUrl)) {
      for (const message of messages) {
        const record = toSqsRecord(message, queueArn);
        const letter = deadLetterRecordOf(record, now());
        const candidate = {
          id: record.messageId,
          sourceQueueArn: sourceOf(letter, record.attributes.DeadLetterQueueSourceArn ?? policySource),
          time: new Date(letter.sentAt),
          redrivenBefore: false,
        };
        const moved = await redriveCandidate(candidate, filters, tally, async (sourceQueueArn) => {
          const messageId = await sendToSource(letter, sourceQueueArn);
          await sqs().send(
            new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: record.receiptHandle }),
          );
          return messageId;
        });
        if (!moved) held.push(record.receiptHandle);
      }
    }
  } finally {
    await release(queueUrl, held);
  }
  return tally.result(`the dead-letter queue ${queueName}`, filters);
};
