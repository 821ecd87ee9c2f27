import { describe, expect, it } from '@jest/globals';
import { ContractViolationError } from '@sec-an/contracts/contract';
import type { SQSMessageAttributes } from 'aws-lambda';
import { deadLetterAttributes, deadLetterMessage, maxErrorMessageLength } from './dead-letter-message.ts';
import { sqsRecord } from './test-fixtures.ts';

const dlq = 'https://sqs.eu-west-1.amazonaws.com/123456789012/scan-requests-dlq';

const attributes = (count: number): SQSMessageAttributes =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`a${i}`, { dataType: 'String', stringValue: `v${i}` }]),
  );

describe('the dead-letter message', () => {
  it('keeps the original body and attributes and says why it failed', () => {
    const record = sqsRecord({
      body: 'not json',
      attributes: { ...sqsRecord().attributes, ApproximateReceiveCount: '3' },
      messageAttributes: {
        task: { dataType: 'String', stringValue: 'nmap-scanner', stringListValues: [], binaryListValues: [] },
        'contract-version': { dataType: 'Number', stringValue: '1' },
        blob: { dataType: 'Binary', binaryValue: Buffer.from([1, 2, 3]).toString('base64') },
      },
    });
    const message = deadLetterMessage(record, new ContractViolationError('message body is not JSON'), dlq);
    expect(message).toEqual({
      QueueUrl: dlq,
      MessageBody: 'not json',
      MessageAttributes: {
        task: { DataType: 'String', StringValue: 'nmap-scanner' },
        'contract-version': { DataType: 'Number', StringValue: '1' },
        blob: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 3]) },
        [deadLetterAttributes.errorName]: { DataType: 'String', StringValue: 'ContractViolationError' },
        [deadLetterAttributes.errorMessage]: { DataType: 'String', StringValue: 'message body is not JSON' },
        [deadLetterAttributes.sourceQueueArn]: {
          DataType: 'String',
          StringValue: 'arn:aws:sqs:eu-west-1:123456789012:scan-requests',
        },
        [deadLetterAttributes.receiveCount]: { DataType: 'Number', StringValue: '3' },
      },
    });
  });

  it('truncates a long error message', () => {
    const message = deadLetterMessage(sqsRecord(), new Error('x'.repeat(5000)), dlq);
    const text = message.MessageAttributes?.[deadLetterAttributes.errorMessage]?.StringValue ?? '';
    expect(text).toHaveLength(maxErrorMessageLength);
    expect(text.endsWith('…')).toBe(true);
  });

  it('never sends an empty attribute value, which SQS refuses', () => {
    const message = deadLetterMessage(sqsRecord(), new Error(''), dlq);
    expect(message.MessageAttributes?.[deadLetterAttributes.errorMessage]?.StringValue).toBe('(none)');
  });

  it('describes the failure in one attribute when the record leaves no room for four', () => {
    const message = deadLetterMessage(
      sqsRecord({ messageAttributes: attributes(7) }),
      new ContractViolationError('bad'),
      dlq,
    );
    expect(Object.keys(message.MessageAttributes ?? {})).toHaveLength(8);
    expect(JSON.parse(message.MessageAttributes?.[deadLetterAttributes.combined]?.StringValue ?? '')).toEqual(
      {
        errorName: 'ContractViolationError',
        errorMessage: 'bad',
        sourceQueueArn: 'arn:aws:sqs:eu-west-1:123456789012:scan-requests',
        receiveCount: 1,
      },
    );
  });

  it('keeps all of the record attributes when they leave no room at all', () => {
    const message = deadLetterMessage(
      sqsRecord({ messageAttributes: attributes(10) }),
      new Error('bad'),
      dlq,
    );
    expect(Object.keys(message.MessageAttributes ?? {})).toEqual(Object.keys(attributes(10)));
  });
});
