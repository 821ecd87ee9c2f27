export interface ConsumeOptions {
  /** Records per invocation. Default: 10. */
  readonly batchSize?: number;
  /** How long to gather records before invoking. Default: 0 s. */
  readonly maximumBatchingWindowSeconds?: number;
  /** Concurrent invocations the queue may drive (2..1000), which protects what the function writes to. Default: 5. */
  readonly maximumConcurrency?: number;
}

export const defaultConsumeOptions = {
  batchSize: 10,
  maximumBatchingWindowSeconds: 0,
  maximumConcurrency: 5,
} as const;

export const validateConsumeOptions = (options: ConsumeOptions): string[] => {
  const resolved = { ...defaultConsumeOptions, ...options };
  const errors: string[] = [];
  if (!Number.isInteger(resolved.batchSize) || resolved.batchSize < 1 || resolved.batchSize > 10_000) {
    errors.push('batchSize must be an integer in 1..10000');
  }
  if (resolved.batchSize > 10 && resolved.maximumBatchingWindowSeconds < 1) {
    errors.push('a batchSize over 10 needs a maximumBatchingWindowSeconds of at least 1 (a Lambda rule)');
  }
  if (resolved.maximumBatchingWindowSeconds < 0 || resolved.maximumBatchingWindowSeconds > 300) {
    errors.push('maximumBatchingWindowSeconds must be in 0..300');
  }
  if (resolved.maximumConcurrency < 2 || resolved.maximumConcurrency > 1000) {
    errors.push('maximumConcurrency must be in 2..1000');
  }
  return errors;
};
