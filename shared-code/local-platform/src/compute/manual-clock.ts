import type { Clock } from './clock.ts';

/** A clock that moves only when told, firing the timers it passes in order. */
export class ManualClock implements Clock {
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
