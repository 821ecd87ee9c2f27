import type { PlanSettings } from './plan-settings.ts';

/** One plan: an ingest's addresses spread over one period that starts on a bucket boundary. */
export interface PlanPeriod {
  /** `<ingestId>@<period start ISO>` */
  readonly planId: string;
  readonly ingestId: string;
  /** Epoch milliseconds, a multiple of the bucket length. */
  readonly startsAt: number;
  /** Epoch milliseconds, the first moment after the period. */
  readonly endsAt: number;
  readonly buckets: number;
  readonly bucketMs: number;
}

export const planIdOf = (ingestId: string, startsAt: number): string =>
  `${ingestId}@${new Date(startsAt).toISOString()}`;

/**
 * The first bucket boundary after `now`. Boundaries are multiples of the bucket length since the epoch, so the
 * initiator's schedule, which ticks once per bucket length, ticks on them.
 */
export const nextBucketBoundary = (now: number, settings: PlanSettings): number => {
  const bucketMs = settings.bucketSeconds * 1000;
  return (Math.floor(now / bucketMs) + 1) * bucketMs;
};

/** The period of the plan of an ingest that starts at `startsAt` (a bucket boundary). */
export const planPeriod = (ingestId: string, startsAt: number, settings: PlanSettings): PlanPeriod => {
  const bucketMs = settings.bucketSeconds * 1000;
  if (!Number.isSafeInteger(startsAt) || startsAt % bucketMs !== 0) {
    throw new RangeError(
      `a plan starts on a bucket boundary (a multiple of ${bucketMs} ms), not at ${startsAt}`,
    );
  }
  return {
    planId: planIdOf(ingestId, startsAt),
    ingestId,
    startsAt,
    endsAt: startsAt + settings.periodSeconds * 1000,
    buckets: settings.buckets,
    bucketMs,
  };
};

/** The scan-plan table's partition of one bucket: `<planId>#<index, 5 digits>`; the initiator queries it. */
export const bucketKey = (planId: string, bucket: number): string =>
  `${planId}#${String(bucket).padStart(5, '0')}`;

/** The bucket that contains `at` (may be outside 0..buckets-1 when `at` is outside the period). */
export const bucketAt = (period: PlanPeriod, at: number): number =>
  Math.floor((at - period.startsAt) / period.bucketMs);
