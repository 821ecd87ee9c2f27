import { setTimeout as sleep } from 'node:timers/promises';
import { PermanentError, TransientError } from '@sec-an/runtime/errors';
import { batchMessages, maxPayloadBytes, type OutgoingMessage, payloadBytes } from '@sec-an/runtime/sns';

/** A message to send, with an id (unique in one call) its outcome is reported by. */
export interface QueuedMessage extends OutgoingMessage {
  readonly id: string;
}

export interface EntryFailure {
  readonly id: string;
  readonly code: string;
  readonly message: string;
  /** The queue says the entry itself is wrong: sending it again cannot succeed. */
  readonly senderFault: boolean;
}

/** One SendMessageBatch call: the entries that failed (the others were queued). */
export type SendBatch = (entries: readonly QueuedMessage[]) => Promise<readonly EntryFailure[]>;

export interface SendPolicy {
  /** Calls per batch, the first included, while entries fail on the queue's side. */
  readonly attempts: number;
  readonly retryDelayMs: number;
}

export const defaultSendPolicy: SendPolicy = { attempts: 3, retryDelayMs: 100 };

const refusedEntry = (failure: EntryFailure): Error => {
  const text = `the ingest queue refused the message: ${failure.code} ${failure.message}`;
  return failure.senderFault ? new PermanentError(text) : new TransientError(text);
};

/** One batch, sent again while entries fail on the queue's side; the last error of each entry that failed. */
const sendOneBatch = async (
  batch: readonly QueuedMessage[],
  send: SendBatch,
  policy: SendPolicy,
): Promise<Map<string, Error>> => {
  const failures = new Map<string, Error>();
  let pending = batch;
  for (let attempt = 1; pending.length > 0 && attempt <= policy.attempts; attempt += 1) {
    if (attempt > 1) await sleep(policy.retryDelayMs * (attempt - 1));
    let failed: readonly EntryFailure[];
    try {
      failed = await send(pending);
    } catch (error) {
      // The client has already retried the call; from here the stream retries the records.
      const cause = new TransientError(`SendMessageBatch failed: ${(error as Error).message}`, {
        cause: error,
      });
      for (const { id } of pending) failures.set(id, cause);
      return failures;
    }
    const byId = new Map(failed.map((failure) => [failure.id, failure]));
    for (const { id } of pending) {
      const failure = byId.get(id);
      if (failure === undefined) failures.delete(id);
      else failures.set(id, refusedEntry(failure));
    }
    pending = pending.filter(({ id }) => byId.get(id)?.senderFault === false);
  }
  return failures;
};

/**
 * Sends messages in batches within SendMessageBatch's limits (10 entries, 256 KiB in all), in order, sending
 * again what failed on the queue's side. Returns the error of every message that was not queued, by id.
 */
export const sendInBatches = async (
  messages: readonly QueuedMessage[],
  send: SendBatch,
  policy: SendPolicy = defaultSendPolicy,
): Promise<Map<string, Error>> => {
  const failures = new Map<string, Error>();
  const sendable = messages.filter((message) => {
    const bytes = payloadBytes(message);
    if (bytes <= maxPayloadBytes) return true;
    failures.set(
      message.id,
      new PermanentError(`the message is ${bytes} bytes; a queue takes ${maxPayloadBytes}`),
    );
    return false;
  });
  for (const batch of batchMessages(sendable)) {
    for (const [id, error] of await sendOneBatch(batch, send, policy)) failures.set(id, error);
  }
  return failures;
};
