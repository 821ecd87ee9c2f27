import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier, ApplyContext, Attributes } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { InvalidConfigurationError } from '../errors.ts';
import { functionNameOf, generatedName } from '../names.ts';

// Terraform argument -> SNS subscription attribute.
const attributeNames: readonly (readonly [string, string])[] = [
  ['filter_policy', 'FilterPolicy'],
  ['filter_policy_scope', 'FilterPolicyScope'],
  ['raw_message_delivery', 'RawMessageDelivery'],
  ['redrive_policy', 'RedrivePolicy'],
  ['delivery_policy', 'DeliveryPolicy'],
  ['subscription_role_arn', 'SubscriptionRoleArn'],
];

const subscriptionAttributes = (config: ResourceConfig): Record<string, string> => {
  const attributes: Record<string, string> = {};
  for (const [argument, attribute] of attributeNames) {
    const value = config.optionalString(argument);
    if (value !== undefined && value !== '') attributes[attribute] = value;
  }
  return attributes;
};

const filterPolicyScopeOf = (config: ResourceConfig, address: string) => {
  const scope = config.optionalString('filter_policy_scope');
  if (scope === undefined || scope === 'MessageAttributes' || scope === 'MessageBody') return scope;
  throw new InvalidConfigurationError(
    address,
    `filter_policy_scope "${scope}" is neither MessageAttributes nor MessageBody`,
  );
};

/** moto's filtering and delivery to queues are the ones AWS documents; the platform relies on them. */
const subscribeQueue = async (config: ResourceConfig): Promise<Attributes> => {
  const { SubscriptionArn = '' } = await awsClient(SNSClient).send(
    new SubscribeCommand({
      TopicArn: config.string('topic_arn'),
      Protocol: 'sqs',
      Endpoint: config.string('endpoint'),
      Attributes: subscriptionAttributes(config),
      ReturnSubscriptionArn: true,
    }),
  );
  return { ...config.values, id: SubscriptionArn, arn: SubscriptionArn };
};

/** A subscription moto would invoke inside itself is the compute step's to run: recorded, never subscribed. */
const recordFunctionSubscription = (config: ResourceConfig, context: ApplyContext): Attributes => {
  const topicArn = config.string('topic_arn');
  const filterPolicy = config.optionalString('filter_policy');
  const filterPolicyScope = filterPolicyScopeOf(config, context.address);
  context.deployment.topicSubscriptions.push({
    address: context.address,
    functionName: functionNameOf(config.string('endpoint')),
    topicArn,
    ...(filterPolicy === undefined || filterPolicy === '' ? {} : { filterPolicy }),
    ...(filterPolicyScope === undefined ? {} : { filterPolicyScope }),
  });
  const arn = `${topicArn}:${generatedName(context.address, '')}`;
  return { ...config.values, id: arn, arn };
};

export const applySnsTopicSubscription: Applier = async (config, context) => {
  const protocol = config.string('protocol');
  if (protocol === 'sqs') return subscribeQueue(config);
  if (protocol === 'lambda') return recordFunctionSubscription(config, context);
  return context.notApplied(`protocol ${protocol} is not delivered locally`);
};
