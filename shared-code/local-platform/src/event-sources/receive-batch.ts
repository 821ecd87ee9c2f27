import { type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';

export interface ReceiveBatchOptions {
  readonly queueUrl: string;
  /** 1 to 10,000, as an event source mapping allows; above 10 it takes several receives. */
  readonly batchSize: number;
  /** Long polling of the first receive, 0 to 20 seconds. */
  readonly waitTimeSeconds: number;
  /** How long to keep gathering after the first message, 0 to 300 seconds; 0 invokes with the first receive. */
  readonly maximumBatchingWindowSeconds: number;
  readonly abortSignal?: AbortSignal | undefined;
}

/** ReceiveMessage's own limit on one call. */
const maxMessagesPerReceive = 10;

const bounded = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, Math.trunc(value)));

const receive = async (
  options: ReceiveBatchOptions,
  maxMessages: number,
  waitTimeSeconds: number,
): Promise<Message[]> => {
  const { Messages = [] } = await awsClient(SQSClient).send(
    new ReceiveMessageCommand({
      QueueUrl: options.queueUrl,
      MaxNumberOfMessages: bounded(maxMessages, 1, maxMessagesPerReceive),
      WaitTimeSeconds: bounded(waitTimeSeconds, 0, 20),
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
    options.abortSignal === undefined ? {} : { abortSignal: options.abortSignal },
  );
  return Messages;
};

/**
 * One batch as an event source mapping gathers it: the first receive long-polls; with a batching window, more
 * receives follow until the batch is full or the window, counted from the first receive, has passed. Messages
 * are not held back once received: their visibility timeout is already running.
 */
export const receiveBatch = async (options: ReceiveBatchOptions): Promise<Message[]> => {
  const batchSize = bounded(options.batchSize, 1, 10_000);
  const windowEnds = Date.now() + bounded(options.maximumBatchingWindowSeconds, 0, 300) * 1000;
  const messages = await receive(options, batchSize, options.waitTimeSeconds);
  if (messages.length === 0) return messages;
  while (messages.length < batchSize) {
    const remainingMs = windowEnds - Date.now();
    if (remainingMs <= 0) break;
    const waitTimeSeconds = Math.min(20, Math.floor(remainingMs / 1000));
    const more = await receive(options, batchSize - messages.length, waitTimeSeconds);
    messages.push(...more);
    // A short poll that found nothing has nothing more to wait for within the window's last second.
    if (more.length === 0 && waitTimeSeconds === 0) break;
  }
  return messages;
};
