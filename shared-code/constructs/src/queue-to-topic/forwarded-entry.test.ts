import { describe, expect, it } from '@jest/globals';
import type { SQSRecord } from 'aws-lambda';
import { forwardedEntry } from './forwarded-entry.ts';

const record = (messageAttributes: SQSRecord['messageAttributes']): SQSRecord => ({
  messageId: 'm-1',
  receiptHandle: 'r',
  body: '{"contract":"scan-request"}',
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1700000000000',
    SenderId: 's',
    ApproximateFirstReceiveTimestamp: '1700000000001',
  },
  messageAttributes,
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-2:123456789012:delay',
  awsRegion: 'eu-west-2',
});

describe('a forwarded entry', () => {
  it('keeps the body and every attribute with its data type', () => {
    expect(
      forwardedEntry(
        record({
          task: {
            dataType: 'String',
            stringValue: 'nmap-scanner',
            stringListValues: [],
            binaryListValues: [],
          },
          port: { dataType: 'Number', stringValue: '443', stringListValues: [], binaryListValues: [] },
        }),
      ),
    ).toEqual({
      id: 'm-1',
      body: '{"contract":"scan-request"}',
      attributes: {
        task: { dataType: 'String', value: 'nmap-scanner' },
        port: { dataType: 'Number', value: '443' },
      },
    });
  });

  it('refuses binary attributes, which no contract produces, rather than drop them', () => {
    expect(() =>
      forwardedEntry(
        record({
          blob: { dataType: 'Binary', binaryValue: 'AAE=', stringListValues: [], binaryListValues: [] },
        }),
      ),
    ).toThrow('attribute blob of message m-1 is binary');
  });
});
