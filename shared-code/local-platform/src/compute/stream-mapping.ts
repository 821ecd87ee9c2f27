import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { DynamoDBRecord } from 'aws-lambda';
import type { DeployedStreamMapping } from '../deployment/index.ts';
import { type SqsEventSource, toDynamoDbStreamEvent } from '../event-sources/index.ts';
import type { Clock } from './clock.ts';
import { ComputeStoppedError } from './compute-error.ts';
import { sendToDestination } from './destinations.ts';
import type { FunctionHost, InvocationOutcome } from './function-host.ts';
import type { FunctionLog } from './function-log.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';
import { awaitsPartner, withoutPhantomInserts } from './moto-stream-quirks.ts';
import { deliverStreamBatch, type GivenUp } from './stream-delivery.ts';
import { streamFailureRecord } from './stream-failure-record.ts';

export interface StreamMappingOptions {
  readonly host: FunctionHost;
  readonly functionArn: string;
  readonly log: FunctionLog;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
  /** The time record ages are measured by and on-failure records carry. */
  readonly clock: Clock;
}

/** The pause after an empty read and before a retry: Lambda polls a shard four times a second. */
const pollIntervalMs = 250;

/** How often the stream is described for shards that began since (a shard splits every few hours on AWS). */
const shardDiscoveryIntervalMs = 5000;

/** GetRecords' own limit on one call. */
const maxRecordsPerRead = 1000;

/** Where a shard's poller resumes: past the last record it was done with, or where the mapping starts. */
type ShardPosition =
  | { readonly type: 'TRIM_HORIZON' | 'LATEST' }
  | { readonly type: 'AFTER_SEQUENCE_NUMBER'; readonly sequenceNumber: string };

const streams = () => awsClient(DynamoDBStreamsClient);

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const shardIterator = async (streamArn: string, shardId: string, position: ShardPosition) => {
  const { ShardIterator } = await streams().send(
    new GetShardIteratorCommand({
      StreamArn: streamArn,
      ShardId: shardId,
      ShardIteratorType: position.type,
      ...(position.type === 'AFTER_SEQUENCE_NUMBER' ? { SequenceNumber: position.sequenceNumber } : {}),
    }),
  );
  return ShardIterator;
};

/**
 * A DynamoDB stream event source mapping run by the platform, never by moto: each shard is read from the
 * mapping's starting position and delivered batch by batch, in order, with the mapping's batching window,
 * partial failures, bisection, retry and age limits; what it gives up on is described to its on-failure
 * destination as Lambda describes it. Positions are kept while the compute step runs (a restart begins again at
 * the starting position), so a read that fails resumes after the last record done with.
 */
export const startStreamMapping = (
  mapping: DeployedStreamMapping,
  options: StreamMappingOptions,
): SqsEventSource => {
  const { host, log, clock } = options;
  const trigger = `dynamodb ${mapping.streamArn}`;
  const stopping = new AbortController();
  const positions = new Map<string, ShardPosition>();
  const closedShards = new Set<string>();

  // Pacing, not time that records see: real timers, so a test's hand-moved clock does not stall the polling.
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      stopping.signal.addEventListener(
        'abort',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });

  const record = (entry: Omit<HandlerErrorEntry, 'time' | 'function' | 'trigger'>): void => {
    options
      .recordError({ function: host.functionName, trigger, ...entry })
      .catch((error: unknown) =>
        log.note(`could not record the error in handler-errors.jsonl: ${errorText(error)}`),
      );
  };

  const invoke = async (records: readonly DynamoDBRecord[]): Promise<InvocationOutcome> =>
    host.invoke({ Records: records }, { trigger });

  const noteFailed = (records: readonly DynamoDBRecord[], outcome: InvocationOutcome): void => {
    // A failed invocation is already counted and recorded by the host.
    if (!outcome.ok) return;
    host.counters.failedRecords += records.length;
    record({
      errorType: 'BatchItemFailures',
      errorMessage: `records from sequence number ${records[0]?.dynamodb?.SequenceNumber} failed`,
    });
  };

  const giveUp = (shardId: string) => async (givenUp: GivenUp) => {
    const failure = streamFailureRecord(
      givenUp,
      { functionArn: options.functionArn, streamArn: mapping.streamArn, shardId },
      new Date(clock.now()),
    );
    const range = `${failure.DDBStreamBatchInfo.startSequenceNumber}..${failure.DDBStreamBatchInfo.endSequenceNumber}`;
    const summary = `${givenUp.records.length} record(s) ${range} of shard ${shardId}: ${givenUp.condition}`;
    const destination = mapping.onFailureDestinationArn;
    if (destination === undefined) {
      log.note(`${summary}; discarded, as the mapping has no on-failure destination`);
      record({ errorType: 'StreamRecordsDiscarded', errorMessage: `${summary}; no on-failure destination` });
      return;
    }
    try {
      await sendToDestination(destination, failure);
      log.note(`${summary}; described to on-failure destination ${destination}`);
    } catch (error) {
      log.note(`${summary}; on-failure destination ${destination} refused it: ${errorText(error)}`);
      record({ errorType: 'StreamRecordsDiscarded', errorMessage: `${summary}; ${errorText(error)}` });
    }
  };

  const read = (iterator: string, wanted: number): Promise<GetRecordsCommandOutput> =>
    streams().send(
      new GetRecordsCommand({
        ShardIterator: iterator,
        Limit: Math.max(1, Math.min(maxRecordsPerRead, wanted)),
      }),
    );

  /**
   * Up to a batch of records: one read, or reads until the batching window closes or the batch is full; then one
   * more read at most when the batch ends between moto's two records of one item (a real key-only item has no
   * partner to wait for).
   */
  const gather = async (iterator: string) => {
    const records: StreamRecord[] = [];
    const windowEnds = Date.now() + mapping.maximumBatchingWindowSeconds * 1000;
    let next: string | undefined = iterator;
    let partnerRead = false;
    while (next !== undefined && !stopping.signal.aborted) {
      const { Records = [], NextShardIterator } = await read(next, mapping.batchSize - records.length);
      records.push(...Records);
      next = NextShardIterator;
      const done = records.length >= mapping.batchSize || Date.now() >= windowEnds;
      if (done && (partnerRead || !awaitsPartner(records))) break;
      partnerRead ||= done;
      if (Records.length === 0) await pause(pollIntervalMs);
    }
    return { records: withoutPhantomInserts(records), next };
  };

  const pollShard = async (shardId: string): Promise<void> => {
    let iterator = await shardIterator(
      mapping.streamArn,
      shardId,
      positions.get(shardId) ?? { type: mapping.startingPosition },
    );
    while (iterator !== undefined && !stopping.signal.aborted) {
      const { records, next } = await gather(iterator);
      if (records.length > 0) {
        await deliverStreamBatch(toDynamoDbStreamEvent(records, mapping.streamArn).Records, mapping, {
          invoke,
          giveUp: giveUp(shardId),
          failed: noteFailed,
          now: () => clock.now(),
          pauseBeforeRetry: () => pause(pollIntervalMs),
        });
        const last = records.at(-1)?.dynamodb?.SequenceNumber;
        if (last !== undefined)
          positions.set(shardId, { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: last });
      } else {
        await pause(pollIntervalMs);
      }
      iterator = next;
    }
    // A shard without a next iterator is closed: its records are all read, its children carry on.
    if (iterator === undefined) closedShards.add(shardId);
  };

  /** Polls one shard until it closes or the mapping stops, resuming after the last record done with on errors. */
  const pollShardUntilClosed = async (shardId: string): Promise<void> => {
    while (!stopping.signal.aborted && !closedShards.has(shardId)) {
      try {
        await pollShard(shardId);
      } catch (error) {
        if (stopping.signal.aborted || error instanceof ComputeStoppedError) return;
        log.note(`polling shard ${shardId} of ${mapping.streamArn} failed: ${errorText(error)}`);
        record({
          errorType: 'EventSourceError',
          errorMessage: `polling ${mapping.streamArn}: ${errorText(error)}`,
        });
        await pause(1000);
      }
    }
  };

  /**
   * Starts a poller for every shard not yet polled whose parent is done, as Lambda keeps an item's changes in
   * order across a shard's split.
   */
  const discoverShards = async (polled: Map<string, Promise<void>>): Promise<void> => {
    const { StreamDescription } = await streams().send(
      new DescribeStreamCommand({ StreamArn: mapping.streamArn }),
    );
    const shards = StreamDescription?.Shards ?? [];
    const described = new Set(shards.map(({ ShardId }) => ShardId));
    for (const { ShardId: shardId, ParentShardId: parent } of shards) {
      if (shardId === undefined || polled.has(shardId) || closedShards.has(shardId)) continue;
      if (parent !== undefined && described.has(parent) && !closedShards.has(parent)) continue;
      polled.set(
        shardId,
        pollShardUntilClosed(shardId).finally(() => polled.delete(shardId)),
      );
    }
  };

  const loop = async (): Promise<void> => {
    const polled = new Map<string, Promise<void>>();
    while (!stopping.signal.aborted) {
      try {
        await discoverShards(polled);
      } catch (error) {
        if (!stopping.signal.aborted) {
          log.note(`describing ${mapping.streamArn} failed: ${errorText(error)}`);
          record({
            errorType: 'EventSourceError',
            errorMessage: `describing ${mapping.streamArn}: ${errorText(error)}`,
          });
        }
      }
      await pause(shardDiscoveryIntervalMs);
    }
    await Promise.all(polled.values());
  };
  const running = loop();
  return {
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
};
