import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { DeployedQueue, Deployment } from '../deployment/index.ts';

export interface QueueDepth {
  readonly queueName: string;
  readonly visible: number;
  readonly inFlight: number;
  readonly delayed: number;
  /** Messages in its dead-letter queue; absent for a queue without one (a dead-letter queue itself). */
  readonly deadLetters?: number;
}

const counts = async (queueUrl: string) => {
  const { Attributes = {} } = await awsClient(SQSClient).send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: [
        'ApproximateNumberOfMessages',
        'ApproximateNumberOfMessagesNotVisible',
        'ApproximateNumberOfMessagesDelayed',
      ],
    }),
  );
  return {
    visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
    inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
    delayed: Number(Attributes.ApproximateNumberOfMessagesDelayed ?? 0),
  };
};

const total = (depth: { visible: number; inFlight: number; delayed: number }): number =>
  depth.visible + depth.inFlight + depth.delayed;

/** The depth of every queue that has a dead-letter queue, with that queue's depth beside it. */
export const queueDepths = async (deployment: Deployment): Promise<QueueDepth[]> => {
  const byArn = new Map(deployment.queues.map((queue) => [queue.queueArn, queue]));
  const withDeadLetters = deployment.queues.filter(
    (queue): queue is DeployedQueue & { deadLetterQueueArn: string } =>
      queue.deadLetterQueueArn !== undefined,
  );
  return Promise.all(
    withDeadLetters.map(async (queue) => {
      const deadLetterQueue = byArn.get(queue.deadLetterQueueArn);
      return {
        queueName: queue.queueName,
        ...(await counts(queue.queueUrl)),
        ...(deadLetterQueue === undefined
          ? {}
          : { deadLetters: total(await counts(deadLetterQueue.queueUrl)) }),
      };
    }),
  );
};
