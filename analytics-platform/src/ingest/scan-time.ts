/**
 * The version a snapshot document is written with: its scan's end in epoch milliseconds. With `external_gte`
 * the store itself refuses an older scan's write over a newer one, whatever order they arrive in.
 */
export const scanVersion = (endedAt: string): number => Date.parse(endedAt);
