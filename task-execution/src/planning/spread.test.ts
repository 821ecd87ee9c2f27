import { describe, expect, it } from '@jest/globals';
import { bucketAt, type Placement, planPeriod, spreadAddresses, validatePlanSettings } from './index.ts';
import { syntheticAddresses } from './test-estates.ts';
import {
  chiSquareCritical19,
  chiSquareUniform,
  ksCriticalValue,
  ksUniformStatistic,
} from './test-statistics.ts';

const day = validatePlanSettings({ periodSeconds: '86400', buckets: '96' });
// 2026-11-21T00:00:00Z, a bucket boundary.
const startsAt = Date.UTC(2026, 10, 21);
const period = planPeriod('ingest-1', startsAt, day);
const periodMs = period.endsAt - period.startsAt;

const positionsInPeriod = (placements: readonly Placement[]) =>
  placements.map(({ plannedAt }) => (plannedAt - startsAt) / periodMs);
const positionsInBuckets = (placements: readonly Placement[]) =>
  placements.map(
    ({ plannedAt, bucket }) => (plannedAt - startsAt - bucket * period.bucketMs) / period.bucketMs,
  );

/** The predecessor's scheduler: addresses dealt round-robin from the first bucket, in the order they came. */
const roundRobin2019 = (addresses: readonly string[]): Placement[] =>
  addresses.map((address, i) => {
    const bucket = i % period.buckets;
    return { address, bucket, plannedAt: startsAt + bucket * period.bucketMs + period.bucketMs / 2 };
  });

const bucketCounts = (placements: readonly Placement[]) => {
  const counts = new Array<number>(period.buckets).fill(0);
  for (const { bucket } of placements) counts[bucket] = (counts[bucket] ?? 0) + 1;
  return counts;
};

describe.each([1, 7, 96, 1_000, 100_000])('spreading %i addresses over a day of 96 buckets', (n) => {
  const addresses = syntheticAddresses(n);
  const placements = spreadAddresses(addresses, period);

  it('plans every address exactly once', () => {
    expect(placements).toHaveLength(n);
    expect(new Set(placements.map(({ address }) => address))).toEqual(new Set(addresses));
  });

  it('plans each inside the period, inside its own bucket', () => {
    const misplaced = placements.filter(
      ({ plannedAt, bucket }) =>
        !Number.isInteger(plannedAt) ||
        plannedAt < period.startsAt ||
        plannedAt >= period.endsAt ||
        bucketAt(period, plannedAt) !== bucket,
    );
    expect(misplaced).toEqual([]);
  });

  it('keeps bucket counts within one of each other', () => {
    const counts = bucketCounts(placements);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    expect(Math.max(...counts)).toBe(Math.ceil(n / period.buckets));
  });

  it('spreads the moments over the whole period (Kolmogorov-Smirnov, 0.1 %)', () => {
    expect(ksUniformStatistic(positionsInPeriod(placements))).toBeLessThan(ksCriticalValue);
  });

  it('gives the same plan whatever order the addresses come in', () => {
    const reversed = spreadAddresses([...addresses].reverse(), period);
    const lines = (list: readonly Placement[]) =>
      list
        .map(({ address, bucket, plannedAt }) => `${address} ${bucket} ${plannedAt}`)
        .sort()
        .join('\n');
    expect(lines(reversed)).toBe(lines(placements));
  });
});

describe('the spread', () => {
  it('spaces a small estate across the day, where the 2019 scheduler piled it into the first buckets', () => {
    const addresses = syntheticAddresses(7);
    const used = spreadAddresses(addresses, period)
      .map(({ bucket }) => bucket)
      .sort((a, b) => a - b);
    expect(used[0]).toBe(0);
    // 96 / 7 buckets apart: 13 or 14.
    for (let i = 1; i < used.length; i += 1) {
      expect((used[i] as number) - (used[i - 1] as number)).toBeGreaterThanOrEqual(13);
      expect((used[i] as number) - (used[i - 1] as number)).toBeLessThanOrEqual(14);
    }
    expect(ksUniformStatistic(positionsInPeriod(roundRobin2019(addresses)))).toBeGreaterThan(ksCriticalValue);
  });

  it('places moments uniformly inside buckets (Kolmogorov-Smirnov and chi-square, 0.1 %)', () => {
    const inBuckets = positionsInBuckets(spreadAddresses(syntheticAddresses(100_000), period));
    expect(ksUniformStatistic(inBuckets)).toBeLessThan(ksCriticalValue);
    expect(chiSquareUniform(inBuckets, 20)).toBeLessThan(chiSquareCritical19);
    // The tests can tell: a scheduler that puts every scan at a bucket's middle fails both.
    const middles = positionsInBuckets(roundRobin2019(syntheticAddresses(1_000)));
    expect(ksUniformStatistic(middles)).toBeGreaterThan(ksCriticalValue);
    expect(chiSquareUniform(middles, 20)).toBeGreaterThan(chiSquareCritical19);
  });

  it('stays uniform inside buckets plan after plan (20 fixed plan ids of 1,000 addresses)', () => {
    const addresses = syntheticAddresses(1_000);
    for (let plan = 0; plan < 20; plan += 1) {
      const next = planPeriod(`ingest-${plan}`, startsAt + plan * periodMs, day);
      const inBuckets = spreadAddresses(addresses, next).map(
        ({ plannedAt, bucket }) => (plannedAt - next.startsAt - bucket * next.bucketMs) / next.bucketMs,
      );
      expect(ksUniformStatistic(inBuckets)).toBeLessThan(ksCriticalValue);
    }
  });

  it('does not keep the addresses in their order: which bucket an address gets is unrelated to its rank', () => {
    const n = 100_000;
    const placements = spreadAddresses(syntheticAddresses(n), period);
    const rank = new Map([...syntheticAddresses(n)].sort().map((address, i) => [address, i]));
    // Pearson correlation of rank and bucket; |r| < 4 / sqrt(n) unless the order leaks through.
    const ranks = placements.map(({ address }) => rank.get(address) ?? Number.NaN);
    const buckets = placements.map(({ bucket }) => bucket);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const [mr, mb] = [mean(ranks), mean(buckets)];
    let [sxy, sxx, syy] = [0, 0, 0];
    for (let i = 0; i < n; i += 1) {
      const [dx, dy] = [(ranks[i] as number) - mr, (buckets[i] as number) - mb];
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(4 / Math.sqrt(n));
  });

  it('gives another plan another spread, and drops repeated addresses', () => {
    const addresses = syntheticAddresses(96);
    const other = planPeriod('ingest-2', startsAt, day);
    const at = (list: readonly Placement[]) =>
      new Map(list.map(({ address, plannedAt }) => [address, plannedAt]));
    expect(at(spreadAddresses(addresses, other))).not.toEqual(at(spreadAddresses(addresses, period)));
    expect(spreadAddresses([...addresses, ...addresses], period)).toEqual(spreadAddresses(addresses, period));
  });

  it('plans nothing for no addresses', () => {
    expect(spreadAddresses([], period)).toEqual([]);
  });
});
