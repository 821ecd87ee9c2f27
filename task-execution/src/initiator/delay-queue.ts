import { setTimeout as sleep } from 'node:timers/promises';
import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, SQSClient } from '@aws-sdk/client-sqs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { batchMessages, maxPayloadBytes, payloadBytes } from '@sec-an/runtime/sns';
import { type DelayedMessage, delaySecondsUntil } from './scan-request-message.ts';

/** Why the queue did not take one message, as SendMessageBatch reports it. */
export interface SendFailure {
  readonly id: string;
  readonly code: string;
  readonly message: string;
  /** The queue says the message itself is wrong: sending it again cannot succeed. */
  readonly senderFault: boolean;
}

/** One SendMessageBatch call: the entries that failed (the others were queued). */
export type SendBatch = (entries: readonly DelayedMessage[]) => Promise<readonly SendFailure[]>;

export interface SendRetryPolicy {
  /** Calls per batch, the first included, while entries fail on the queue's side. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const defaultSendRetryPolicy: SendRetryPolicy = { attempts: 4, baseDelayMs: 200, maxDelayMs: 3_000 };

const entryOf = (message: DelayedMessage, now: number): SendMessageBatchRequestEntry => ({
  Id: message.id,
  MessageBody: message.body,
  DelaySeconds: delaySecondsUntil(message.plannedAt, now),
  MessageAttributes: Object.fromEntries(
    Object.entries(message.attributes).map(([name, { dataType, value }]) => [
      name,
      { DataType: dataType, StringValue: value },
    ]),
  ),
});

/**
 * SendMessageBatch to the delay queue, each message with its contract's attributes and a delay counted at the
 * moment of the call, so that a long bucket or a retry does not make the last messages late.
 */
export const sqsSendBatch =
  (queueUrl: string, now: () => number = Date.now): SendBatch =>
  async (entries) => {
    const at = now();
    const response = await awsClient(SQSClient).send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: entries.map((entry) => entryOf(entry, at)),
      }),
    );
    return (response.Failed ?? []).map(({ Id, Code, Message: text, SenderFault }) => ({
      id: Id ?? '',
      code: Code ?? 'Unknown',
      message: text ?? '',
      senderFault: SenderFault ?? false,
    }));
  };

/** Exponential with full jitter, so that a throttled queue is not hit again by all entries at once. */
const backoffMs = (retry: number, policy: SendRetryPolicy): number =>
  Math.round(Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)));

const callFailure = (id: string, error: unknown): SendFailure => ({
  id,
  code: (error as { name?: string }).name ?? 'Error',
  message: (error as { message?: string }).message ?? String(error),
  senderFault: false,
});

/** One batch, sent again with backoff while entries fail on the queue's side; the last failure of each. */
const sendOneBatch = async (
  batch: readonly DelayedMessage[],
  send: SendBatch,
  policy: SendRetryPolicy,
): Promise<SendFailure[]> => {
  let pending = batch;
  let failures: SendFailure[] = [];
  let permanent: SendFailure[] = [];
  for (let attempt = 1; pending.length > 0 && attempt <= policy.attempts; attempt += 1) {
    if (attempt > 1) await sleep(backoffMs(attempt - 1, policy));
    // A failed call (the client has already retried it) is a failure of every entry, and is retried as one.
    failures = [...(await send(pending).catch((error) => pending.map(({ id }) => callFailure(id, error))))];
    permanent = [...permanent, ...failures.filter((failure) => failure.senderFault)];
    const retried = new Set(failures.filter((failure) => !failure.senderFault).map(({ id }) => id));
    pending = pending.filter(({ id }) => retried.has(id));
    failures = failures.filter(({ id }) => retried.has(id));
  }
  return [...permanent, ...failures];
};

const oversized = (message: DelayedMessage): boolean => payloadBytes(message) > maxPayloadBytes;

/**
 * Sends messages to the delay queue in batches within SendMessageBatch's limits (10 entries, 256 KiB in all),
 * sending again what failed on the queue's side. Returns the last failure of every message not queued.
 */
export const sendDelayed = async (
  messages: readonly DelayedMessage[],
  send: SendBatch,
  policy: SendRetryPolicy = defaultSendRetryPolicy,
): Promise<SendFailure[]> => {
  const failures: SendFailure[] = messages.filter(oversized).map(({ id, ...message }) => ({
    id,
    code: 'MessageTooLarge',
    message: `the scan request is ${payloadBytes(message)} bytes; the queue and the topic take ${maxPayloadBytes}`,
    senderFault: true,
  }));
  const sendable = messages.filter((message) => !oversized(message));
  for (const batch of batchMessages(sendable)) failures.push(...(await sendOneBatch(batch, send, policy)));
  return failures;
};
