import { describe, expect, it } from '@jest/globals';
import { deadLetterRecordV1 } from '@sec-an/contracts/dead-letter';
import { deadLetterAttributes } from '@sec-an/runtime/sqs-handler';
import type { SQSRecord } from 'aws-lambda';
import { archiveKey, deadLetterRecordOf } from './dead-letter-record.ts';

const text = (stringValue: string) => ({
  dataType: 'String',
  stringValue,
  stringListValues: [],
  binaryListValues: [],
});

const deadLetter = (overrides: Partial<SQSRecord>): SQSRecord => ({
  messageId: 'dead-1',
  receiptHandle: 'r',
  body: 'not json',
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1763719200000',
    SenderId: 's',
    ApproximateFirstReceiveTimestamp: '1763719200001',
  },
  messageAttributes: {},
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-2:123456789012:sec-an-dev-x-input-dlq',
  awsRegion: 'eu-west-2',
  ...overrides,
});

const archivedAt = new Date('2026-11-21T10:00:00.000Z');

describe('a dead letter as archived', () => {
  it('carries the error, source and receive count a handler left on it, apart from its own attributes', () => {
    const archived = deadLetterRecordOf(
      deadLetter({
        messageAttributes: {
          task: text('nmap-scanner'),
          [deadLetterAttributes.errorName]: text('ContractViolationError'),
          [deadLetterAttributes.errorMessage]: text('message body is not JSON'),
          [deadLetterAttributes.sourceQueueArn]: text(
            'arn:aws:sqs:eu-west-2:123456789012:sec-an-dev-x-input',
          ),
          [deadLetterAttributes.receiveCount]: { ...text('1'), dataType: 'Number' },
        },
      }),
      archivedAt,
    );
    expect(archived).toMatchObject({
      reason: 'handler-dead-lettered',
      error: { name: 'ContractViolationError', message: 'message body is not JSON' },
      sourceQueueArn: 'arn:aws:sqs:eu-west-2:123456789012:sec-an-dev-x-input',
      receiveCount: 1,
      body: 'not json',
      attributes: { task: { dataType: 'String', stringValue: 'nmap-scanner' } },
      sentAt: '2025-11-21T10:00:00.000Z',
      archivedAt: '2026-11-21T10:00:00.000Z',
    });
    expect(deadLetterRecordV1.schema.parse(archived)).toEqual(archived);
  });

  it('reads the combined attribute when the message had no room for four', () => {
    const archived = deadLetterRecordOf(
      deadLetter({
        messageAttributes: {
          [deadLetterAttributes.combined]: text(
            JSON.stringify({ errorName: 'E', errorMessage: 'm', sourceQueueArn: 'arn:q', receiveCount: 3 }),
          ),
        },
      }),
      archivedAt,
    );
    expect(archived).toMatchObject({
      error: { name: 'E', message: 'm' },
      sourceQueueArn: 'arn:q',
      receiveCount: 3,
    });
    expect(archived.attributes).toEqual({});
  });

  it('names the function and its error for a failed asynchronous invocation', () => {
    const body = JSON.stringify({
      version: '1.0',
      requestContext: {
        functionArn: 'arn:aws:lambda:eu-west-2:1:function:f',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      responsePayload: { errorType: 'Error', errorMessage: 'boom' },
    });
    expect(deadLetterRecordOf(deadLetter({ body }), archivedAt)).toMatchObject({
      reason: 'async-retries-exhausted',
      functionArn: 'arn:aws:lambda:eu-west-2:1:function:f',
      error: { name: 'Error', message: 'boom' },
      receiveCount: 3,
    });
  });

  it('says which stream records a stream mapping gave up on, as its record has no error', () => {
    const body = JSON.stringify({
      requestContext: {
        requestId: '316aa6d0-8154-4c2e-9af7-85d5f4a6bc81',
        functionArn: 'arn:aws:lambda:eu-west-2:1:function:sync',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 4,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-11-21T10:00:00.000Z',
      DDBStreamBatchInfo: {
        shardId: 'shardId-00000001573689847184-864758bb',
        startSequenceNumber: '800000000003126276362',
        endSequenceNumber: '800000000003126276362',
        approximateArrivalOfFirstRecord: '2026-11-21T09:59:00Z',
        approximateArrivalOfLastRecord: '2026-11-21T09:59:00Z',
        batchSize: 1,
        streamArn: 'arn:aws:dynamodb:eu-west-2:1:table/hosts/stream/2026-11-21T09:00:00.000',
      },
    });
    const archived = deadLetterRecordOf(deadLetter({ body }), archivedAt);
    expect(archived).toMatchObject({
      reason: 'stream-retries-exhausted',
      functionArn: 'arn:aws:lambda:eu-west-2:1:function:sync',
      error: {
        name: 'RetryAttemptsExhausted',
        message:
          '1 record(s) of arn:aws:dynamodb:eu-west-2:1:table/hosts/stream/2026-11-21T09:00:00.000, shard ' +
          'shardId-00000001573689847184-864758bb, sequence numbers 800000000003126276362 to 800000000003126276362',
      },
      receiveCount: 4,
      body,
    });
    expect(deadLetterRecordV1.schema.parse(archived)).toEqual(archived);
  });

  it('says the message was moved without a verdict, and infers its source from the queue name', () => {
    expect(deadLetterRecordOf(deadLetter({}), archivedAt)).toMatchObject({
      reason: 'max-receives-exceeded',
      error: null,
      sourceQueueArn: 'arn:aws:sqs:eu-west-2:123456789012:sec-an-dev-x-input',
    });
  });

  it('is filed by dead-letter queue and day', () => {
    expect(archiveKey(deadLetterRecordOf(deadLetter({}), archivedAt))).toBe(
      'dead-letters/sec-an-dev-x-input-dlq/2026/11/21/dead-1.json',
    );
  });
});
