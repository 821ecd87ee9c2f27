import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localBackendsConfig } from '../../backends/index.ts';
import { logFileOf } from '../../compute/index.ts';
import { SetupError } from '../../errors/index.ts';
import { instanceDir } from '../../paths/index.ts';
import { readDeployment } from '../../platform/index.ts';
import { parseArguments, positiveInteger } from '../arguments.ts';
import type { Command } from '../command.ts';
import { say } from '../output.ts';

const tail = (file: string, lines: number): string[] =>
  existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines) : [];

const defaultLines = 40;

/** The command's options; a mistake is a UsageError. */
export const parseLogsArguments = (args: readonly string[]) => {
  const { values, positionals } = parseArguments(
    args,
    { lines: { type: 'string' } },
    { name: 'function name', min: 0, max: 1 },
  );
  return {
    lines: values.lines === undefined ? defaultLines : positiveInteger('lines', values.lines),
    ...(positionals[0] === undefined ? {} : { wanted: positionals[0] }),
  };
};

export const logsCommand: Command = {
  name: 'logs',
  summary: "the platform log, or a function's log: `logs [function] [--lines N]` (a name suffix is enough)",
  usage: `usage: ./sec-an logs [function] [--lines N]

Without a function: the last lines of the local platform's runner log, and the names of the deployed functions.
With one: the last lines of that function's log; the end of its name is enough (e.g. ingest).

  --lines N   how many lines (default ${defaultLines})
  --help      this text`,
  run: async (args) => {
    const { lines, wanted } = parseLogsArguments(args);
    const { instance } = localBackendsConfig();
    const stateDir = instanceDir(instance);
    const functions = (readDeployment(instance)?.functions ?? []).map(({ functionName }) => functionName);
    if (wanted === undefined) {
      for (const line of tail(join(stateDir, 'platform.log'), lines)) say(line);
      say();
      say(`functions: ${functions.join(', ') || 'none deployed'}`);
      return;
    }
    const matches = functions.filter((name) => name === wanted || name.endsWith(wanted));
    if (matches.length !== 1) {
      throw new SetupError(
        `${matches.length === 0 ? 'no' : 'more than one'} function matches "${wanted}"`,
        `name one of: ${functions.join(', ') || '(none deployed: run ./sec-an up)'}`,
      );
    }
    for (const line of tail(logFileOf(stateDir, matches[0] as string), lines)) say(line);
  },
};
