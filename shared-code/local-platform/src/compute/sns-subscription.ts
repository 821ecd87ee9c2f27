import { SetSubscriptionAttributesCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { DeployedTopicSubscription } from '../deployment/index.ts';
import type { SqsEventSource } from '../event-sources/index.ts';
import { ComputeError } from './compute-error.ts';
import { ensureInternalQueue, internalQueueName } from './internal-queue.ts';
import { type QueueFedSourceOptions, startQueueFedSource } from './queue-fed-source.ts';
import { toSnsEvent } from './sns-event.ts';

export type TopicSubscriptionOptions = Pick<QueueFedSourceOptions, 'invoker' | 'log' | 'recordError'>;

const setAttribute = (subscriptionArn: string, name: string, value: string) =>
  awsClient(SNSClient).send(
    new SetSubscriptionAttributesCommand({
      SubscriptionArn: subscriptionArn,
      AttributeName: name,
      AttributeValue: value,
    }),
  );

/**
 * Subscribes the internal queue to the topic with the function subscription's filter, so moto filters as SNS
 * does. An existing subscription comes back from Subscribe as it was: its filter is set each time, so a changed
 * policy takes effect, and an empty one clears it.
 */
const subscribeQueue = async (subscription: DeployedTopicSubscription, queueArn: string): Promise<string> => {
  const { SubscriptionArn } = await awsClient(SNSClient).send(
    new SubscribeCommand({
      TopicArn: subscription.topicArn,
      Protocol: 'sqs',
      Endpoint: queueArn,
      ReturnSubscriptionArn: true,
    }),
  );
  if (SubscriptionArn === undefined) {
    throw new ComputeError(`SNS did not return the ARN of the subscription to ${subscription.topicArn}`);
  }
  if (subscription.filterPolicy !== undefined) {
    // The scope first: moto reads the policy by the scope set when the policy arrives.
    await setAttribute(
      SubscriptionArn,
      'FilterPolicyScope',
      subscription.filterPolicyScope ?? 'MessageAttributes',
    );
  }
  await setAttribute(SubscriptionArn, 'FilterPolicy', subscription.filterPolicy ?? '');
  return SubscriptionArn;
};

/** An SNS subscription of a function: each notification that passes the filter invokes it asynchronously. */
export const startTopicSubscription = async (
  subscription: DeployedTopicSubscription,
  options: TopicSubscriptionOptions,
): Promise<SqsEventSource> => {
  const queue = await ensureInternalQueue(
    internalQueueName('sns', subscription.functionName, subscription.address),
  );
  const subscriptionArn = await subscribeQueue(subscription, queue.queueArn);
  return startQueueFedSource({
    ...options,
    functionName: subscription.functionName,
    queueUrl: queue.queueUrl,
    trigger: `sns ${subscription.topicArn}`,
    toEvents: (body) => [toSnsEvent(body, subscriptionArn)],
  });
};
