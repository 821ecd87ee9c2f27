import type { MessageAttributeValue, SendMessageCommandInput } from '@aws-sdk/client-sqs';
import type { SQSMessageAttributes, SQSRecord } from 'aws-lambda';

/** SQS refuses more message attributes than this on one message. */
const maxMessageAttributes = 10;

/** Long enough for a contract violation's field list, short enough to leave the body its room in the message. */
export const maxErrorMessageLength = 1000;

/** The attributes that say why a record was dead-lettered, next to the record's own. */
export const deadLetterAttributes = {
  errorName: 'sec-an.error-name',
  errorMessage: 'sec-an.error-message',
  sourceQueueArn: 'sec-an.source-queue-arn',
  receiveCount: 'sec-an.receive-count',
  /** All of the above as one JSON string, when the record's own attributes leave no room for four. */
  combined: 'sec-an.dead-letter',
} as const;

export interface FailureDescription {
  readonly errorName: string;
  readonly errorMessage: string;
  readonly sourceQueueArn: string;
  readonly receiveCount: number;
}

const truncate = (text: string, length: number): string =>
  text.length <= length ? text : `${text.slice(0, length - 1)}…`;

/** SQS refuses an empty string attribute value. */
const nonEmpty = (text: string): string => (text === '' ? '(none)' : text);

export const describeFailure = (record: SQSRecord, error: unknown): FailureDescription => ({
  errorName: nonEmpty(error instanceof Error ? error.name : typeof error),
  errorMessage: nonEmpty(
    truncate(error instanceof Error ? error.message : String(error), maxErrorMessageLength),
  ),
  sourceQueueArn: nonEmpty(record.eventSourceARN),
  receiveCount: Number(record.attributes.ApproximateReceiveCount),
});

/** The Lambda event spells attributes in camel case with base64 binaries; SendMessage wants the SDK shape. */
export const toSendableAttributes = (
  attributes: SQSMessageAttributes,
): Record<string, MessageAttributeValue> =>
  Object.fromEntries(
    Object.entries(attributes).map(([name, attribute]) => [
      name,
      attribute.binaryValue === undefined
        ? { DataType: attribute.dataType, StringValue: attribute.stringValue ?? '' }
        : { DataType: attribute.dataType, BinaryValue: Buffer.from(attribute.binaryValue, 'base64') },
    ]),
  );

const failureAttributes = (
  failure: FailureDescription,
  room: number,
): Record<string, MessageAttributeValue> => {
  if (room >= 4) {
    return {
      [deadLetterAttributes.errorName]: { DataType: 'String', StringValue: failure.errorName },
      [deadLetterAttributes.errorMessage]: { DataType: 'String', StringValue: failure.errorMessage },
      [deadLetterAttributes.sourceQueueArn]: { DataType: 'String', StringValue: failure.sourceQueueArn },
      [deadLetterAttributes.receiveCount]: { DataType: 'Number', StringValue: String(failure.receiveCount) },
    };
  }
  if (room >= 1) {
    return { [deadLetterAttributes.combined]: { DataType: 'String', StringValue: JSON.stringify(failure) } };
  }
  // The record's own attributes win: a redriven message must be processed as it first was, and the failure is
  // in the log either way.
  return {};
};

/**
 * The message to send to the dead-letter queue: the original body and attributes, so redriving it reproduces
 * the original delivery, plus why it failed.
 */
export const deadLetterMessage = (
  record: SQSRecord,
  error: unknown,
  queueUrl: string,
): SendMessageCommandInput => {
  const own = toSendableAttributes(record.messageAttributes);
  const room = maxMessageAttributes - Object.keys(own).length;
  return {
    QueueUrl: queueUrl,
    MessageBody: record.body,
    MessageAttributes: { ...own, ...failureAttributes(describeFailure(record, error), room) },
  };
};
