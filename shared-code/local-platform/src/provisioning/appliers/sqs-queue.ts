import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  type QueueAttributeName,
  SetQueueAttributesCommand,
  SQSClient,
  TagQueueCommand,
} from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { generatedName } from '../names.ts';
import { redriveTargetOf } from './redrive-policy.ts';

const sqs = () => awsClient(SQSClient);

// Terraform argument -> SQS queue attribute.
const attributeNames: Readonly<Record<string, QueueAttributeName>> = {
  delay_seconds: 'DelaySeconds',
  max_message_size: 'MaximumMessageSize',
  message_retention_seconds: 'MessageRetentionPeriod',
  receive_wait_time_seconds: 'ReceiveMessageWaitTimeSeconds',
  visibility_timeout_seconds: 'VisibilityTimeout',
  redrive_policy: 'RedrivePolicy',
  redrive_allow_policy: 'RedriveAllowPolicy',
  policy: 'Policy',
  kms_master_key_id: 'KmsMasterKeyId',
  kms_data_key_reuse_period_seconds: 'KmsDataKeyReusePeriodSeconds',
  sqs_managed_sse_enabled: 'SqsManagedSseEnabled',
  content_based_deduplication: 'ContentBasedDeduplication',
  deduplication_scope: 'DeduplicationScope',
  fifo_throughput_limit: 'FifoThroughputLimit',
};

const queueAttributes = (config: ResourceConfig): Record<string, string> => {
  const attributes: Record<string, string> = {};
  for (const [argument, attribute] of Object.entries(attributeNames)) {
    const value = config.optionalString(argument);
    if (value !== undefined && value !== '') attributes[attribute] = value;
  }
  return attributes;
};

const queueName = (config: ResourceConfig, address: string, fifo: boolean): string => {
  const name = config.optionalString('name') ?? generatedName(address, config.optionalString('name_prefix'));
  return fifo && !name.endsWith('.fifo') ? `${name}.fifo` : name;
};

/** A queue that exists already (a second `up` against the same moto) gets the stack's attributes and tags. */
const updateExisting = async (
  name: string,
  attributes: Record<string, string>,
  tags: Record<string, string>,
): Promise<string> => {
  const { QueueUrl = '' } = await sqs().send(new GetQueueUrlCommand({ QueueName: name }));
  const { FifoQueue: _immutable, ...changeable } = attributes;
  await sqs().send(new SetQueueAttributesCommand({ QueueUrl, Attributes: changeable }));
  await sqs().send(new TagQueueCommand({ QueueUrl, Tags: tags }));
  return QueueUrl;
};

// The error's name differs between SQS's JSON protocol and its older query protocol.
const alreadyExists = new Set(['QueueNameExists', 'QueueAlreadyExists']);

const createQueue = async (
  name: string,
  attributes: Record<string, string>,
  tags: Record<string, string>,
): Promise<string> => {
  try {
    const { QueueUrl = '' } = await sqs().send(
      new CreateQueueCommand({ QueueName: name, Attributes: attributes, tags }),
    );
    return QueueUrl;
  } catch (error) {
    if (!alreadyExists.has((error as Error).name)) throw error;
    return updateExisting(name, attributes, tags);
  }
};

export const applySqsQueue: Applier = async (config, context) => {
  const fifo = config.boolean('fifo_queue', false);
  const name = queueName(config, context.address, fifo);
  const attributes = { ...queueAttributes(config), ...(fifo ? { FifoQueue: 'true' } : {}) };
  const tags = context.tagsOf(config);
  const url = await createQueue(name, attributes, tags);
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
  );
  const arn = Attributes?.QueueArn ?? '';
  const redriveTarget = redriveTargetOf(config.optionalString('redrive_policy'), context.address);
  context.deployment.queues.push({
    address: context.address,
    project: context.project,
    queueName: name,
    queueUrl: url,
    queueArn: arn,
    ...redriveTarget,
  });
  return { ...config.values, name, id: url, url, arn, tags_all: tags };
};
