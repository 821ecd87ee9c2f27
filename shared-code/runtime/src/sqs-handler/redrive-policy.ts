import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '../aws-clients/index.ts';
import { queueUrlOf } from './queue-url.ts';

/** Where a queue's dead letters go, and after how many receives SQS moves them there itself. */
export interface QueueRedrive {
  readonly deadLetterQueueUrl: string;
  readonly maxReceiveCount: number;
}

/** Looks up the redrive of the queue a record came from; undefined when the queue has no dead-letter queue. */
export type RedriveLookup = (sourceQueueArn: string) => Promise<QueueRedrive | undefined>;

const fetchRedrive = async (sourceQueueArn: string): Promise<QueueRedrive | undefined> => {
  const response = await awsClient(SQSClient).send(
    new GetQueueAttributesCommand({
      QueueUrl: await queueUrlOf(sourceQueueArn),
      AttributeNames: ['RedrivePolicy'],
    }),
  );
  const policy = response.Attributes?.RedrivePolicy;
  if (policy === undefined) return undefined;
  const { deadLetterTargetArn, maxReceiveCount } = JSON.parse(policy) as {
    deadLetterTargetArn: string;
    maxReceiveCount: number | string;
  };
  return {
    deadLetterQueueUrl: await queueUrlOf(deadLetterTargetArn),
    maxReceiveCount: Number(maxReceiveCount),
  };
};

/** Long enough to spare SQS a lookup per failure, short enough to follow a changed redrive policy. */
const cacheMilliseconds = 5 * 60_000;

const cache = new Map<string, { readonly at: number; readonly redrive: Promise<QueueRedrive | undefined> }>();

/**
 * Reads the redrive policy from the queue itself, so a handler needs no setting for it and always agrees with
 * the queue. Looked up only when a record fails.
 */
export const queueRedrive: RedriveLookup = (sourceQueueArn) => {
  const cached = cache.get(sourceQueueArn);
  if (cached !== undefined && Date.now() - cached.at < cacheMilliseconds) return cached.redrive;
  const redrive = fetchRedrive(sourceQueueArn);
  cache.set(sourceQueueArn, { at: Date.now(), redrive });
  redrive.catch(() => cache.delete(sourceQueueArn));
  return redrive;
};
