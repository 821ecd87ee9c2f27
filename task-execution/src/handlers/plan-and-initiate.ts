import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { metricsNamespace } from '@sec-an/runtime/sqs-handler';
import type { Context, ScheduledEvent } from 'aws-lambda';
import {
  initiatorSettingsFromEnvironment,
  planAndInitiate,
  type RunReport,
  runFailure,
} from '../initiator/index.ts';

const logger = new Logger({ serviceName: 'plan-and-initiate' });
const metrics = new Metrics({ namespace: metricsNamespace, serviceName: 'plan-and-initiate' });

const total = (
  report: RunReport,
  count: (bucket: RunReport['initiations'][number]['buckets'][number]) => number,
) =>
  report.initiations.reduce((sum, { buckets }) => sum + buckets.reduce((inner, b) => inner + count(b), 0), 0);

const record = (report: RunReport): void => {
  for (const { planId, buckets, initiatedThrough } of report.initiations) {
    for (const { bucket, sent, outOfScope, retryable, permanent } of buckets) {
      logger.info('bucket initiated', {
        bucket,
        sent,
        outOfScope: outOfScope.map(({ scan, reason }) => ({ address: scan.address, reason })),
        retryable,
        permanent,
      });
    }
    logger.info('plan initiated', { planId, buckets: buckets.length, initiatedThrough });
  }
  if (report.planSwitch !== undefined) logger.info('plan switched', { ...report.planSwitch });
  metrics.addMetric(
    'ScansQueued',
    MetricUnit.Count,
    total(report, (b) => b.sent),
  );
  metrics.addMetric(
    'ScansOutOfScope',
    MetricUnit.Count,
    total(report, (b) => b.outOfScope.length),
  );
  metrics.addMetric(
    'ScansNotSent',
    MetricUnit.Count,
    total(report, (b) => b.retryable.length + b.permanent.length),
  );
};

/**
 * Runs once per bucket, on the bucket boundaries: sends the due buckets of the followed plan to the delay queue,
 * plans again when an ingest is newer or the period is ending, and fails (so that the failure is seen) when a
 * due scan was not queued.
 */
const run = async (): Promise<void> => {
  const report = await planAndInitiate(initiatorSettingsFromEnvironment());
  record(report);
  const failure = runFailure(report);
  if (failure !== undefined) throw failure;
};

export const handler = middy<ScheduledEvent, void, Error, Context>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .handler(run);
