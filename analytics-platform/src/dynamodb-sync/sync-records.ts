import type { DynamoDBRecord } from 'aws-lambda';
import { ingestMessageOf } from './ingest-message.ts';
import { type QueuedMessage, type SendBatch, type SendPolicy, sendInBatches } from './queue-batches.ts';
import { scanResultOf } from './stream-record-result.ts';
import type { SyncSettings } from './sync-settings.ts';

export interface RecordFailure {
  /** What Lambda names the record by in batchItemFailures; empty if the record had none. */
  readonly sequenceNumber: string;
  readonly eventID: string | undefined;
  readonly error: Error;
}

export interface SyncOutcome {
  readonly sent: number;
  readonly failures: readonly RecordFailure[];
}

const failureOf = (record: DynamoDBRecord, error: unknown): RecordFailure => ({
  sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
  eventID: record.eventID,
  error: error instanceof Error ? error : new Error(String(error)),
});

/**
 * Turns each stream record into one result and sends them all to the ingest queue. A record that cannot be
 * converted or sent is reported failed; the others are sent all the same, since a retried batch sends them again
 * with the same scan ids, which the ingest writes only once.
 */
export const syncRecords = async (
  records: readonly DynamoDBRecord[],
  settings: SyncSettings,
  send: SendBatch,
  policy?: SendPolicy,
): Promise<SyncOutcome> => {
  const errors = new Map<number, unknown>();
  const messages: QueuedMessage[] = [];
  records.forEach((record, index) => {
    try {
      messages.push({ id: String(index), ...ingestMessageOf(scanResultOf(record, settings)) });
    } catch (error) {
      errors.set(index, error);
    }
  });
  const unsent = await sendInBatches(messages, send, policy);
  for (const [id, error] of unsent) errors.set(Number(id), error);
  const failures = records.flatMap((record, index) =>
    errors.has(index) ? [failureOf(record, errors.get(index))] : [],
  );
  return { sent: messages.length - unsent.size, failures };
};
