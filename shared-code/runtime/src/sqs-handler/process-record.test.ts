import { Logger } from '@aws-lambda-powertools/logger';
import type { SendMessageCommandInput } from '@aws-sdk/client-sqs';
import { describe, expect, it, jest } from '@jest/globals';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { DependencyUnavailableError, TransientError } from '../errors/index.ts';
import { deadLetterAttributes } from './dead-letter-message.ts';
import { type ProcessRecordOptions, processRecord, type RecordHandler } from './process-record.ts';
import { lambdaContext, sqsRecord } from './test-fixtures.ts';

const dlq = 'https://sqs.eu-west-1.amazonaws.com/123456789012/dlq';
const source = 'https://sqs.eu-west-1.amazonaws.com/123456789012/scan-requests';

const options = (
  recordHandler: RecordHandler,
  overrides: Partial<ProcessRecordOptions> = {},
): ProcessRecordOptions & { sent: SendMessageCommandInput[] } => {
  const sent: SendMessageCommandInput[] = [];
  return {
    recordHandler,
    logger: new Logger({ serviceName: 'test', logLevel: 'SILENT' }),
    context: lambdaContext(),
    redriveOf: async () => ({ deadLetterQueueUrl: dlq, maxReceiveCount: 5 }),
    sendMessage: async (input) => {
      sent.push(input);
    },
    queueUrlOf: async () => source,
    deferralSeconds: 45,
    sent,
    ...overrides,
  };
};

describe('processing one record', () => {
  it("hands the record and a logger carrying the record's message id to the record handler", async () => {
    const record = sqsRecord();
    let attributes: unknown;
    const recordHandler = jest.fn<RecordHandler>(async (_, { logger }) => {
      attributes = logger.getPersistentLogAttributes();
    });
    await expect(processRecord(record, options(recordHandler))).resolves.toBe('succeeded');
    expect(recordHandler).toHaveBeenCalledWith(record, expect.anything());
    expect(attributes).toMatchObject({ messageId: record.messageId });
  });

  it('rethrows a transient failure so SQS retries the record', async () => {
    const error = new TransientError('throttled');
    const run = options(async () => {
      throw error;
    });
    await expect(processRecord(sqsRecord(), run)).rejects.toBe(error);
    expect(run.sent).toEqual([]);
  });

  it('sends a permanent failure to the dead-letter queue and reports it handled', async () => {
    const run = options(async () => {
      throw new ContractViolationError('bad');
    });
    await expect(processRecord(sqsRecord({ body: 'x' }), run)).resolves.toBe('dead-lettered');
    expect(run.sent).toHaveLength(1);
    expect(run.sent[0]).toMatchObject({
      QueueUrl: dlq,
      MessageBody: 'x',
      MessageAttributes: { [deadLetterAttributes.errorName]: { StringValue: 'ContractViolationError' } },
    });
  });

  it('reports a permanent failure failed when its queue has no dead-letter queue', async () => {
    const error = new ContractViolationError('bad');
    const run = options(
      async () => {
        throw error;
      },
      { redriveOf: async () => undefined },
    );
    await expect(processRecord(sqsRecord(), run)).rejects.toBe(error);
    expect(run.sent).toEqual([]);
  });

  it('reports a permanent failure failed when the dead-letter queue cannot be reached', async () => {
    const error = new ContractViolationError('bad');
    const run = options(
      async () => {
        throw error;
      },
      {
        sendMessage: async () => {
          throw new Error('connection refused');
        },
      },
    );
    await expect(processRecord(sqsRecord(), run)).rejects.toBe(error);
  });

  it('dead-letters a transient failure on the last permitted receive, with its error', async () => {
    const run = options(async () => {
      throw new TransientError('still down');
    });
    const lastReceive = sqsRecord({ body: 'x' });
    const record = {
      ...lastReceive,
      attributes: { ...lastReceive.attributes, ApproximateReceiveCount: '5' },
    };
    await expect(processRecord(record, run)).resolves.toBe('dead-lettered');
    expect(run.sent[0]).toMatchObject({
      QueueUrl: dlq,
      MessageAttributes: { [deadLetterAttributes.errorMessage]: { StringValue: 'still down' } },
    });
  });

  it('leaves a failure to SQS when the redrive policy cannot be read', async () => {
    const error = new ContractViolationError('bad');
    const run = options(
      async () => {
        throw error;
      },
      {
        redriveOf: async () => {
          throw new Error('access denied');
        },
      },
    );
    await expect(processRecord(sqsRecord(), run)).rejects.toBe(error);
    expect(run.sent).toEqual([]);
  });

  it('puts a record whose dependency is unavailable back on its own queue with a delay, even on its last receive', async () => {
    const run = options(async () => {
      throw new DependencyUnavailableError('the analytics store does not answer');
    });
    const record = sqsRecord({
      body: 'x',
      messageAttributes: { task: { dataType: 'String', stringValue: 'nmap-scanner' } } as never,
      attributes: { ...sqsRecord().attributes, ApproximateReceiveCount: '5' },
    });
    await expect(processRecord(record, run)).resolves.toBe('deferred');
    expect(run.sent).toEqual([
      {
        QueueUrl: source,
        MessageBody: 'x',
        MessageAttributes: { task: { DataType: 'String', StringValue: 'nmap-scanner' } },
        DelaySeconds: 45,
      },
    ]);
  });

  it('leaves a record to SQS when it cannot be deferred', async () => {
    const error = new DependencyUnavailableError('down');
    const run = options(
      async () => {
        throw error;
      },
      {
        sendMessage: async () => {
          throw new Error('SQS refused');
        },
      },
    );
    await expect(processRecord(sqsRecord(), run)).rejects.toBe(error);
  });
});
