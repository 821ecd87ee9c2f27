import type { SendMessageCommandInput } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { toSendableAttributes } from './dead-letter-message.ts';

/** SQS delays a message by at most this. */
export const maxDelaySeconds = 900;

/** How long a record waits for an unreachable dependency before it is tried again. */
export const deferralSecondsVariable = 'SEC_AN_DEFERRAL_SECONDS';

const defaultDeferralSeconds = 60;

export const deferralSecondsFromEnvironment = (): number => {
  const text = process.env[deferralSecondsVariable];
  if (text === undefined || text === '') return defaultDeferralSeconds;
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > maxDelaySeconds) {
    throw new RangeError(
      `${deferralSecondsVariable} must be whole seconds from 0 to ${maxDelaySeconds}, not "${text}"`,
    );
  }
  return seconds;
};

/**
 * The same message again, on its own queue, after a delay: a new message with a fresh receive count, so an
 * outage of any length costs the record no receives and never moves it to the dead-letter queue.
 */
export const deferredMessage = (
  record: SQSRecord,
  queueUrl: string,
  delaySeconds: number,
): SendMessageCommandInput => ({
  QueueUrl: queueUrl,
  MessageBody: record.body,
  MessageAttributes: toSendableAttributes(record.messageAttributes),
  DelaySeconds: delaySeconds,
});
