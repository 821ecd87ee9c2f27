import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import type { GivenUp, StreamGiveUpCondition } from './stream-delivery.ts';

/** What Lambda sends a stream mapping's on-failure destination: where the records are, not the records. */
export interface StreamFailureRecord {
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: StreamGiveUpCondition;
    readonly approximateInvokeCount: number;
  };
  readonly responseContext?: {
    readonly statusCode: 200;
    readonly executedVersion: '$LATEST';
    readonly functionError?: 'Unhandled';
  };
  readonly version: '1.0';
  readonly timestamp: string;
  readonly DDBStreamBatchInfo: {
    readonly shardId: string;
    readonly startSequenceNumber: string;
    readonly endSequenceNumber: string;
    readonly approximateArrivalOfFirstRecord: string;
    readonly approximateArrivalOfLastRecord: string;
    readonly batchSize: number;
    readonly streamArn: string;
  };
}

/** Lambda writes these times to the second. */
const arrival = (record: DynamoDBRecord | undefined): string =>
  new Date((record?.dynamodb?.ApproximateCreationDateTime ?? 0) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');

/** The on-failure record of records given up on; a function that failed is reported as Lambda reports it. */
export const streamFailureRecord = (
  givenUp: GivenUp,
  where: { readonly functionArn: string; readonly streamArn: string; readonly shardId: string },
  time: Date,
): StreamFailureRecord => {
  const first = givenUp.records[0];
  const last = givenUp.records.at(-1);
  const outcome = givenUp.lastOutcome;
  return {
    requestContext: {
      requestId: outcome?.requestId ?? randomUUID(),
      functionArn: where.functionArn,
      condition: givenUp.condition,
      approximateInvokeCount: givenUp.invocations,
    },
    ...(outcome === undefined
      ? {}
      : {
          responseContext: {
            statusCode: 200,
            executedVersion: '$LATEST',
            ...(outcome.ok ? {} : { functionError: 'Unhandled' as const }),
          },
        }),
    version: '1.0',
    timestamp: time.toISOString(),
    DDBStreamBatchInfo: {
      shardId: where.shardId,
      startSequenceNumber: first?.dynamodb?.SequenceNumber ?? '',
      endSequenceNumber: last?.dynamodb?.SequenceNumber ?? '',
      approximateArrivalOfFirstRecord: arrival(first),
      approximateArrivalOfLastRecord: arrival(last),
      batchSize: givenUp.records.length,
      streamArn: where.streamArn,
    },
  };
};
