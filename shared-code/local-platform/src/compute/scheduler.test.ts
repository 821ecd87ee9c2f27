import { describe, expect, it } from '@jest/globals';
import { ManualClock } from './manual-clock.ts';
import { parseScheduleExpression } from './schedule-expression.ts';
import { runSchedule } from './scheduler.ts';

const start = Date.parse('2025-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

describe('running a schedule', () => {
  it('fires at each time of its expression', () => {
    const clock = new ManualClock(start);
    const fired: string[] = [];
    runSchedule(parseScheduleExpression('rate(5 minutes)', start), (at) => fired.push(iso(at)), clock);
    clock.advanceTo('2025-01-01T00:16:00Z');
    expect(fired).toEqual([
      '2025-01-01T00:05:00.000Z',
      '2025-01-01T00:10:00.000Z',
      '2025-01-01T00:15:00.000Z',
    ]);
  });

  it('does not catch up on firings missed while the machine slept', () => {
    const clock = new ManualClock(start);
    const fired: string[] = [];
    runSchedule(parseScheduleExpression('rate(1 minute)', start), (at) => fired.push(iso(at)), clock);
    clock.advanceTo('2025-01-01T00:01:30Z');
    clock.wakeAt('2025-01-01T01:00:30Z');
    clock.advanceTo('2025-01-01T01:01:00Z');
    // The firing that was due fires once, late; the next is the first still ahead, not the 58 in between.
    expect(fired).toEqual([
      '2025-01-01T00:01:00.000Z',
      '2025-01-01T00:02:00.000Z',
      '2025-01-01T01:01:00.000Z',
    ]);
  });

  it('waits in steps for a firing beyond the longest timer', () => {
    const clock = new ManualClock(start);
    const fired: string[] = [];
    runSchedule(parseScheduleExpression('cron(0 0 1 1 ? 2026)', start), (at) => fired.push(iso(at)), clock);
    clock.advanceTo('2025-12-31T23:59:59Z');
    expect(fired).toEqual([]);
    clock.advanceTo('2026-01-01T00:00:00Z');
    expect(fired).toEqual(['2026-01-01T00:00:00.000Z']);
    expect(clock.pendingTimers).toBe(0);
  });

  it('fires no more once stopped and leaves no timer behind', () => {
    const clock = new ManualClock(start);
    const fired: number[] = [];
    const running = runSchedule(
      parseScheduleExpression('rate(1 minute)', start),
      (at) => fired.push(at),
      clock,
    );
    clock.advanceTo('2025-01-01T00:01:30Z');
    running.stop();
    clock.advanceTo('2025-01-01T00:10:00Z');
    expect(fired).toHaveLength(1);
    expect(clock.pendingTimers).toBe(0);
  });
});
