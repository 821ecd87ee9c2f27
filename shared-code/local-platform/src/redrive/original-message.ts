import type { MessageAttributeValue, SendMessageCommandInput } from '@aws-sdk/client-sqs';
import type { DeadLetterRecord } from '@sec-an/contracts/dead-letter';
import { deadLetterAttributes } from '@sec-an/runtime/sqs-handler';

const failureAttributeNames = new Set<string>(Object.values(deadLetterAttributes));

/** A record keeps binary values base64-encoded, as Lambda delivered them; SendMessage wants the bytes. */
const sendable = (attribute: DeadLetterRecord['attributes'][string]): MessageAttributeValue =>
  attribute.binaryValue === undefined
    ? { DataType: attribute.dataType, StringValue: attribute.stringValue ?? '' }
    : { DataType: attribute.dataType, BinaryValue: Buffer.from(attribute.binaryValue, 'base64') };

/**
 * The message as it was first sent: its body and its own attributes, without those that said why it failed
 * (the recorder leaves them out already; a letter written otherwise may have them).
 */
export const originalMessage = (letter: DeadLetterRecord, queueUrl: string): SendMessageCommandInput => ({
  QueueUrl: queueUrl,
  MessageBody: letter.body,
  MessageAttributes: Object.fromEntries(
    Object.entries(letter.attributes)
      .filter(([name]) => !failureAttributeNames.has(name))
      .map(([name, attribute]) => [name, sendable(attribute)]),
  ),
});
