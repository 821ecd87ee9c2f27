import { describe, expect, it } from '@jest/globals';
import type { Clock } from './clock.ts';
import { parseScheduleExpression } from './schedule-expression.ts';
import { runSchedule } from './scheduler.ts';

/** A clock that moves only when told, firing the timers it passes in order. */
class ManualClock implements Clock {
  #now: number;
  #timers: { at: number; fire: () => void; cancelled: boolean }[] = [];

  constructor(now: number) {
    this.#now = now;
  }

  now(): number {
    return this.#now;
  }

  get pendingTimers(): number {
    return this.#timers.filter((timer) => !timer.cancelled).length;
  }

  setTimer(delayMs: number, fire: () => void): () => void {
    const timer = { at: this.#now + delayMs, fire, cancelled: false };
    this.#timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Moves time forward, each timer firing on time. */
  advanceTo(iso: string): void {
    this.#runUntil(Date.parse(iso), false);
  }

  /** Jumps to a later time at once, as after the machine slept: the timers due fire late, all at that time. */
  wakeAt(iso: string): void {
    this.#runUntil(Date.parse(iso), true);
  }

  #runUntil(target: number, late: boolean): void {
    if (late) this.#now = target;
    for (;;) {
      const due = this.#timers
        .filter((timer) => !timer.cancelled && timer.at <= target)
        .sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.#timers = this.#timers.filter((timer) => timer !== due);
      if (!late) this.#now = due.at;
      due.fire();
    }
    this.#now = target;
  }
}

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
