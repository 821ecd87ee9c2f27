import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';

const arns = new Map<string, string>();

/** A queue's ARN, asked once per queue URL: it never changes while the queue exists. */
export const queueArn = async (queueUrl: string): Promise<string> => {
  const cached = arns.get(queueUrl);
  if (cached !== undefined) return cached;
  const { Attributes } = await awsClient(SQSClient).send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const arn = Attributes?.QueueArn;
  if (arn === undefined) throw new Error(`SQS did not report the ARN of ${queueUrl}`);
  arns.set(queueUrl, arn);
  return arn;
};
