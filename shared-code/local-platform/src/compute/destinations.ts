import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { arnAccount } from '../event-sources/index.ts';
import { ComputeError } from './compute-error.ts';
import type { DestinationRecord } from './destination-record.ts';
import type { StreamFailureRecord } from './stream-failure-record.ts';

const arnService = (arn: string): string => arn.split(':')[2] ?? '';
const arnResource = (arn: string): string => arn.split(':').slice(5).join(':');

const sendToQueue = async (queueArn: string, body: string): Promise<void> => {
  const { QueueUrl } = await awsClient(SQSClient).send(
    new GetQueueUrlCommand({
      QueueName: arnResource(queueArn),
      QueueOwnerAWSAccountId: arnAccount(queueArn),
    }),
  );
  await awsClient(SQSClient).send(new SendMessageCommand({ QueueUrl, MessageBody: body }));
};

const publishToTopic = async (topicArn: string, message: string): Promise<void> => {
  await awsClient(SNSClient).send(new PublishCommand({ TopicArn: topicArn, Message: message }));
};

/** Delivers a record to an asynchronous invocation's or a stream mapping's destination, a queue or a topic. */
export const sendToDestination = async (
  destinationArn: string,
  record: DestinationRecord | StreamFailureRecord,
): Promise<void> => {
  const body = JSON.stringify(record);
  switch (arnService(destinationArn)) {
    case 'sqs':
      return sendToQueue(destinationArn, body);
    case 'sns':
      return publishToTopic(destinationArn, body);
    default:
      throw new ComputeError(
        `destination ${destinationArn} is neither an SQS queue nor an SNS topic, the two the local platform delivers to`,
      );
  }
};
