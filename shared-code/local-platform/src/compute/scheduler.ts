import type { Clock } from './clock.ts';
import type { ScheduleExpression } from './schedule-expression.ts';

/** setTimeout's own limit; a longer wait is taken in steps. */
const maxTimerDelayMs = 2_147_483_647;

export interface RunningSchedule {
  stop(): void;
}

/**
 * Fires a schedule at each of its times until stopped. Times missed while the machine slept are not caught up,
 * as EventBridge does not: after a late firing, the next is the first one still ahead.
 */
export const runSchedule = (
  expression: ScheduleExpression,
  fire: (at: number) => void,
  clock: Clock,
): RunningSchedule => {
  let cancel: (() => void) | undefined;
  let stopped = false;
  const arm = (after: number): void => {
    const at = expression.next(after);
    if (at === undefined) return;
    const wait = (): void => {
      const delay = at - clock.now();
      if (delay > maxTimerDelayMs) {
        cancel = clock.setTimer(maxTimerDelayMs, wait);
        return;
      }
      cancel = clock.setTimer(Math.max(0, delay), () => {
        if (stopped) return;
        fire(at);
        arm(Math.max(at, clock.now()));
      });
    };
    wait();
  };
  arm(clock.now());
  return {
    stop: () => {
      stopped = true;
      cancel?.();
    },
  };
};
