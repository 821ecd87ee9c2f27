/**
 * One measurement of the planning bench, in a process of its own so that its peak memory is its own:
 * `node --expose-gc planning-run.ts <plan|sort|input> <addresses>` prints
 * `RESULT {"milliseconds", "referenceMilliseconds", "maxRssBytes"}`.
 * - plan: the spread of the addresses over a day, and the scan-plan rows built from it in the batches the plan
 *   writer sends (each dropped once built, as the writer drops it once sent), timed in turns with the
 *   reference, a sorted copy of the same addresses, so that both see the same load of the machine;
 * - sort: the reference alone, for its peak memory;
 * - input: nothing beyond building the input, the memory every run starts from.
 */
import { planPeriod, scanPlanWrites, spreadAddresses, validatePlanSettings } from '../planning/index.ts';
import { syntheticAddresses } from '../planning/test-estates.ts';

const [mode, countText] = process.argv.slice(2);
const count = Number(countText);
const period = planPeriod(
  'bench-ingest',
  Date.UTC(2026, 10, 21),
  validatePlanSettings({ periodSeconds: '86400', buckets: '96' }),
);

const addresses = syntheticAddresses(count);
const hosts = new Map(addresses.map((address, i) => [address, [`host-${i}.example.com`]]));

const plan = (): unknown => {
  let rows = 0;
  const placements = spreadAddresses(addresses, period);
  for (const batch of scanPlanWrites(period, placements, (address) => hosts.get(address) ?? [])) {
    rows += batch.length;
  }
  return rows === placements.length ? placements : undefined;
};
const sort = (): unknown => [...addresses].sort();

const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const timed = (work: () => unknown): number => {
  collect();
  const start = process.hrtime.bigint();
  // Kept until timed, so the work cannot be optimised away or collected half-way.
  const result = work();
  const milliseconds = Number(process.hrtime.bigint() - start) / 1e6;
  if (result === null) throw new Error('unreachable');
  return milliseconds;
};
const median = (values: number[]): number => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * One unmeasured round warms the JIT; the figure is the median of the rounds, enough of them that a small size
 * is timed for about as long as a large one, since the machine's other work weighs most on short runs.
 */
const rounds = (works: readonly (() => unknown)[]): number[] => {
  for (const work of works) timed(work);
  const times = works.map(() => [] as number[]);
  const count = Math.max(3, Math.round(300_000 / addresses.length));
  for (let round = 0; round < count; round += 1) {
    for (const [i, work] of works.entries()) times[i]?.push(timed(work));
  }
  return times.map(median);
};

const measured: Record<string, () => number[]> = {
  plan: () => rounds([plan, sort]),
  sort: () => rounds([sort]),
  input: () => [0],
};
const measure = measured[mode ?? ''];
if (measure === undefined || !Number.isSafeInteger(count)) {
  throw new Error(
    `usage: planning-run.ts <${Object.keys(measured).join('|')}> <addresses>, not ${process.argv.slice(2)}`,
  );
}
const [milliseconds, referenceMilliseconds = milliseconds] = measure();
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`RESULT ${JSON.stringify({ milliseconds, referenceMilliseconds, maxRssBytes })}\n`);
