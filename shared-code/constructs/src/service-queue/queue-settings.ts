/** Queue timings, computed apart from the construct so that they are tested as plain functions. */
export interface QueueTimingProps {
  /** Timeout of the function that consumes the queue. Default: 30 s. */
  readonly consumerTimeoutSeconds?: number;
  /** Batching window of the consumer's event source mapping. Default: 0 s. */
  readonly consumerBatchingWindowSeconds?: number;
  /** How many receives before a message moves to the dead-letter queue. Default: 5. */
  readonly maxReceiveCount?: number;
  /** How long an unconsumed message is kept. Default: 4 days. */
  readonly retentionPeriodSeconds?: number;
  /** How long a dead letter is kept; the recorder archives it long before. Default: 14 days (the maximum). */
  readonly deadLetterRetentionPeriodSeconds?: number;
  /** Delay of every message (a delay queue). Default: 0 s. */
  readonly deliveryDelaySeconds?: number;
}

export const defaultQueueTiming = {
  consumerTimeoutSeconds: 30,
  consumerBatchingWindowSeconds: 0,
  maxReceiveCount: 5,
  retentionPeriodSeconds: 4 * 24 * 3600,
  deadLetterRetentionPeriodSeconds: 14 * 24 * 3600,
  deliveryDelaySeconds: 0,
} as const;

const maxVisibilityTimeoutSeconds = 12 * 3600;

/**
 * Six times the consumer's timeout plus its batching window (AWS's guidance for Lambda consumers), so that a
 * batch whose invocation is throttled and retried is not received again while it is still being worked on.
 */
export const visibilityTimeoutFor = (consumerTimeoutSeconds: number, batchingWindowSeconds: number): number =>
  Math.min(6 * consumerTimeoutSeconds + batchingWindowSeconds, maxVisibilityTimeoutSeconds);

const inRange = (name: string, value: number, min: number, max: number): string[] =>
  Number.isInteger(value) && value >= min && value <= max
    ? []
    : [`${name} must be an integer in ${min}..${max}`];

export const validateQueueTiming = (props: QueueTimingProps): string[] => {
  const timing = { ...defaultQueueTiming, ...props };
  return [
    ...inRange('consumerTimeoutSeconds', timing.consumerTimeoutSeconds, 1, 900),
    ...inRange('consumerBatchingWindowSeconds', timing.consumerBatchingWindowSeconds, 0, 300),
    ...inRange('maxReceiveCount', timing.maxReceiveCount, 1, 1000),
    ...inRange('retentionPeriodSeconds', timing.retentionPeriodSeconds, 60, 1_209_600),
    ...inRange('deadLetterRetentionPeriodSeconds', timing.deadLetterRetentionPeriodSeconds, 60, 1_209_600),
    ...inRange('deliveryDelaySeconds', timing.deliveryDelaySeconds, 0, 900),
  ];
};
