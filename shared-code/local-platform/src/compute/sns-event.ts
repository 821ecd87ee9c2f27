import { ComputeError } from './compute-error.ts';

/** A message attribute as SNS hands it to a function. */
export interface SnsMessageAttribute {
  readonly Type: string;
  readonly Value: string;
}

export interface SnsLambdaMessage {
  readonly SignatureVersion: string;
  readonly Timestamp: string;
  readonly Signature: string;
  readonly SigningCertUrl: string;
  readonly MessageId: string;
  readonly Message: string;
  readonly MessageAttributes: Readonly<Record<string, SnsMessageAttribute>>;
  readonly Type: string;
  readonly UnsubscribeUrl: string;
  readonly TopicArn: string;
  /** null when the message was published without one, as Lambda delivers it. */
  readonly Subject: string | null;
}

/** The event SNS invokes a subscribed function with: always one record. */
export interface SnsLambdaEvent {
  readonly Records: readonly [
    {
      readonly EventVersion: '1.0';
      readonly EventSubscriptionArn: string;
      readonly EventSource: 'aws:sns';
      readonly Sns: SnsLambdaMessage;
    },
  ];
}

type Envelope = Record<string, unknown>;

const text = (envelope: Envelope, key: string): string | undefined =>
  typeof envelope[key] === 'string' ? envelope[key] : undefined;

const required = (envelope: Envelope, key: string): string => {
  const value = text(envelope, key);
  if (value === undefined) throw new ComputeError(`the SNS notification has no ${key}`);
  return value;
};

const parseEnvelope = (body: string): Envelope => {
  let envelope: unknown;
  try {
    envelope = JSON.parse(body);
  } catch {
    throw new ComputeError('the SNS notification is not JSON');
  }
  if (typeof envelope !== 'object' || envelope === null)
    throw new ComputeError('the SNS notification is not an object');
  return envelope as Envelope;
};

/**
 * The function's event made from the notification SNS delivered to a queue (not raw): the same fields, with
 * the spelling Lambda uses for the URLs.
 */
export const toSnsEvent = (body: string, subscriptionArn: string): SnsLambdaEvent => {
  const envelope = parseEnvelope(body);
  return {
    Records: [
      {
        EventVersion: '1.0',
        EventSubscriptionArn: subscriptionArn,
        EventSource: 'aws:sns',
        Sns: {
          SignatureVersion: text(envelope, 'SignatureVersion') ?? '1',
          Timestamp: required(envelope, 'Timestamp'),
          Signature: text(envelope, 'Signature') ?? '',
          SigningCertUrl: text(envelope, 'SigningCertURL') ?? '',
          MessageId: required(envelope, 'MessageId'),
          Message: required(envelope, 'Message'),
          MessageAttributes: (envelope.MessageAttributes ?? {}) as Record<string, SnsMessageAttribute>,
          Type: required(envelope, 'Type'),
          UnsubscribeUrl: text(envelope, 'UnsubscribeURL') ?? '',
          TopicArn: required(envelope, 'TopicArn'),
          Subject: text(envelope, 'Subject') ?? null,
        },
      },
    ],
  };
};
