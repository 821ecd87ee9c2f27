import { benchAwsRequests } from './aws-requests.ts';
import { benchPlanning } from './planning.ts';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** The task-execution benches, in order; each prints its own BENCH lines. */
const benches: readonly ((out: typeof print) => Promise<void>)[] = [benchPlanning, benchAwsRequests];

for (const bench of benches) await bench(print);
