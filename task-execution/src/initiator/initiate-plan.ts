import { bucketKey } from '../planning/index.ts';
import { type BucketContext, type BucketOutcome, initiateBucket } from './initiate-bucket.ts';
import { lastDueBucket, nextBucket, type PlanRecord } from './plan-record.ts';
import { advanceCursor } from './plans-table.ts';

export interface PlanContext extends BucketContext {
  readonly scanPlansTable: string;
}

/** What one run did with one plan's due buckets. */
export interface PlanInitiation {
  readonly planId: string;
  readonly buckets: readonly BucketOutcome[];
  /** The cursor after the run: the last bucket whose every due scan is queued or will never be. */
  readonly initiatedThrough: number;
}

/**
 * Sends every bucket from the one after the cursor to the one holding now. The cursor moves past a bucket only
 * once nothing in it waits to be sent again, so a failed send is retried by the next run; the buckets after it
 * are still sent on time, and the next run's Query of them finds nothing left planned.
 */
export const initiatePlan = async (plan: PlanRecord, context: PlanContext): Promise<PlanInitiation> => {
  const outcomes: BucketOutcome[] = [];
  let initiatedThrough = nextBucket(plan) - 1;
  const through = lastDueBucket(plan, context.now());
  for (let index = nextBucket(plan); index <= through; index += 1) {
    const outcome = await initiateBucket(bucketKey(plan.planId, index), context);
    outcomes.push(outcome);
    if (initiatedThrough === index - 1 && outcome.retryable.length === 0) {
      await advanceCursor(context.scanPlansTable, plan.planId, index);
      initiatedThrough = index;
    }
  }
  return { planId: plan.planId, buckets: outcomes, initiatedThrough };
};
