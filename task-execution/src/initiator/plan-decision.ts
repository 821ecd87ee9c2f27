import { bucketIndexAt, type PlanRecord } from './plan-record.ts';

/** The latest DNS ingest that completed: what a new plan is made from. */
export interface CompleteIngest {
  readonly ingestId: string;
  readonly endedAt: number;
}

export type PlanReason = 'no-plan' | 'newer-ingest' | 'period-ending';

/**
 * Why a new plan is due, or undefined when the current one stands. A plan is made when there is none, when an
 * ingest completed after the one the current plan was made from, or when the current plan is in its last
 * bucket: a new plan starts at the next bucket boundary, so planning one bucket early makes the next period
 * begin as this one ends, with no bucket unplanned in between.
 */
export const planReason = (
  current: PlanRecord | undefined,
  latest: CompleteIngest | undefined,
  now: number,
): PlanReason | undefined => {
  if (latest === undefined) return undefined;
  if (current === undefined) return 'no-plan';
  if (latest.ingestId !== current.ingestId) return 'newer-ingest';
  if (bucketIndexAt(current, now) >= current.buckets - 1) return 'period-ending';
  return undefined;
};
