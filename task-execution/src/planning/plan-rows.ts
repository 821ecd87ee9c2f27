import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { bucketKey, type PlanPeriod } from './plan-period.ts';
import { plannedRequestId } from './request-id.ts';
import type { Placement } from './spread.ts';

export type Item = Record<string, AttributeValue>;

/** Rows outlive their period by one more, so the initiator and a person can still look at yesterday's plan. */
export const planExpiresAt = (period: PlanPeriod): number =>
  Math.floor((2 * period.endsAt - period.startsAt) / 1000);

/**
 * The scan-plan row of one placement, in the table model's attributes. Written as DynamoDB values directly:
 * a million of them are built per plan, and no attribute needs the general marshaller.
 */
export const scanPlanItem = (
  period: PlanPeriod,
  placement: Placement,
  hosts: readonly string[],
  expiresAt: number,
): Item => ({
  bucket: { S: bucketKey(period.planId, placement.bucket) },
  address: { S: placement.address },
  plannedAt: { N: String(placement.plannedAt) },
  requestId: { S: plannedRequestId(period.planId, placement.address) },
  // DynamoDB refuses an empty set; an address reached by no name is still scanned, by its address.
  ...(hosts.length === 0 ? {} : { hosts: { SS: [...hosts] } }),
  status: { S: 'planned' },
  expiresAt: { N: String(expiresAt) },
});

/** The rows of a plan, built from its placements and each address's hosts. */
export const scanPlanItems = (
  period: PlanPeriod,
  placements: readonly Placement[],
  hostsOf: (address: string) => readonly string[],
): Item[] => {
  const expiresAt = planExpiresAt(period);
  return placements.map((placement) =>
    scanPlanItem(period, placement, hostsOf(placement.address), expiresAt),
  );
};
