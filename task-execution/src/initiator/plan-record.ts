import { PermanentError } from '@sec-an/runtime/errors';
import { z } from 'zod';

/**
 * A plan as the initiator reads it from `scan-plans`. `initiatedThrough` is the last bucket index sent and
 * marked; absent until the first bucket is.
 */
const planRecordSchema = z.object({
  planId: z.string().min(1),
  ingestId: z.string().min(1),
  startsAt: z.number().int(),
  periodSeconds: z.number().int().positive(),
  buckets: z.number().int().positive(),
  status: z.enum(['writing', 'ready']),
  initiatedThrough: z.number().int().min(-1).optional(),
});

export type PlanRecord = Readonly<z.output<typeof planRecordSchema>>;

/** A plan row the initiator cannot follow: someone wrote it by hand, or the planner and this code disagree. */
export class MalformedPlanError extends PermanentError {}

export const parsePlanRecord = (item: Record<string, unknown>): PlanRecord => {
  const parsed = planRecordSchema.safeParse(item);
  if (!parsed.success) {
    throw new MalformedPlanError(
      `scan-plans row ${String(item.planId)} is not a plan the initiator can follow: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
};

export const bucketLengthMs = (plan: PlanRecord): number => (plan.periodSeconds * 1000) / plan.buckets;

export const periodEndsAt = (plan: PlanRecord): number => plan.startsAt + plan.periodSeconds * 1000;

/** The index of the bucket holding `now`; below 0 before the period, `buckets` or more after it. */
export const bucketIndexAt = (plan: PlanRecord, now: number): number =>
  Math.floor((now - plan.startsAt) / bucketLengthMs(plan));

/** The last bucket that is due at `now`: the one holding it, or the plan's last once the period is over. */
export const lastDueBucket = (plan: PlanRecord, now: number): number =>
  Math.min(bucketIndexAt(plan, now), plan.buckets - 1);

/** The first bucket not yet sent. */
export const nextBucket = (plan: PlanRecord): number => (plan.initiatedThrough ?? -1) + 1;
