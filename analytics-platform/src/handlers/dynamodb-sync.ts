import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { isRetryable } from '@sec-an/runtime/errors';
import { readParameter } from '@sec-an/runtime/parameters';
import { metricsNamespace } from '@sec-an/runtime/sqs-handler';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ingestQueueUrlParameter } from '../dynamodb-sync/ingest-queue.ts';
import { sqsSendBatch } from '../dynamodb-sync/sqs-send-batch.ts';
import { syncRecords } from '../dynamodb-sync/sync-records.ts';
import { type SyncSettings, syncSettingsFromEnvironment } from '../dynamodb-sync/sync-settings.ts';

const logger = new Logger({ serviceName: 'dynamodb-sync' });
const metrics = new Metrics({ namespace: metricsNamespace, serviceName: 'dynamodb-sync' });
let settings: SyncSettings | undefined;

/**
 * Sends each record of a DynamoDB stream batch to the ingest queue as one result of its item, and names the
 * records that failed, so the mapping retries from the first of them and, once its retries are spent, hands it
 * to the on-failure destination instead of holding the shard.
 */
const syncBatch = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  settings ??= syncSettingsFromEnvironment();
  const queueUrl = await readParameter(ingestQueueUrlParameter);
  const { sent, failures } = await syncRecords(event.Records, settings, sqsSendBatch(queueUrl));
  for (const { sequenceNumber, eventID, error } of failures) {
    logger.error('stream record not synced', {
      sequenceNumber,
      eventID,
      retryable: isRetryable(error),
      error: { name: error.name, message: error.message },
    });
  }
  metrics.addMetric('RecordsSynced', MetricUnit.Count, sent);
  metrics.addMetric('RecordsFailed', MetricUnit.Count, failures.length);
  return { batchItemFailures: failures.map(({ sequenceNumber }) => ({ itemIdentifier: sequenceNumber })) };
};

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .handler(syncBatch);
