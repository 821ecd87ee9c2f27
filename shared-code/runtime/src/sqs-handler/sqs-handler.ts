import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { SendMessageCommand, type SendMessageCommandInput, SQSClient } from '@aws-sdk/client-sqs';
import middy, { type MiddyfiedHandler } from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { awsClient } from '../aws-clients/index.ts';
import { type BatchHandler, deadLetterPartWith, verdictsOf } from './batch-handler.ts';
import { deferralSecondsFromEnvironment } from './deferral.ts';
import { processRecord, type RecordHandler, type RecordOutcome } from './process-record.ts';
import { queueUrlOf } from './queue-url.ts';
import { queueRedrive, type RedriveLookup } from './redrive-policy.ts';

export const metricsNamespace = 'sec-an';

export const recordMetrics = {
  succeeded: 'RecordsSucceeded',
  failed: 'RecordsFailed',
  deadLettered: 'RecordsDeadLettered',
  deferred: 'RecordsDeferred',
} as const;

interface CommonOptions {
  /** The `service` of every log line and metric dimension. */
  readonly serviceName: string;
  /** How a record's source queue's dead-letter queue is found. Default: read from the queue's redrive policy. */
  readonly redriveOf?: RedriveLookup;
  /** Seconds a record waits when a dependency is unavailable. Default: SEC_AN_DEFERRAL_SECONDS, else 60. */
  readonly deferralSeconds?: number;
  readonly logger?: Logger;
  readonly metrics?: Metrics;
}

/** Records are handled one by one (`recordHandler`), or the whole batch at once (`batchHandler`). */
export type SqsHandlerOptions = CommonOptions &
  (
    | { readonly recordHandler: RecordHandler; readonly batchHandler?: never }
    | { readonly batchHandler: BatchHandler; readonly recordHandler?: never }
  );

export type SqsLambdaHandler = MiddyfiedHandler<SQSEvent, SQSBatchResponse, Error, Context>;

const sendMessage = (input: SendMessageCommandInput) =>
  awsClient(SQSClient).send(new SendMessageCommand(input));

type OutcomeCounts = Record<Exclude<RecordOutcome, 'succeeded'>, number>;

const publishCounts = (metrics: Metrics, processor: BatchProcessor, counts: OutcomeCounts): void => {
  metrics.addMetric(
    recordMetrics.succeeded,
    MetricUnit.Count,
    processor.successMessages.length - counts['dead-lettered'] - counts.deferred,
  );
  metrics.addMetric(recordMetrics.failed, MetricUnit.Count, processor.failureMessages.length);
  metrics.addMetric(recordMetrics.deadLettered, MetricUnit.Count, counts['dead-lettered']);
  metrics.addMetric(recordMetrics.deferred, MetricUnit.Count, counts.deferred);
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
  const deferralSeconds = options.deferralSeconds ?? deferralSecondsFromEnvironment();
  const deadLetterPart = deadLetterPartWith({ redriveOf, sendMessage });

  const recordHandlerFor = (event: SQSEvent, context: Context): Promise<RecordHandler> =>
    options.batchHandler === undefined
      ? Promise.resolve(options.recordHandler)
      : verdictsOf(event.Records, options.batchHandler, { logger, context, deadLetterPart });

  const handler = async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    // One processor per invocation: it holds the batch's state, and the local platform may run several
    // invocations of one handler at once.
    const processor = new BatchProcessor(EventType.SQS);
    const counts: OutcomeCounts = { 'dead-lettered': 0, deferred: 0 };
    const recordHandler = await recordHandlerFor(event, context);
    const handleRecord = async (record: SQSRecord): Promise<RecordOutcome> => {
      const outcome = await processRecord(record, {
        recordHandler,
        logger,
        context,
        redriveOf,
        sendMessage,
        queueUrlOf,
        deferralSeconds,
      });
      if (outcome !== 'succeeded') counts[outcome] += 1;
      return outcome;
    };
    try {
      // When every record failed, the processor throws rather than listing them all: the invocation then
      // counts as an error, which alarms and makes the event source mapping back off from a dependency that is down.
      return await processPartialResponse(event, handleRecord, processor, { context });
    } finally {
      publishCounts(metrics, processor, counts);
    }
  };

  return middy<SQSEvent, SQSBatchResponse, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .handler(handler);
};
