import type { IConstruct } from '../cdktf/index.ts';

/** Something whose change stream a function can consume: a DynamoDB table with its stream enabled. */
export interface StreamSource extends IConstruct {
  readonly streamArn: string;
}

export type StreamStartingPosition = 'TRIM_HORIZON' | 'LATEST';

export interface StreamConsumeOptions {
  /** Records per invocation (1..10000). Default: 100, Lambda's. */
  readonly batchSize?: number;
  /** How long to gather records before invoking (0..300 s). Default: 0 s. */
  readonly maximumBatchingWindowSeconds?: number;
  /** Where a new mapping starts reading. Default: TRIM_HORIZON, so nothing the stream still holds is skipped. */
  readonly startingPosition?: StreamStartingPosition;
  /** Split a batch whose invocation failed in two, isolating a bad record without spending retries. Default: true. */
  readonly bisectBatchOnFunctionError?: boolean;
  /**
   * Retries of a failing record before it goes to the on-failure destination (0..10000). Default: 5. Lambda's own
   * default, infinite, would hold its shard until the record expires a day later; that is refused.
   */
  readonly maximumRetryAttempts?: number;
  /** Records older than this go to the on-failure destination unprocessed (60..604800 s). Default: none. */
  readonly maximumRecordAgeSeconds?: number;
  /** Concurrent batches per shard (1..10); records of one item stay in order. Default: 1. */
  readonly parallelizationFactor?: number;
}

export const defaultStreamConsumeOptions = {
  batchSize: 100,
  maximumBatchingWindowSeconds: 0,
  startingPosition: 'TRIM_HORIZON',
  bisectBatchOnFunctionError: true,
  maximumRetryAttempts: 5,
  parallelizationFactor: 1,
} as const satisfies StreamConsumeOptions;

const integerIn = (name: string, value: number | undefined, min: number, max: number): string[] =>
  value === undefined || (Number.isInteger(value) && value >= min && value <= max)
    ? []
    : [`${name} must be an integer in ${min}..${max}`];

export const validateStreamConsumeOptions = (options: StreamConsumeOptions): string[] => [
  ...integerIn('batchSize', options.batchSize, 1, 10_000),
  ...integerIn('maximumBatchingWindowSeconds', options.maximumBatchingWindowSeconds, 0, 300),
  ...integerIn('maximumRetryAttempts', options.maximumRetryAttempts, 0, 10_000),
  ...integerIn('maximumRecordAgeSeconds', options.maximumRecordAgeSeconds, 60, 604_800),
  ...integerIn('parallelizationFactor', options.parallelizationFactor, 1, 10),
  ...(options.startingPosition === undefined || ['TRIM_HORIZON', 'LATEST'].includes(options.startingPosition)
    ? []
    : ['startingPosition must be TRIM_HORIZON or LATEST']),
];

/** What a function needs to read a DynamoDB stream, on that stream only. */
export const streamReadActions = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:ListStreams',
];
