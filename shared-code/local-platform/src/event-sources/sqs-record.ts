import type { Message, MessageAttributeValue } from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttribute, SQSRecord, SQSRecordAttributes } from 'aws-lambda';

/** The region of an ARN (`arn:aws:sqs:<region>:<account>:<name>`). */
export const arnRegion = (arn: string): string => arn.split(':')[3] ?? '';

/** The account of an ARN (`arn:aws:sqs:<region>:<account>:<name>`). */
export const arnAccount = (arn: string): string => arn.split(':')[4] ?? '';

/** Lambda delivers binary values base64-encoded, and always both (unimplemented) list values, empty. */
export const toLambdaAttribute = (attribute: MessageAttributeValue): SQSMessageAttribute => ({
  ...(attribute.StringValue === undefined ? {} : { stringValue: attribute.StringValue }),
  ...(attribute.BinaryValue === undefined
    ? {}
    : { binaryValue: Buffer.from(attribute.BinaryValue).toString('base64') }),
  stringListValues: attribute.StringListValues ?? [],
  binaryListValues: (attribute.BinaryListValues ?? []).map((value) => Buffer.from(value).toString('base64')),
  dataType: attribute.DataType ?? 'String',
});

const optionalAttributes = [
  'AWSTraceHeader',
  'SequenceNumber',
  'MessageGroupId',
  'MessageDeduplicationId',
  'DeadLetterQueueSourceArn',
] as const;

const toRecordAttributes = (attributes: Message['Attributes'] = {}): SQSRecordAttributes => ({
  ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '',
  SentTimestamp: attributes.SentTimestamp ?? '',
  SenderId: attributes.SenderId ?? '',
  ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? '',
  ...Object.fromEntries(
    optionalAttributes.flatMap((name) => (attributes[name] === undefined ? [] : [[name, attributes[name]]])),
  ),
});

/** A received message as the SQS event source mapping hands it to a function. */
export const toSqsRecord = (message: Message, queueArn: string): SQSRecord => ({
  messageId: message.MessageId ?? '',
  receiptHandle: message.ReceiptHandle ?? '',
  body: message.Body ?? '',
  attributes: toRecordAttributes(message.Attributes),
  messageAttributes: Object.fromEntries(
    Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, toLambdaAttribute(value)]),
  ),
  md5OfBody: message.MD5OfBody ?? '',
  ...(message.MD5OfMessageAttributes === undefined
    ? {}
    : { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
  eventSource: 'aws:sqs',
  eventSourceARN: queueArn,
  awsRegion: arnRegion(queueArn),
});

export const toSqsEvent = (messages: readonly Message[], queueArn: string): SQSEvent => ({
  Records: messages.map((message) => toSqsRecord(message, queueArn)),
});
