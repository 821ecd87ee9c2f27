import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { DeployedStreamMapping } from '../../deployment/index.ts';
import type { Applier, ApplyContext } from '../applier.ts';
import type { ResourceConfig } from '../config.ts';
import { functionArnOf, functionNameOf, generatedName, queueOfArn } from '../names.ts';

// Lambda's defaults for SQS and for DynamoDB stream sources.
const defaultBatchSize = 10;
const defaultStreamBatchSize = 100;

/** A DynamoDB stream's ARN: `arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>`. */
const isDynamodbStream = (arn: string): boolean =>
  /^arn:[^:]+:dynamodb:[^:]*:[^:]*:table\/[^/]+\/stream\//.test(arn);

const uuidOf = (address: string): string => {
  const hex = generatedName(address, '').padEnd(32, '0');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
    '-',
  );
};

const reportsBatchItemFailures = (config: ResourceConfig): boolean =>
  config.stringList('function_response_types').includes('ReportBatchItemFailures');

const recordQueueMapping = async (
  config: ResourceConfig,
  context: ApplyContext,
  queue: { readonly name: string; readonly accountId: string },
): Promise<void> => {
  const { QueueUrl = '' } = await awsClient(SQSClient).send(
    new GetQueueUrlCommand({ QueueName: queue.name, QueueOwnerAWSAccountId: queue.accountId }),
  );
  const maximumConcurrency = config.block('scaling_config')?.optionalNumber('maximum_concurrency');
  context.deployment.eventSourceMappings.push({
    address: context.address,
    functionName: functionNameOf(config.string('function_name')),
    queueArn: config.string('event_source_arn'),
    queueUrl: QueueUrl,
    batchSize: config.number('batch_size', defaultBatchSize),
    maximumBatchingWindowSeconds: config.number('maximum_batching_window_in_seconds', 0),
    reportBatchItemFailures: reportsBatchItemFailures(config),
    ...(maximumConcurrency === undefined ? {} : { maximumConcurrency }),
    enabled: config.boolean('enabled', true),
  });
};

const startingPositionOf = (config: ResourceConfig): DeployedStreamMapping['startingPosition'] => {
  const position = config.string('starting_position');
  if (position !== 'TRIM_HORIZON' && position !== 'LATEST') {
    throw new Error(
      `starting_position ${position} is not one a DynamoDB stream takes (TRIM_HORIZON, LATEST)`,
    );
  }
  return position;
};

const recordStreamMapping = (config: ResourceConfig, context: ApplyContext): void => {
  const onFailure = config
    .block('destination_config')
    ?.block('on_failure')
    ?.optionalString('destination_arn');
  context.deployment.streamMappings.push({
    address: context.address,
    functionName: functionNameOf(config.string('function_name')),
    streamArn: config.string('event_source_arn'),
    startingPosition: startingPositionOf(config),
    batchSize: config.number('batch_size', defaultStreamBatchSize),
    maximumBatchingWindowSeconds: config.number('maximum_batching_window_in_seconds', 0),
    bisectBatchOnFunctionError: config.boolean('bisect_batch_on_function_error', false),
    maximumRetryAttempts: config.number('maximum_retry_attempts', -1),
    maximumRecordAgeSeconds: config.number('maximum_record_age_in_seconds', -1),
    reportBatchItemFailures: reportsBatchItemFailures(config),
    ...(onFailure === undefined ? {} : { onFailureDestinationArn: onFailure }),
    enabled: config.boolean('enabled', true),
  });
};

/**
 * Recorded for the compute step, which polls the queue or the DynamoDB stream itself. Never created in moto:
 * moto's own mappings deliver records as they arrive, which would bypass visibility, partial failures, redrive,
 * retries, bisection and on-failure destinations.
 */
export const applyLambdaEventSourceMapping: Applier = async (config, context) => {
  const sourceArn = config.string('event_source_arn');
  const queue = queueOfArn(sourceArn);
  if (queue !== undefined) await recordQueueMapping(config, context, queue);
  else if (isDynamodbStream(sourceArn)) recordStreamMapping(config, context);
  else return context.notApplied(`event source ${sourceArn} is neither an SQS queue nor a DynamoDB stream`);
  const functionName = functionNameOf(config.string('function_name'));
  const enabled = config.boolean('enabled', true);
  const uuid = uuidOf(context.address);
  const { partition, region, accountId } = context.environment;
  return {
    ...config.values,
    id: uuid,
    uuid,
    arn: `arn:${partition}:lambda:${region}:${accountId}:event-source-mapping:${uuid}`,
    function_arn: functionArnOf(context.environment, functionName),
    state: enabled ? 'Enabled' : 'Disabled',
  };
};
