import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';

/** Messages a queue holds, waiting or being handled (both approximate, as SQS counts them). */
export const queueDepth = async (queueUrl: string): Promise<number> => {
  const { Attributes = {} } = await awsClient(SQSClient).send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages ?? 0) +
    Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};
