import { FullBatchFailureError } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { describe, expect, it, jest } from '@jest/globals';
import type { SQSEvent } from 'aws-lambda';
import { TransientError } from '../errors/index.ts';
import type { RecordHandler } from './process-record.ts';
import { metricsNamespace, recordMetrics, sqsHandler } from './sqs-handler.ts';
import { lambdaContext, sqsRecord } from './test-fixtures.ts';

const event = (...bodies: string[]): SQSEvent => ({
  Records: bodies.map((body, i) => sqsRecord({ messageId: `m${i}`, body })),
});

const quietHandler = (recordHandler: RecordHandler) => {
  const metrics = new Metrics({ namespace: metricsNamespace, serviceName: 'test' });
  jest.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
  const addMetric = jest.spyOn(metrics, 'addMetric');
  const handler = sqsHandler({
    serviceName: 'test',
    recordHandler,
    redriveOf: async () => undefined,
    logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
    metrics,
  });
  return { handler, addMetric };
};

const failOn =
  (failing: string): RecordHandler =>
  async (record) => {
    if (record.body === failing) throw new TransientError(`cannot handle ${failing}`);
  };

describe('the SQS handler', () => {
  it('reports only the failed record of a batch', async () => {
    const { handler, addMetric } = quietHandler(failOn('b'));
    await expect(handler(event('a', 'b', 'c'), lambdaContext())).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: 'm1' }],
    });
    expect(addMetric).toHaveBeenCalledWith(recordMetrics.succeeded, MetricUnit.Count, 2);
    expect(addMetric).toHaveBeenCalledWith(recordMetrics.failed, MetricUnit.Count, 1);
    expect(addMetric).toHaveBeenCalledWith(recordMetrics.deadLettered, MetricUnit.Count, 0);
  });

  it('succeeds a batch whose records all succeed', async () => {
    const { handler } = quietHandler(failOn('z'));
    await expect(handler(event('a', 'b'), lambdaContext())).resolves.toEqual({ batchItemFailures: [] });
  });

  it('fails the invocation when every record failed, and still counts them', async () => {
    const { handler, addMetric } = quietHandler(failOn('a'));
    await expect(handler(event('a', 'a'), lambdaContext())).rejects.toBeInstanceOf(FullBatchFailureError);
    expect(addMetric).toHaveBeenCalledWith(recordMetrics.failed, MetricUnit.Count, 2);
  });
});
