import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SendMessageCommand, type SendMessageCommandInput, SQSClient } from '@aws-sdk/client-sqs';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { awsClient } from '../aws-clients/index.ts';
import { processRecord, type RecordHandler, type RecordOutcome } from './process-record.ts';
import { queueRedrive, type RedriveLookup } from './redrive-policy.ts';

export const metricsNamespace = 'sec-an';

export const recordMetrics = {
  succeeded: 'RecordsSucceeded',
  failed: 'RecordsFailed',
  deadLettered: 'RecordsDeadLettered',
} as const;

export interface SqsHandlerOptions {
  /** The `service` of every log line and metric dimension. */
  readonly serviceName: string;
  readonly recordHandler: RecordHandler;
  /** How a record's source queue's dead-letter queue is found. Default: read from the queue's redrive policy. */
  readonly redriveOf?: RedriveLookup;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
}

export type SqsLambdaHandler = MiddyfiedHandler<SQSEvent, SQSBatchResponse, Error, Context>;

const sendMessage = (input: SendMessageCommandInput) =>
  awsClient(SQSClient).send(new SendMessageCommand(input));

const publishCounts = (metrics: Metrics, processor: BatchProcessor, deadLettered: number): void => {
  metrics.addMetric(
    recordMetrics.succeeded,
    MetricUnit.Count,
    processor.successMessages.length - deadLettered,
  );
  metrics.addMetric(recordMetrics.failed, MetricUnit.Count, processor.failureMessages.length);
  metrics.addMetric(recordMetrics.deadLettered, MetricUnit.Count, deadLettered);
};

/**
 * The handler of every SQS-triggered function: records are processed in parallel and reported one by one
 * (ReportBatchItemFailures), so one bad record does not send its batch back. Permanent failures, and
 * failures on the last permitted receive, go to the dead-letter queue with their error.
 */
export const sqsHandler = (options: SqsHandlerOptions): SqsLambdaHandler => {
  const logger = options.logger ?? new Logger({ serviceName: options.serviceName });
  const metrics =
    options.metrics ?? new Metrics({ namespace: metricsNamespace, serviceName: options.serviceName });
  const redriveOf = options.redriveOf ?? queueRedrive;

  const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    // One processor per invocation: it holds the batch's state, and the local platform may run several
    // invocations of one handler at once.
    const processor = new BatchProcessor(EventType.SQS);
    let deadLettered = 0;
    const handleRecord = async (record: SQSRecord): Promise<RecordOutcome> => {
      const outcome = await processRecord(record, {
        recordHandler: options.recordHandler,
        logger,
        context,
        redriveOf,
        sendMessage,
      });
      if (outcome === 'dead-lettered') deadLettered += 1;
      return outcome;
    };
    try {
      // When every record failed, the processor throws rather than listing them all: the invocation then
      // counts as an error, which alarms and makes the event source mapping back off from a dependency that is down.
      return await processPartialResponse(event, handleRecord, processor, { context });
    } finally {
      publishCounts(metrics, processor, deadLettered);
    }
  };

  return middy<SQSEvent, SQSBatchResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(handler);
};
