import { ConfigurationError } from '@sec-an/runtime/errors';
import {
  type ParameterAddress,
  parameterName,
  type ReadOptions,
  readParameter,
} from '@sec-an/runtime/parameters';

/** `/{app}/{stage}/task-execution/scan-plan/period-seconds`: how long one plan lasts. */
export const planPeriodParameter = {
  project: 'task-execution',
  thing: 'scan-plan',
  attribute: 'period-seconds',
} as const satisfies ParameterAddress;

/** `/{app}/{stage}/task-execution/scan-plan/buckets`: how many buckets a period is cut into. */
export const planBucketsParameter = {
  project: 'task-execution',
  thing: 'scan-plan',
  attribute: 'buckets',
} as const satisfies ParameterAddress;

/** A day of 96 quarter-hours: what the stack deploys unless its settings say otherwise. */
export const defaultPlanSettings = { periodSeconds: 86_400, buckets: 96 } as const;

/** A bucket's scans are sent to the delay queue when the bucket starts, so it cannot outlast SQS's delay. */
export const maxBucketSeconds = 900;
/** The initiator runs once per bucket; a shorter bucket would run it more often than is worth paying for. */
export const minBucketSeconds = 60;
/** Bucket indices are written with five digits in the scan-plan table's partition key. */
export const maxBuckets = 100_000;

export interface PlanSettings {
  readonly periodSeconds: number;
  readonly buckets: number;
  readonly bucketSeconds: number;
}

/** The two parameters' raw values, as SSM holds them. */
export interface RawPlanSettings {
  readonly periodSeconds: string;
  readonly buckets: string;
}

const wholeNumber = (address: ParameterAddress, value: string, what: string): number => {
  if (!/^[1-9]\d{0,14}$/.test(value)) {
    throw new ConfigurationError(
      `SSM parameter ${parameterName(address)} holds "${value}": it must be a whole number of ${what}`,
    );
  }
  return Number(value);
};

/** Validates the values; each fault is a ConfigurationError naming the parameter and the value at fault. */
export const validatePlanSettings = (raw: RawPlanSettings): PlanSettings => {
  const periodSeconds = wholeNumber(planPeriodParameter, raw.periodSeconds, 'seconds');
  const buckets = wholeNumber(planBucketsParameter, raw.buckets, 'buckets');
  if (buckets > maxBuckets) {
    throw new ConfigurationError(
      `SSM parameter ${parameterName(planBucketsParameter)} holds "${raw.buckets}": at most ${maxBuckets} buckets`,
    );
  }
  const bucketSeconds = periodSeconds / buckets;
  if (
    !Number.isInteger(bucketSeconds) ||
    bucketSeconds < minBucketSeconds ||
    bucketSeconds > maxBucketSeconds
  ) {
    throw new ConfigurationError(
      `SSM parameters ${parameterName(planPeriodParameter)} = "${raw.periodSeconds}" and ` +
        `${parameterName(planBucketsParameter)} = "${raw.buckets}" give buckets of ${Number(bucketSeconds.toFixed(3))} s: ` +
        `a bucket must be a whole number of seconds from ${minBucketSeconds} to ${maxBucketSeconds} (SQS's longest delay)`,
    );
  }
  return { periodSeconds, buckets, bucketSeconds };
};

/**
 * The plan settings now, through the short parameter cache. The stack always creates both parameters, so a
 * missing one is a ConfigurationError as well, rather than a silent default.
 */
export const readPlanSettings = async (options: ReadOptions = {}): Promise<PlanSettings> => {
  const [periodSeconds, buckets] = await Promise.all([
    readParameter(planPeriodParameter, options),
    readParameter(planBucketsParameter, options),
  ]);
  return validatePlanSettings({ periodSeconds, buckets });
};
