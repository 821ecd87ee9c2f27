import type { Message as ReceivedMessage } from '@aws-sdk/client-sqs';
import { z } from 'zod';
import type { WireAttribute, WireAttributes } from './attributes.ts';

/** An SQS message attribute as a Lambda SQS event carries it. */
export interface SqsAttribute {
  readonly dataType: string;
  readonly stringValue?: string | undefined;
}

/** What a subscribed queue delivers; a Lambda `SQSRecord` is one. */
export interface SqsDelivery {
  readonly body: string;
  readonly messageAttributes?: Readonly<Record<string, SqsAttribute>> | undefined;
}

/** The published message and its attributes, whichever way the subscription delivered them. */
export interface Delivered {
  readonly body: string;
  readonly attributes: WireAttributes;
  /** A raw delivery's body as JSON, when it is: telling an envelope apart parsed it already, and messages are large. */
  readonly parsed?: unknown;
}

/**
 * Loose, because SNS adds fields (signature, URLs) the reader has no use for; the four required ones tell an
 * envelope apart from a raw contract message, which never has them.
 */
const envelopeSchema = z.looseObject({
  Type: z.literal('Notification'),
  MessageId: z.string(),
  TopicArn: z.string(),
  Message: z.string(),
  MessageAttributes: z.record(z.string(), z.object({ Type: z.string(), Value: z.string() })).optional(),
});

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const fromSqsAttributes = (attributes: Readonly<Record<string, SqsAttribute>>): WireAttributes => {
  const wire: Record<string, WireAttribute> = {};
  for (const [name, { dataType, stringValue }] of Object.entries(attributes)) {
    if (stringValue !== undefined) wire[name] = { dataType, value: stringValue };
  }
  return wire;
};

/**
 * With raw message delivery the body is the message and its attributes are SQS message attributes; without it
 * the body is the SNS envelope, which holds both.
 */
export const unwrapDelivery = (delivery: SqsDelivery): Delivered => {
  const parsed = parseJson(delivery.body);
  const envelope = envelopeSchema.safeParse(parsed);
  if (envelope.success) {
    const attributes = Object.entries(envelope.data.MessageAttributes ?? {}).map(
      ([name, { Type, Value }]) => [name, { dataType: Type, value: Value }] as const,
    );
    return { body: envelope.data.Message, attributes: Object.fromEntries(attributes) };
  }
  return {
    body: delivery.body,
    attributes: fromSqsAttributes(delivery.messageAttributes ?? {}),
    ...(parsed === undefined ? {} : { parsed }),
  };
};

/** Adapts a message from SQS ReceiveMessage (requested with all message attributes) to the Lambda shape. */
export const fromReceivedMessage = (message: ReceivedMessage): SqsDelivery => {
  const attributes: Record<string, SqsAttribute> = {};
  for (const [name, attribute] of Object.entries(message.MessageAttributes ?? {})) {
    attributes[name] = { dataType: attribute.DataType ?? 'String', stringValue: attribute.StringValue };
  }
  return { body: message.Body ?? '', messageAttributes: attributes };
};
