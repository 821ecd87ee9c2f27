import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';

const sqs = () => awsClient(SQSClient);

/** An ingest queue and its dead-letter queue in moto, redriven as the stack's ServiceQueue redrives it. */
export const ingestQueues = async (
  name: string,
  options: { maxReceiveCount: number; visibilitySeconds: number },
) => {
  const deadLetterQueueUrl =
    (await sqs().send(new CreateQueueCommand({ QueueName: `${name}-dlq` }))).QueueUrl ?? '';
  const deadLetterArn = (
    await sqs().send(
      new GetQueueAttributesCommand({ QueueUrl: deadLetterQueueUrl, AttributeNames: ['QueueArn'] }),
    )
  ).Attributes?.QueueArn;
  const queueUrl =
    (
      await sqs().send(
        new CreateQueueCommand({
          QueueName: name,
          Attributes: {
            VisibilityTimeout: String(options.visibilitySeconds),
            RedrivePolicy: JSON.stringify({
              deadLetterTargetArn: deadLetterArn,
              maxReceiveCount: options.maxReceiveCount,
            }),
          },
        }),
      )
    ).QueueUrl ?? '';
  return { queueUrl, deadLetterQueueUrl };
};

export const sendBodies = async (queueUrl: string, bodies: readonly string[]): Promise<void> => {
  for (let start = 0; start < bodies.length; start += 10) {
    await sqs().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: bodies
          .slice(start, start + 10)
          .map((body, i) => ({ Id: String(start + i), MessageBody: body })),
      }),
    );
  }
};

/** Every message on a queue (received, not deleted: they come back after the visibility timeout). */
export const drain = async (queueUrl: string): Promise<Message[]> => {
  const messages: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs().send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
        VisibilityTimeout: 60,
        WaitTimeSeconds: 0,
      }),
    );
    if (Messages.length === 0) return messages;
    messages.push(...Messages);
  }
};

export const queueDepth = async (queueUrl: string): Promise<number> => {
  const { Attributes = {} } = await sqs().send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return Object.values(Attributes).reduce((sum, value) => sum + Number(value), 0);
};
