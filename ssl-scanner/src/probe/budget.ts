/** A per-endpoint time budget shared by every connection of a scan; each connection also has its own cap. */
export interface Budget {
  /** Milliseconds the next connection may take, or 0 once the budget is spent. */
  readonly nextConnectionMs: () => number;
  readonly spent: () => boolean;
}

export const budget = (
  totalMs: number,
  perConnectionMs: number,
  now: () => number = performance.now.bind(performance),
): Budget => {
  const deadline = now() + totalMs;
  const left = (): number => Math.max(0, deadline - now());
  return {
    nextConnectionMs: () => Math.min(perConnectionMs, left()),
    spent: () => left() <= 0,
  };
};

/** Runs tasks with at most `limit` at once, in order of start. */
export const boundedAll = async <T>(limit: number, tasks: readonly (() => Promise<T>)[]): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      const task = tasks[index];
      if (task !== undefined) results[index] = await task();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
};
