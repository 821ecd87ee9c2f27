import { runCommand } from '@sec-an/local-platform/processes';

export interface MeasuredRun {
  readonly seconds: number;
  /** The child's peak resident set, as the kernel counts it (getrusage of the waited-for child). */
  readonly peakRssBytes: number;
  readonly output: string;
}

/**
 * Python's getrusage(RUSAGE_CHILDREN) gives a finished child's peak memory, which Node cannot; both the parser and
 * xmllint are measured through the same wrapper, so neither is favoured.
 */
const wrapper = [
  'import resource, subprocess, sys, time',
  'start = time.perf_counter()',
  'done = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)',
  'seconds = time.perf_counter() - start',
  'sys.stdout.write(done.stdout.decode("utf-8", "replace"))',
  'sys.stdout.write("\\nMEASURED %f %d %d\\n" % (seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode))',
].join('\n');

export const measuredRun = async (command: string, args: readonly string[]): Promise<MeasuredRun> => {
  const result = await runCommand('python3', ['-c', wrapper, command, ...args], { timeoutMs: 1_800_000 });
  const match = /\nMEASURED (\S+) (\d+) (-?\d+)\n$/.exec(result.output);
  if (match === null || match[3] !== '0')
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.output}`);
  return {
    seconds: Number(match[1]),
    peakRssBytes: Number(match[2]) * 1024,
    output: result.output.slice(0, match.index),
  };
};
