/** Time as the schedules and the asynchronous retries see it; tests give one they move by hand. */
export interface Clock {
  now(): number;
  /** Calls `fire` after `delayMs`; the returned function cancels it. */
  setTimer(delayMs: number, fire: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer: (delayMs, fire) => {
    const timer = setTimeout(fire, delayMs);
    return () => clearTimeout(timer);
  },
};
