import { fileURLToPath } from 'node:url';
import { benchLine } from '@sec-an/local-platform/bench';
import { runCommand } from '@sec-an/local-platform/processes';

type Print = (line: string) => void;
type Mode = 'plan' | 'sort' | 'input';

interface Run {
  readonly milliseconds: number;
  readonly referenceMilliseconds: number;
  readonly maxRssBytes: number;
}

const runScript = fileURLToPath(new URL('./planning-run.ts', import.meta.url));

const measure = async (mode: Mode, addresses: number): Promise<Run> => {
  const result = await runCommand(process.execPath, ['--expose-gc', runScript, mode, String(addresses)], {
    timeoutMs: 600_000,
  });
  const line = result.output.split('\n').find((text) => text.startsWith('RESULT '));
  if (result.exitCode !== 0 || line === undefined) {
    throw new Error(`planning bench (${mode}, ${addresses}) failed:\n${result.output}`);
  }
  return JSON.parse(line.slice('RESULT '.length)) as Run;
};

const sizes = [10_000, 100_000, 1_000_000] as const;
const label = (n: number): string => `1e${Math.round(Math.log10(n))}`;
const megabytes = (bytes: number): number => bytes / 1_048_576;

/**
 * Planning (the spread and the scan-plan rows, not DynamoDB) for 10^4, 10^5 and 10^6 addresses: time against a
 * sort of the same addresses timed in turns with it, peak memory against a process that holds the same input and
 * sorts it, each size in processes of its own; and the growth from one size to the next against the linear
 * factor of 10. Memory growth counts what planning adds above the input.
 */
export const benchPlanning = async (print: Print): Promise<void> => {
  const runs = new Map<number, { plan: Run; sort: Run; input: Run }>();
  for (const n of sizes) {
    const [plan, sort, input] = [
      await measure('plan', n),
      await measure('sort', n),
      await measure('input', n),
    ];
    runs.set(n, { plan, sort, input });
    const id = label(n);
    print(
      benchLine({
        id: `planning.time.${id}`,
        value: plan.milliseconds,
        unit: 'ms',
        reference: { id: `planning.sort-addresses.${id}`, value: plan.referenceMilliseconds },
      }),
    );
    print(
      benchLine({
        id: `planning.peak-memory.${id}`,
        value: megabytes(plan.maxRssBytes),
        unit: 'MB',
        reference: { id: `planning.sort-addresses-peak-memory.${id}`, value: megabytes(sort.maxRssBytes) },
      }),
    );
  }
  const linear = { id: 'planning.linear-growth', value: 10 };
  for (const [smaller, larger] of [
    [10_000, 100_000],
    [100_000, 1_000_000],
  ] as const) {
    const [a, b] = [runs.get(smaller), runs.get(larger)];
    if (a === undefined || b === undefined) continue;
    const step = `${label(larger)}-over-${label(smaller)}`;
    print(
      benchLine({
        id: `planning.time-growth.${step}`,
        value: b.plan.milliseconds / a.plan.milliseconds,
        unit: 'x',
        reference: linear,
      }),
    );
    const added = (run: { plan: Run; input: Run }) =>
      Math.max(1, run.plan.maxRssBytes - run.input.maxRssBytes);
    print(
      benchLine({
        id: `planning.memory-growth.${step}`,
        value: added(b) / added(a),
        unit: 'x',
        reference: linear,
      }),
    );
  }
};
