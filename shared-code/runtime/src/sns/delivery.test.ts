import { describe, expect, it } from '@jest/globals';
import { fromReceivedMessage, unwrapDelivery } from './delivery.ts';

const message = JSON.stringify({ contract: 'scan-request', version: 1 });

const envelope = (fields: Record<string, unknown>): string =>
  JSON.stringify({
    Type: 'Notification',
    MessageId: 'b3f1',
    TopicArn: 'arn:aws:sns:eu-west-2:123456789012:scan-requests',
    Message: message,
    Timestamp: '2026-11-21T10:00:00.000Z',
    SignatureVersion: '1',
    ...fields,
  });

describe('unwrapping what an SNS subscription delivered to SQS', () => {
  it('takes a raw delivery body as the message and its SQS attributes as the attributes', () => {
    expect(
      unwrapDelivery({
        body: message,
        messageAttributes: {
          origin: { dataType: 'String', stringValue: 'plan' },
          'contract-version': { dataType: 'Number', stringValue: '1' },
        },
      }),
    ).toEqual({
      body: message,
      parsed: JSON.parse(message),
      attributes: {
        origin: { dataType: 'String', value: 'plan' },
        'contract-version': { dataType: 'Number', value: '1' },
      },
    });
  });

  it('takes the message and attributes out of the SNS envelope', () => {
    const body = envelope({
      MessageAttributes: {
        origin: { Type: 'String', Value: 'on-demand' },
        tags: { Type: 'String.Array', Value: '["a"]' },
      },
    });
    expect(unwrapDelivery({ body, messageAttributes: {} })).toEqual({
      body: message,
      attributes: {
        origin: { dataType: 'String', value: 'on-demand' },
        tags: { dataType: 'String.Array', value: '["a"]' },
      },
    });
  });

  it('reads an envelope without attributes', () => {
    expect(unwrapDelivery({ body: envelope({}) })).toEqual({ body: message, attributes: {} });
  });

  it('does not take a body that merely looks like an envelope for one', () => {
    const lookalike = JSON.stringify({ Type: 'Notification', Message: message });
    expect(unwrapDelivery({ body: lookalike })).toEqual({
      body: lookalike,
      parsed: JSON.parse(lookalike),
      attributes: {},
    });
    expect(unwrapDelivery({ body: 'not json' })).toEqual({ body: 'not json', attributes: {} });
  });

  it('adapts a message from ReceiveMessage to the Lambda record shape', () => {
    expect(
      fromReceivedMessage({
        Body: message,
        MessageAttributes: { origin: { DataType: 'String', StringValue: 'plan' } },
      }),
    ).toEqual({ body: message, messageAttributes: { origin: { dataType: 'String', stringValue: 'plan' } } });
  });
});
