import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import type { SendMessageCommandInput } from '@aws-sdk/client-sqs';
import { describe, expect, it, jest } from '@jest/globals';
import type { SQSEvent } from 'aws-lambda';
import { PermanentError, TransientError } from '../errors/index.ts';
import type { BatchHandler } from './batch-handler.ts';
import { deadLetterAttributes } from './dead-letter-message.ts';
import { metricsNamespace, sqsHandler } from './sqs-handler.ts';
import { lambdaContext, sqsRecord } from './test-fixtures.ts';

const dlq = 'https://sqs.eu-west-1.amazonaws.com/123456789012/dlq';

const event = (...bodies: string[]): SQSEvent => ({
  Records: bodies.map((body, i) => sqsRecord({ messageId: `m${i}`, body })),
});

const batchHandlerWith = (batchHandler: BatchHandler) => {
  const metrics = new Metrics({ namespace: metricsNamespace, serviceName: 'test' });
  jest.spyOn(metrics, 'publishStoredMetrics').mockImplementation(() => metrics);
  return sqsHandler({
    serviceName: 'test',
    batchHandler,
    redriveOf: async () => ({ deadLetterQueueUrl: dlq, maxReceiveCount: 5 }),
    logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
    metrics,
  });
};

describe('the SQS handler with a batch handler', () => {
  it('hands the whole batch over once and fails only the records it names', async () => {
    const batchHandler = jest.fn<BatchHandler>(async () => new Map([['m1', new TransientError('not yet')]]));
    const handler = batchHandlerWith(batchHandler);
    await expect(handler(event('a', 'b', 'c'), lambdaContext())).resolves.toEqual({
      batchItemFailures: [{ itemIdentifier: 'm1' }],
    });
    expect(batchHandler).toHaveBeenCalledTimes(1);
    expect(batchHandler.mock.calls[0]?.[0].map((record) => record.body)).toEqual(['a', 'b', 'c']);
  });

  it('fails every record with the error of a batch handler that throws', async () => {
    const handler = batchHandlerWith(async () => {
      throw new TransientError('everything is down');
    });
    await expect(handler(event('a', 'b'), lambdaContext())).rejects.toThrow('All records failed');
  });

  it('dead-letters part of a record with its error while the record succeeds', async () => {
    const sent: SendMessageCommandInput[] = [];
    const { SQSClient } = await import('@aws-sdk/client-sqs');
    jest.spyOn(SQSClient.prototype, 'send').mockImplementation(async (command: { input: object }) => {
      sent.push(command.input as SendMessageCommandInput);
      return {};
    });
    const handler = batchHandlerWith(async (records, tools) => {
      const [first] = records;
      if (first !== undefined)
        await tools.deadLetterPart(first, 'the bad part', new PermanentError('bad part'));
      return new Map();
    });
    await expect(handler(event('whole'), lambdaContext())).resolves.toEqual({ batchItemFailures: [] });
    expect(sent).toEqual([
      expect.objectContaining({
        QueueUrl: dlq,
        MessageBody: 'the bad part',
        MessageAttributes: expect.objectContaining({
          [deadLetterAttributes.errorMessage]: { DataType: 'String', StringValue: 'bad part' },
        }),
      }),
    ]);
  });
});
