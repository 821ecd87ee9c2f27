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
