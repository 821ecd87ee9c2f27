import type { AttributeValue, WriteRequest } from '@aws-sdk/client-dynamodb';
import { chunks } from './concurrently.ts';
import { batchWriteSize } from './dynamodb-limits.ts';
import { bucketKey, type PlanPeriod } from './plan-period.ts';
import { plannedRequestId } from './request-id.ts';
import type { Placement } from './spread.ts';

export type Item = Record<string, AttributeValue>;

/** Rows outlive their period by one more, so the initiator and a person can still look at yesterday's plan. */
export const planExpiresAt = (period: PlanPeriod): number =>
  Math.floor((2 * period.endsAt - period.startsAt) / 1000);

/**
 * Builds the plan's scan-plan rows in the table model's attributes. Written as DynamoDB values directly, and
 * the values every row of a bucket or of the plan has in common are shared (they are never changed): a million
 * rows are built per plan, and fewer objects is most of what makes that fast.
 */
export const scanPlanItemBuilder = (period: PlanPeriod) => {
  const bucketKeys = Array.from({ length: period.buckets }, (_, bucket) => ({
    S: bucketKey(period.planId, bucket),
  }));
  const planned = { S: 'planned' };
  const expiresAt = { N: String(planExpiresAt(period)) };
  return (placement: Placement, hosts: readonly string[]): Item => ({
    bucket: bucketKeys[placement.bucket] ?? { S: bucketKey(period.planId, placement.bucket) },
    address: { S: placement.address },
    plannedAt: { N: String(placement.plannedAt) },
    requestId: { S: plannedRequestId(period.planId, placement.address) },
    // DynamoDB refuses an empty set; an address reached by no name is still scanned, by its address.
    ...(hosts.length === 0 ? {} : { hosts: { SS: hosts as string[] } }),
    status: planned,
    expiresAt,
  });
};

/**
 * The plan's rows as BatchWriteItem puts, in batches made one at a time as they are taken: the writer sends each
 * before the next is built.
 */
export const scanPlanWrites = (
  period: PlanPeriod,
  placements: readonly Placement[],
  hostsOf: (address: string) => readonly string[],
): Generator<WriteRequest[]> => {
  const item = scanPlanItemBuilder(period);
  return chunks(placements, batchWriteSize, (placement) => ({
    PutRequest: { Item: item(placement, hostsOf(placement.address)) },
  }));
};
