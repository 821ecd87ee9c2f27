import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { metricsNamespace } from '@sec-an/runtime/sqs-handler';
import { type IngestSummary, ingestDns } from '../dns-inventory/index.ts';

const serviceName = 'dns-ingest';
const logger = new Logger({ serviceName });
const metrics = new Metrics({ namespace: metricsNamespace, serviceName });

type IngestResult = Omit<IngestSummary, 'warnings'> & { readonly warnings: number };

/**
 * Run on a schedule (and on demand): reads every hosted zone, resolves its hosts and records what changed. Its
 * result is the ingest's summary; a failure fails the invocation, after the ingest row says why.
 */
const ingest = async (): Promise<IngestResult> => {
  try {
    const summary = await ingestDns({
      onWarning: (warning) => logger.warn(warning.message, { code: warning.code }),
    });
    const result = { ...summary, warnings: summary.warnings.length };
    logger.info('dns ingest complete', { ...result });
    metrics.addMetric('DnsHosts', MetricUnit.Count, summary.hosts);
    metrics.addMetric('DnsAddresses', MetricUnit.Count, summary.addresses);
    metrics.addMetric('DnsHistoryRows', MetricUnit.Count, summary.historyRows);
    metrics.addMetric('DnsIngestWarnings', MetricUnit.Count, summary.warnings.length);
    return result;
  } catch (error) {
    logger.error('dns ingest failed', { error: error as Error });
    throw error;
  }
};

export const handler = middy<unknown, IngestResult>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .handler(ingest);
