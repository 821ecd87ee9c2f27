import type { Message } from '@aws-sdk/client-sqs';
import { describe, expect, it } from '@jest/globals';
import { toSqsEvent, toSqsRecord } from './sqs-record.ts';

const arn = 'arn:aws:sqs:eu-west-1:123456789012:scan-requests';

const message: Message = {
  MessageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
  ReceiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
  Body: '{"hello":"world"}',
  MD5OfBody: '49dfdd54b01cbcd2d2ab5e9e5ee6b9b9',
  MD5OfMessageAttributes: 'e4d3cfd4ba0b4e6c6b7b3b5f4f0b9a3a',
  Attributes: {
    ApproximateReceiveCount: '2',
    SentTimestamp: '1545082649183',
    SenderId: 'AIDAIENQZJOLO23YVJ4VO',
    ApproximateFirstReceiveTimestamp: '1545082649185',
    AWSTraceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793',
  },
  MessageAttributes: {
    task: { DataType: 'String', StringValue: 'nmap-scanner' },
    'contract-version': { DataType: 'Number', StringValue: '1' },
    blob: { DataType: 'Binary', BinaryValue: new Uint8Array([104, 105]) },
  },
};

describe('the SQS record of a received message', () => {
  it('has the shape Lambda delivers', () => {
    expect(toSqsRecord(message, arn)).toEqual({
      messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
      receiptHandle: 'AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a',
      body: '{"hello":"world"}',
      attributes: {
        ApproximateReceiveCount: '2',
        SentTimestamp: '1545082649183',
        SenderId: 'AIDAIENQZJOLO23YVJ4VO',
        ApproximateFirstReceiveTimestamp: '1545082649185',
        AWSTraceHeader: 'Root=1-5759e988-bd862e3fe1be46a994272793',
      },
      messageAttributes: {
        task: { stringValue: 'nmap-scanner', stringListValues: [], binaryListValues: [], dataType: 'String' },
        'contract-version': {
          stringValue: '1',
          stringListValues: [],
          binaryListValues: [],
          dataType: 'Number',
        },
        blob: { binaryValue: 'aGk=', stringListValues: [], binaryListValues: [], dataType: 'Binary' },
      },
      md5OfBody: '49dfdd54b01cbcd2d2ab5e9e5ee6b9b9',
      md5OfMessageAttributes: 'e4d3cfd4ba0b4e6c6b7b3b5f4f0b9a3a',
      eventSource: 'aws:sqs',
      eventSourceARN: arn,
      awsRegion: 'eu-west-1',
    });
  });

  it('leaves out what the message does not have', () => {
    const { MD5OfMessageAttributes: _, MessageAttributes: __, ...plain } = message;
    const record = toSqsRecord({ ...plain, Attributes: { ApproximateReceiveCount: '1' } }, arn);
    expect(record).not.toHaveProperty('md5OfMessageAttributes');
    expect(record.messageAttributes).toEqual({});
    expect(record.attributes).not.toHaveProperty('AWSTraceHeader');
  });

  it('keeps the order of a batch', () => {
    const event = toSqsEvent([message, { ...message, MessageId: 'second' }], arn);
    expect(event.Records.map((record) => record.messageId)).toEqual([message.MessageId, 'second']);
  });
});
