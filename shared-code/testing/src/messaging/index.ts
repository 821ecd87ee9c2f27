import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';

/**
 * Topics and subscribed queues for integration tests and the smoke flow, made with plain SDK clients (which
 * read AWS_ENDPOINT_URL themselves) so this package needs nothing from the runtime it helps to test.
 */
let clients: { sns: SNSClient; sqs: SQSClient } | undefined;
// Created on first use, after the caller has pointed the environment at its backends.
const aws = () => {
  clients ??= { sns: new SNSClient({}), sqs: new SQSClient({}) };
  return clients;
};

const defined = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`${what} missing from the response`);
  return value;
};

export const createTopic = async (name: string): Promise<string> =>
  defined((await aws().sns.send(new CreateTopicCommand({ Name: name }))).TopicArn, 'TopicArn');

export interface SubscriptionOptions {
  readonly raw: boolean;
  readonly filterPolicy?: Record<string, unknown>;
}

/** A queue subscribed to the topic, with the queue policy AWS needs before SNS may send to it. */
export const subscribedQueue = async (
  topicArn: string,
  name: string,
  options: SubscriptionOptions,
): Promise<string> => {
  const { sqs } = aws();
  const queueUrl = defined(
    (await sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl,
    'QueueUrl',
  );
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueArn = defined(attributes.Attributes?.QueueArn, 'QueueArn');
  const policy = {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'sns.amazonaws.com' },
        Action: 'sqs:SendMessage',
        Resource: queueArn,
        Condition: { ArnEquals: { 'aws:SourceArn': topicArn } },
      },
    ],
  };
  await sqs.send(
    new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: { Policy: JSON.stringify(policy) } }),
  );
  await aws().sns.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: queueArn,
      Attributes: {
        RawMessageDelivery: String(options.raw),
        ...(options.filterPolicy === undefined
          ? {}
          : { FilterPolicyScope: 'MessageAttributes', FilterPolicy: JSON.stringify(options.filterPolicy) }),
      },
    }),
  );
  return queueUrl;
};

/**
 * Long-polls until the expected number of messages arrived or the deadline passed, then polls once more so a
 * message that should not have arrived is caught too.
 */
export const receiveMessages = async (
  queueUrl: string,
  expected: number,
  timeoutMs = 10_000,
): Promise<Message[]> => {
  const { sqs } = aws();
  const received: Message[] = [];
  const deadline = Date.now() + timeoutMs;
  const receive = async (): Promise<Message[]> =>
    (
      await sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: queueUrl,
          MaxNumberOfMessages: 10,
          WaitTimeSeconds: 1,
          MessageAttributeNames: ['All'],
        }),
      )
    ).Messages ?? [];
  while (received.length < expected && Date.now() < deadline) received.push(...(await receive()));
  received.push(...(await receive()));
  return received;
};
