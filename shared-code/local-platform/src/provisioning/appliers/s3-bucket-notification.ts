import {
  type Event,
  type FilterRule,
  PutBucketNotificationConfigurationCommand,
  type QueueConfiguration,
  S3Client,
  type TopicConfiguration,
} from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier, ApplyContext } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { functionNameOf } from '../names.ts';

const filterOf = (target: ResourceConfig): { Filter?: { Key: { FilterRules: FilterRule[] } } } => {
  const rules: FilterRule[] = [];
  const prefix = target.optionalString('filter_prefix');
  const suffix = target.optionalString('filter_suffix');
  if (prefix !== undefined && prefix !== '') rules.push({ Name: 'prefix', Value: prefix });
  if (suffix !== undefined && suffix !== '') rules.push({ Name: 'suffix', Value: suffix });
  return rules.length === 0 ? {} : { Filter: { Key: { FilterRules: rules } } };
};

const commonOf = (target: ResourceConfig) => {
  const id = target.optionalString('id');
  return {
    Events: target.stringList('events') as Event[],
    ...filterOf(target),
    ...(id === undefined ? {} : { Id: id }),
  };
};

const queueConfiguration = (target: ResourceConfig): QueueConfiguration => ({
  QueueArn: target.string('queue_arn'),
  ...commonOf(target),
});

const topicConfiguration = (target: ResourceConfig): TopicConfiguration => ({
  TopicArn: target.string('topic_arn'),
  ...commonOf(target),
});

/** moto would invoke functions inside itself; the compute step runs them instead. */
const recordFunctionTarget = (bucketName: string, target: ResourceConfig, context: ApplyContext): void => {
  const filterPrefix = target.optionalString('filter_prefix');
  const filterSuffix = target.optionalString('filter_suffix');
  context.deployment.bucketNotifications.push({
    address: context.address,
    bucketName,
    functionName: functionNameOf(target.string('lambda_function_arn')),
    events: target.stringList('events'),
    ...(filterPrefix === undefined || filterPrefix === '' ? {} : { filterPrefix }),
    ...(filterSuffix === undefined || filterSuffix === '' ? {} : { filterSuffix }),
  });
};

export const applyS3BucketNotification: Applier = async (config, context) => {
  const bucket = config.string('bucket');
  await awsClient(S3Client).send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucket,
      NotificationConfiguration: {
        QueueConfigurations: config.blocks('queue').map(queueConfiguration),
        TopicConfigurations: config.blocks('topic').map(topicConfiguration),
        ...(config.boolean('eventbridge', false) ? { EventBridgeConfiguration: {} } : {}),
      },
    }),
  );
  for (const target of config.blocks('lambda_function')) recordFunctionTarget(bucket, target, context);
  return { ...config.values, id: bucket };
};
