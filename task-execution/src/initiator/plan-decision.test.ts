import { describe, expect, it } from '@jest/globals';
import { planReason } from './plan-decision.ts';
import type { PlanRecord } from './plan-record.ts';

const minute = 60_000;
const startsAt = Date.parse('2026-11-21T00:00:00.000Z');
const plan: PlanRecord = {
  planId: `ingest-1@${new Date(startsAt).toISOString()}`,
  ingestId: 'ingest-1',
  startsAt,
  periodSeconds: 3600,
  buckets: 4,
  status: 'ready',
  initiatedThrough: 1,
};
const sameIngest = { ingestId: 'ingest-1', endedAt: startsAt - minute };

describe('when to plan', () => {
  it('plans when there is no plan yet, once an ingest has completed', () => {
    expect(planReason(undefined, sameIngest, startsAt)).toBe('no-plan');
    expect(planReason(undefined, undefined, startsAt)).toBeUndefined();
  });

  it('keeps the current plan while its ingest is the latest and its last bucket has not begun', () => {
    expect(planReason(plan, sameIngest, startsAt - minute)).toBeUndefined();
    expect(planReason(plan, sameIngest, startsAt + 45 * minute - 1)).toBeUndefined();
  });

  it('plans the next period during the last bucket, so that it starts as this one ends', () => {
    expect(planReason(plan, sameIngest, startsAt + 45 * minute)).toBe('period-ending');
    expect(planReason(plan, sameIngest, startsAt + 3 * 60 * minute)).toBe('period-ending');
  });

  it('plans from an ingest newer than the one the current plan was made from', () => {
    const newer = { ingestId: 'ingest-2', endedAt: startsAt + 10 * minute };
    expect(planReason(plan, newer, startsAt + 10 * minute)).toBe('newer-ingest');
  });

  it('keeps the current plan when no ingest has completed, whatever the time', () => {
    expect(planReason(plan, undefined, startsAt + 3 * 60 * minute)).toBeUndefined();
  });
});
