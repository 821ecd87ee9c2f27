import type { DynamoDBRecord } from 'aws-lambda';
import type { InvocationOutcome } from './function-host.ts';
import { settleStreamBatch } from './stream-batch-settlement.ts';

/** Why a mapping gave up on records, as Lambda names it in the on-failure record. */
export type StreamGiveUpCondition = 'RetryAttemptsExhausted' | 'RecordAgeExceeded';

export interface StreamDeliveryPolicy {
  readonly reportBatchItemFailures: boolean;
  readonly bisectBatchOnFunctionError: boolean;
  /** -1: without limit. */
  readonly maximumRetryAttempts: number;
  /** -1: without limit. */
  readonly maximumRecordAgeSeconds: number;
}

/** Records given up on, with what is known of their last invocation. */
export interface GivenUp {
  readonly records: readonly DynamoDBRecord[];
  readonly condition: StreamGiveUpCondition;
  readonly invocations: number;
  /** Absent when the records were given up on before any invocation. */
  readonly lastOutcome?: InvocationOutcome;
}

export interface StreamDeliveryEffects {
  readonly invoke: (records: readonly DynamoDBRecord[]) => Promise<InvocationOutcome>;
  readonly giveUp: (givenUp: GivenUp) => Promise<void>;
  /** Told of the records an invocation left failed, before they are retried or given up on. */
  readonly failed: (records: readonly DynamoDBRecord[], outcome: InvocationOutcome) => void;
  /** Epoch milliseconds. */
  readonly now: () => number;
  readonly pauseBeforeRetry: () => Promise<void>;
}

interface Piece {
  readonly records: readonly DynamoDBRecord[];
  readonly retries: number;
  readonly invocations: number;
}

const createdAtMs = (record: DynamoDBRecord): number =>
  (record.dynamodb?.ApproximateCreationDateTime ?? 0) * 1000;

/** How many records, from the start, are older than the mapping lets a record be when it is invoked. */
const expiredCount = (
  records: readonly DynamoDBRecord[],
  policy: StreamDeliveryPolicy,
  now: number,
): number => {
  if (policy.maximumRecordAgeSeconds < 0) return 0;
  const oldest = now - policy.maximumRecordAgeSeconds * 1000;
  const firstLive = records.findIndex((record) => createdAtMs(record) >= oldest);
  return firstLive === -1 ? records.length : firstLive;
};

const halves = (piece: Piece): Piece[] => {
  const middle = Math.ceil(piece.records.length / 2);
  return [piece.records.slice(0, middle), piece.records.slice(middle)].map((records) => ({
    ...piece,
    records,
  }));
};

/** A piece's records past the age limit are given up on; what is left of it, if anything, goes on. */
const withoutExpired = async (
  piece: Piece,
  policy: StreamDeliveryPolicy,
  effects: StreamDeliveryEffects,
): Promise<Piece | undefined> => {
  const expired = expiredCount(piece.records, policy, effects.now());
  if (expired === 0) return piece;
  await effects.giveUp({
    records: piece.records.slice(0, expired),
    condition: 'RecordAgeExceeded',
    invocations: piece.invocations,
  });
  return expired < piece.records.length ? { ...piece, records: piece.records.slice(expired) } : undefined;
};

/** One invocation of a piece; the pieces still to deliver after it, first things first. */
const attempt = async (
  piece: Piece,
  policy: StreamDeliveryPolicy,
  effects: StreamDeliveryEffects,
): Promise<Piece[]> => {
  const outcome = await effects.invoke(piece.records);
  const invocations = piece.invocations + 1;
  const settled = settleStreamBatch(piece.records, outcome, policy.reportBatchItemFailures);
  if (settled.kind === 'succeeded') return [];
  const failing = settled.kind === 'failed-from' ? piece.records.slice(settled.index) : piece.records;
  effects.failed(failing, outcome);
  if (settled.kind === 'function-error' && policy.bisectBatchOnFunctionError && failing.length > 1) {
    return halves({ ...piece, invocations });
  }
  const retries = piece.retries + 1;
  if (policy.maximumRetryAttempts >= 0 && retries > policy.maximumRetryAttempts) {
    await effects.giveUp({
      records: failing,
      condition: 'RetryAttemptsExhausted',
      invocations,
      lastOutcome: outcome,
    });
    return [];
  }
  await effects.pauseBeforeRetry();
  return [{ records: failing, retries, invocations }];
};

/**
 * Delivers one batch read from a shard until every record of it is done or given up on, as a Lambda stream
 * mapping does: a failed invocation's batch is split in two (without spending a retry) when bisection is on;
 * records named failed are retried from the first of them; a record retried more often than the mapping allows,
 * or older than it allows, is given up on, which frees its shard.
 */
export const deliverStreamBatch = async (
  records: readonly DynamoDBRecord[],
  policy: StreamDeliveryPolicy,
  effects: StreamDeliveryEffects,
): Promise<void> => {
  const pieces: Piece[] = [{ records, retries: 0, invocations: 0 }];
  for (let next = pieces.shift(); next !== undefined; next = pieces.shift()) {
    const piece = await withoutExpired(next, policy, effects);
    if (piece !== undefined) pieces.unshift(...(await attempt(piece, policy, effects)));
  }
};
