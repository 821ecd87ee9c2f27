import { createHash } from 'node:crypto';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { queueArn } from '../event-sources/index.ts';
import { ComputeError } from './compute-error.ts';

/** Every queue the compute step makes for itself; none of the product's queues starts with it. */
export const internalQueuePrefix = 'sec-an-local-';

export interface InternalQueue {
  readonly queueUrl: string;
  readonly queueArn: string;
}

/**
 * The same name on every start for the same trigger, so that what arrived while the platform was down is still
 * there; the hash of what identifies the trigger (its address, or more where one resource holds several) keeps
 * two triggers of one function apart. At most 74 characters, within SQS's 80.
 */
export const internalQueueName = (kind: 'sns' | 's3', functionName: string, identity: string): string =>
  `${internalQueuePrefix}${kind}-${functionName.slice(0, 48)}-${createHash('sha256').update(identity).digest('hex').slice(0, 8)}`;

/**
 * The queue through which moto hands the compute step what it would hand a function on AWS: moto then does the
 * filtering (SNS filter policies, S3 event and key filters) exactly as it does for any other subscriber.
 */
export const ensureInternalQueue = async (name: string): Promise<InternalQueue> => {
  const { QueueUrl } = await awsClient(SQSClient).send(new CreateQueueCommand({ QueueName: name }));
  if (QueueUrl === undefined)
    throw new ComputeError(`SQS did not return the URL of the queue ${name} it created`);
  return { queueUrl: QueueUrl, queueArn: await queueArn(QueueUrl) };
};
