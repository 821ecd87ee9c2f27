import { PermanentError } from '@sec-an/runtime/errors';
import type { PublishEntry, WireAttributes } from '@sec-an/runtime/sns';
import type { SQSMessageAttributes, SQSRecord } from 'aws-lambda';

/**
 * The Lambda event spells SQS attributes `dataType`/`stringValue`; SNS wants `DataType`/`StringValue`. Passing
 * one for the other loses every attribute, and with them every subscriber's filter (the 2019 system did).
 */
const wireAttributes = (record: SQSRecord): WireAttributes =>
  Object.fromEntries(
    Object.entries(record.messageAttributes as SQSMessageAttributes).map(([name, attribute]) => {
      if (attribute.stringValue === undefined) {
        throw new PermanentError(
          `attribute ${name} of message ${record.messageId} is binary; only text attributes are forwarded`,
        );
      }
      return [name, { dataType: attribute.dataType, value: attribute.stringValue }];
    }),
  );

/** A queued message as the entry that publishes it unchanged: same body, same attributes. */
export const forwardedEntry = (record: SQSRecord): PublishEntry => ({
  id: record.messageId,
  body: record.body,
  attributes: wireAttributes(record),
});
