import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { Applier } from '../applier.ts';
import { functionArnOf, functionNameOf, generatedName, queueOfArn } from '../names.ts';

// Lambda's defaults for SQS sources.
const defaultBatchSize = 10;

const uuidOf = (address: string): string => {
  const hex = generatedName(address, '').padEnd(32, '0');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join(
    '-',
  );
};

/**
 * Recorded for the compute step, which polls the queue itself. Never created in moto: moto's own mapping
 * receives and deletes messages as they arrive, which would bypass visibility, partial failures and redrive.
 */
export const applyLambdaEventSourceMapping: Applier = async (config, context) => {
  const sourceArn = config.string('event_source_arn');
  const queue = queueOfArn(sourceArn);
  if (queue === undefined) return context.notApplied(`event source ${sourceArn} is not an SQS queue`);
  const { QueueUrl = '' } = await awsClient(SQSClient).send(
    new GetQueueUrlCommand({ QueueName: queue.name, QueueOwnerAWSAccountId: queue.accountId }),
  );
  const functionName = functionNameOf(config.string('function_name'));
  const maximumConcurrency = config.block('scaling_config')?.optionalNumber('maximum_concurrency');
  const enabled = config.boolean('enabled', true);
  context.deployment.eventSourceMappings.push({
    address: context.address,
    functionName,
    queueArn: sourceArn,
    queueUrl: QueueUrl,
    batchSize: config.number('batch_size', defaultBatchSize),
    maximumBatchingWindowSeconds: config.number('maximum_batching_window_in_seconds', 0),
    reportBatchItemFailures: config.stringList('function_response_types').includes('ReportBatchItemFailures'),
    ...(maximumConcurrency === undefined ? {} : { maximumConcurrency }),
    enabled,
  });
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
