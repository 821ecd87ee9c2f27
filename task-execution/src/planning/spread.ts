import type { PlanPeriod } from './plan-period.ts';
import { seededRandom } from './seeded-random.ts';

/** When one address is scanned: its bucket and its moment (epoch ms) inside the bucket. */
export interface Placement {
  readonly address: string;
  readonly bucket: number;
  readonly plannedAt: number;
}

/** Sorted and without repeats: the order a table scan returns must not change the plan. */
const canonical = (addresses: readonly string[]): string[] => {
  const sorted = [...addresses].sort();
  let kept = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[kept++] = sorted[i] as string;
  }
  sorted.length = kept;
  return sorted;
};

const shuffle = (items: string[], random: () => number): void => {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    const item = items[i] as string;
    items[i] = items[j] as string;
    items[j] = item;
  }
};

/**
 * Spreads the addresses over the period: shuffled by a generator seeded with the plan id, the i-th of N goes to
 * bucket floor(i * B / N), so bucket counts differ by at most one and a small estate covers the whole period
 * (the predecessor dealt addresses round-robin from the first bucket, piling small estates into the first
 * hour), at a uniformly random moment inside its bucket. The same addresses and period always give the same
 * placements.
 */
export const spreadAddresses = (addresses: readonly string[], period: PlanPeriod): Placement[] => {
  const random = seededRandom(period.planId);
  const order = canonical(addresses);
  shuffle(order, random);
  const count = order.length;
  const placements = new Array<Placement>(count);
  for (let i = 0; i < count; i += 1) {
    const bucket = Math.floor((i * period.buckets) / count);
    const offset = Math.floor(random() * period.bucketMs);
    placements[i] = {
      address: order[i] as string,
      bucket,
      plannedAt: period.startsAt + bucket * period.bucketMs + offset,
    };
  }
  return placements;
};
