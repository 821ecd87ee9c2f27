import { describe, expect, it } from '@jest/globals';
import { ComputeError } from './compute-error.ts';
import { parseScheduleExpression } from './schedule-expression.ts';

const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number | undefined): string | undefined =>
  ms === undefined ? undefined : new Date(ms).toISOString();

/** The next `count` firings after `from`. */
const firings = (expression: string, from: string, count: number, startedAt = at(from)): string[] => {
  const schedule = parseScheduleExpression(expression, startedAt);
  const result: string[] = [];
  let after = at(from);
  for (let i = 0; i < count; i += 1) {
    const next = schedule.next(after);
    if (next === undefined) break;
    result.push(new Date(next).toISOString());
    after = next;
  }
  return result;
};

describe('rate expressions', () => {
  it.each([
    ['rate(1 minute)', ['2025-01-01T00:01:00.000Z', '2025-01-01T00:02:00.000Z']],
    ['rate(5 minutes)', ['2025-01-01T00:05:00.000Z', '2025-01-01T00:10:00.000Z']],
    ['rate(1 hour)', ['2025-01-01T01:00:00.000Z', '2025-01-01T02:00:00.000Z']],
    ['rate(2 hours)', ['2025-01-01T02:00:00.000Z', '2025-01-01T04:00:00.000Z']],
    ['rate(1 day)', ['2025-01-02T00:00:00.000Z', '2025-01-03T00:00:00.000Z']],
    ['rate(7 days)', ['2025-01-08T00:00:00.000Z', '2025-01-15T00:00:00.000Z']],
  ])('%s fires a period after the rule starts, then every period', (expression, expected) => {
    expect(firings(expression, '2025-01-01T00:00:00Z', 2)).toEqual(expected);
  });

  it('keeps to the periods counted from the start, whenever it is asked', () => {
    const schedule = parseScheduleExpression('rate(10 minutes)', at('2025-01-01T00:00:00Z'));
    expect(iso(schedule.next(at('2025-01-01T00:17:30Z')))).toBe('2025-01-01T00:20:00.000Z');
    expect(iso(schedule.next(at('2025-01-01T00:20:00Z')))).toBe('2025-01-01T00:30:00.000Z');
  });

  it.each([
    ['rate(0 minutes)'],
    ['rate(5 weeks)'],
    ['rate(minutes)'],
    ['rate(-1 hours)'],
    ['rate(1.5 hours)'],
  ])('refuses %s', (expression) => {
    expect(() => parseScheduleExpression(expression, 0)).toThrow(ComputeError);
  });
});

describe('cron expressions', () => {
  it('fires at the minute and hour given, in UTC, with ? for the day not given', () => {
    expect(firings('cron(15 10 * * ? *)', '2025-01-01T00:00:00Z', 2)).toEqual([
      '2025-01-01T10:15:00.000Z',
      '2025-01-02T10:15:00.000Z',
    ]);
  });

  it('counts week days from 1 for Sunday, as EventBridge does', () => {
    // 2025-01-01 is a Wednesday: Monday to Friday are 2-6.
    expect(firings('cron(0 8 ? * 2-6 *)', '2025-01-03T09:00:00Z', 3)).toEqual([
      '2025-01-06T08:00:00.000Z',
      '2025-01-07T08:00:00.000Z',
      '2025-01-08T08:00:00.000Z',
    ]);
    expect(firings('cron(0 8 ? * 1 *)', '2025-01-01T00:00:00Z', 1)).toEqual(['2025-01-05T08:00:00.000Z']);
    expect(firings('cron(0 8 ? * 7 *)', '2025-01-01T00:00:00Z', 1)).toEqual(['2025-01-04T08:00:00.000Z']);
  });

  it('reads week day names, lists and the nth week day', () => {
    expect(firings('cron(0 12 ? * MON,FRI *)', '2025-01-01T00:00:00Z', 2)).toEqual([
      '2025-01-03T12:00:00.000Z',
      '2025-01-06T12:00:00.000Z',
    ]);
    // The first Monday (2) of the month.
    expect(firings('cron(0 0 ? * 2#1 *)', '2025-01-01T00:00:00Z', 2)).toEqual([
      '2025-01-06T00:00:00.000Z',
      '2025-02-03T00:00:00.000Z',
    ]);
  });

  it('reads steps and the last day of the month', () => {
    expect(firings('cron(0/15 * * * ? *)', '2025-01-01T00:00:00Z', 3)).toEqual([
      '2025-01-01T00:15:00.000Z',
      '2025-01-01T00:30:00.000Z',
      '2025-01-01T00:45:00.000Z',
    ]);
    expect(firings('cron(0 0 L * ? *)', '2025-01-01T00:00:00Z', 2)).toEqual([
      '2025-01-31T00:00:00.000Z',
      '2025-02-28T00:00:00.000Z',
    ]);
  });

  it('keeps to the years of the year field', () => {
    expect(firings('cron(0 0 1 1 ? 2027,2029)', '2025-06-01T00:00:00Z', 3)).toEqual([
      '2027-01-01T00:00:00.000Z',
      '2029-01-01T00:00:00.000Z',
    ]);
    expect(firings('cron(0 0 1 1 ? 2026-2030/2)', '2025-06-01T00:00:00Z', 5)).toEqual([
      '2026-01-01T00:00:00.000Z',
      '2028-01-01T00:00:00.000Z',
      '2030-01-01T00:00:00.000Z',
    ]);
  });

  it('never fires again once its years are past', () => {
    expect(
      parseScheduleExpression('cron(0 0 * * ? 2020)', 0).next(at('2025-01-01T00:00:00Z')),
    ).toBeUndefined();
  });

  it.each([['cron(0 0 * * ?)'], ['cron(0 0 * * ? * *)'], ['cron(0 0 * * ? 20x5)'], ['cron(99 0 * * ? *)']])(
    'refuses %s, naming it',
    (expression) => {
      expect(() => parseScheduleExpression(expression, 0)).toThrow(ComputeError);
      expect(() => parseScheduleExpression(expression, 0)).toThrow(expression);
    },
  );
});

it('refuses an expression that is neither a rate nor a cron', () => {
  expect(() => parseScheduleExpression('at(2025-01-01T00:00:00)', 0)).toThrow(
    'is neither rate(...) nor cron(...)',
  );
});
