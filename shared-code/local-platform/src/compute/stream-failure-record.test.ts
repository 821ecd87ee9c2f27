import { describe, expect, it } from '@jest/globals';
import { streamFailureRecord } from './stream-failure-record.ts';

const streamArn = 'arn:aws:dynamodb:eu-west-2:123456789012:table/hosts/stream/2026-11-21T10:00:00.000';
const where = {
  functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:sync',
  streamArn,
  shardId: 'shardId-00000001541626099285-f35f62ef',
};
const records = [7, 8].map((n) => ({
  dynamodb: { SequenceNumber: `110000000001745442300${n}`, ApproximateCreationDateTime: 1_795_255_200 + n },
}));

describe('the on-failure record of a stream mapping', () => {
  it('says where the records are and how the function failed, as Lambda does', () => {
    const time = new Date('2026-11-21T10:05:00.000Z');
    const failure = streamFailureRecord(
      {
        records,
        condition: 'RetryAttemptsExhausted',
        invocations: 4,
        lastOutcome: {
          ok: false,
          requestId: 'req-1',
          error: { errorType: 'Error', errorMessage: 'x', trace: [] },
        },
      },
      where,
      time,
    );
    expect(failure).toEqual({
      requestContext: {
        requestId: 'req-1',
        functionArn: where.functionArn,
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 4,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-11-21T10:05:00.000Z',
      DDBStreamBatchInfo: {
        shardId: where.shardId,
        startSequenceNumber: '1100000000017454423007',
        endSequenceNumber: '1100000000017454423008',
        approximateArrivalOfFirstRecord: '2026-11-21T10:00:07Z',
        approximateArrivalOfLastRecord: '2026-11-21T10:00:08Z',
        batchSize: 2,
        streamArn,
      },
    });
  });

  it('has no response for records given up on before any invocation, nor a function error for reported failures', () => {
    const aged = streamFailureRecord(
      { records, condition: 'RecordAgeExceeded', invocations: 0 },
      where,
      new Date(),
    );
    expect(aged).not.toHaveProperty('responseContext');
    expect(aged.requestContext.approximateInvokeCount).toBe(0);
    const reported = streamFailureRecord(
      {
        records,
        condition: 'RetryAttemptsExhausted',
        invocations: 1,
        lastOutcome: { ok: true, requestId: 'r', payload: {} },
      },
      where,
      new Date(),
    );
    expect(reported.responseContext).toEqual({ statusCode: 200, executedVersion: '$LATEST' });
  });
});
