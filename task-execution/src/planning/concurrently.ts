/**
 * Runs `work` on every item, `concurrency` at a time, taking items from the iterable only as workers free up (so
 * a generator's items are made one at a time, not all up front). The first failure stops new work from starting
 * and is thrown once the running work has ended, so nothing is left running behind the caller's back.
 */
export const forEachConcurrently = async <T>(
  items: Iterable<T>,
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  const source = items[Symbol.iterator]();
  let failure: { readonly error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined) {
      const next = source.next();
      if (next.done === true) return;
      try {
        await work(next.value);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  if (failure !== undefined) throw failure.error;
};

/** The items in consecutive slices of `size`, each made when it is asked for. */
export function* chunks<T, R = T>(
  items: readonly T[],
  size: number,
  map: (item: T) => R = (item) => item as unknown as R,
): Generator<R[]> {
  for (let start = 0; start < items.length; start += size) {
    yield items.slice(start, start + size).map(map);
  }
}
