import { ConfigurationError } from '@sec-an/runtime/errors';
import type { SqsDelivery } from '@sec-an/runtime/sns';
import { taskVariables } from '@sec-an/task-execution/task-runtime';
import { readScanInput } from './scan-input.ts';
import { scanJobOf } from './scan-job.ts';
import { defaultScanSettings, type ScanSettings } from './scan-settings.ts';
import {
  type ScanTlsEndpointOptions,
  type StoredObservations,
  scanTlsEndpoint,
} from './scan-tls-endpoint.ts';

/** Kept from the function's remaining time for writing the raw object once the scans have ended. */
export const writeReserveMs = 15_000;

export interface HandleRecordOptions extends Partial<Omit<ScanTlsEndpointOptions, 'deadline'>> {
  /** What is left of the invocation (the Lambda context's `getRemainingTimeInMillis()`). */
  readonly remainingTimeMs: number;
  readonly environment?: NodeJS.ProcessEnv;
  readonly settings?: ScanSettings;
  readonly now?: () => number;
}

const resultsBucketOf = (environment: NodeJS.ProcessEnv): string => {
  const bucket = environment[taskVariables.resultsBucket];
  if (bucket === undefined || bucket === '') {
    throw new ConfigurationError(
      `${taskVariables.resultsBucket} is not set: the Task construct gives it to the scan function`,
    );
  }
  return bucket;
};

/**
 * One queue record, as the scan function handles it: the message (a port finding or a direct request), its
 * endpoint, the scans within the invocation's time, the raw object. A message that can never be scanned throws a
 * permanent error naming why, which the SQS handler dead-letters.
 */
export const handleTlsScanRecord = async (
  delivery: SqsDelivery,
  options: HandleRecordOptions,
): Promise<StoredObservations> => {
  const job = scanJobOf(await readScanInput(delivery));
  const now = options.now ?? Date.now;
  return scanTlsEndpoint(job, {
    ...options,
    resultsBucket: options.resultsBucket ?? resultsBucketOf(options.environment ?? process.env),
    settings: options.settings ?? defaultScanSettings,
    deadline: now() + options.remainingTimeMs - writeReserveMs,
  });
};
