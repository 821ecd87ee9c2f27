import { describe, expect, it } from '@jest/globals';
import {
  bucketAt,
  bucketKey,
  nextBucketBoundary,
  planIdOf,
  planPeriod,
  validatePlanSettings,
} from './index.ts';

const day = validatePlanSettings({ periodSeconds: '86400', buckets: '96' });
const midnight = Date.UTC(2026, 10, 21);

describe('the plan period', () => {
  it('starts at the next bucket boundary, a multiple of the bucket length since the epoch', () => {
    expect(nextBucketBoundary(midnight + 1, day)).toBe(midnight + 900_000);
    expect(nextBucketBoundary(midnight + 899_999, day)).toBe(midnight + 900_000);
    expect(nextBucketBoundary(midnight, day)).toBe(midnight + 900_000);
    const fiveMinutes = validatePlanSettings({ periodSeconds: '3600', buckets: '12' });
    expect(nextBucketBoundary(Date.UTC(2026, 10, 21, 10, 7, 30), fiveMinutes)).toBe(
      Date.UTC(2026, 10, 21, 10, 10),
    );
  });

  it('is named after its ingest and start, and lasts one period', () => {
    const period = planPeriod('ingest-7', midnight + 900_000, day);
    expect(period).toEqual({
      planId: 'ingest-7@2026-11-21T00:15:00.000Z',
      ingestId: 'ingest-7',
      startsAt: midnight + 900_000,
      endsAt: midnight + 900_000 + 86_400_000,
      buckets: 96,
      bucketMs: 900_000,
    });
    expect(planIdOf('ingest-7', midnight)).toBe('ingest-7@2026-11-21T00:00:00.000Z');
  });

  it('refuses a start between boundaries', () => {
    expect(() => planPeriod('ingest-7', midnight + 1, day)).toThrow(
      /bucket boundary \(a multiple of 900000 ms\)/,
    );
  });

  it('numbers buckets from its start and keys them with five digits', () => {
    const period = planPeriod('ingest-7', midnight, day);
    expect(bucketAt(period, midnight)).toBe(0);
    expect(bucketAt(period, midnight + 899_999)).toBe(0);
    expect(bucketAt(period, midnight + 86_399_999)).toBe(95);
    expect(bucketAt(period, midnight - 1)).toBe(-1);
    expect(bucketKey(period.planId, 7)).toBe('ingest-7@2026-11-21T00:00:00.000Z#00007');
  });
});
