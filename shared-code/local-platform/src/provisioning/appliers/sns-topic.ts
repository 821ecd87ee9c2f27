import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { generatedName } from '../names.ts';

const deliveryProtocols = {
  application: 'Application',
  firehose: 'Firehose',
  http: 'HTTP',
  lambda: 'Lambda',
  sqs: 'SQS',
} as const;

// Delivery-status logging: per protocol, who logs (a role) and how much; moto keeps them as given.
const deliveryStatusAttributes = Object.entries(deliveryProtocols).flatMap(([argument, attribute]) => [
  [`${argument}_success_feedback_role_arn`, `${attribute}SuccessFeedbackRoleArn`],
  [`${argument}_success_feedback_sample_rate`, `${attribute}SuccessFeedbackSampleRate`],
  [`${argument}_failure_feedback_role_arn`, `${attribute}FailureFeedbackRoleArn`],
]);

// Terraform argument -> SNS topic attribute.
const attributeNames: readonly (readonly [string, string])[] = [
  ['display_name', 'DisplayName'],
  ['policy', 'Policy'],
  ['delivery_policy', 'DeliveryPolicy'],
  ['kms_master_key_id', 'KmsMasterKeyId'],
  ['content_based_deduplication', 'ContentBasedDeduplication'],
  ['signature_version', 'SignatureVersion'],
  ['tracing_config', 'TracingConfig'],
  ['archive_policy', 'ArchivePolicy'],
  ['fifo_throughput_scope', 'FifoThroughputScope'],
  ...(deliveryStatusAttributes as [string, string][]),
];

const topicAttributes = (config: ResourceConfig, fifo: boolean): Record<string, string> => {
  const attributes: Record<string, string> = fifo ? { FifoTopic: 'true' } : {};
  for (const [argument, attribute] of attributeNames) {
    const value = config.optionalString(argument);
    if (value !== undefined && value !== '') attributes[attribute] = value;
  }
  return attributes;
};

export const applySnsTopic: Applier = async (config, context) => {
  const fifo = config.boolean('fifo_topic', false);
  const given =
    config.optionalString('name') ?? generatedName(context.address, config.optionalString('name_prefix'));
  const name = fifo && !given.endsWith('.fifo') ? `${given}.fifo` : given;
  const tags = context.tagsOf(config);
  const { TopicArn = '' } = await awsClient(SNSClient).send(
    new CreateTopicCommand({
      Name: name,
      Attributes: topicAttributes(config, fifo),
      Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
    }),
  );
  return {
    ...config.values,
    name,
    id: TopicArn,
    arn: TopicArn,
    owner: context.environment.accountId,
    tags_all: tags,
  };
};
