import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localBackendsConfig } from '../../backends/index.ts';
import { logFileOf } from '../../compute/index.ts';
import { SetupError } from '../../errors/index.ts';
import { instanceDir } from '../../paths/index.ts';
import { readDeployment } from '../../platform/index.ts';
import { say } from '../output.ts';

const tail = (file: string, lines: number): string[] =>
  existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines) : [];

const linesOption = (args: readonly string[]): number => {
  const index = args.indexOf('--lines');
  if (index === -1) return 40;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1)
    throw new SetupError('--lines needs a positive whole number', 'e.g. --lines 100');
  return value;
};

export const logsCommand = {
  name: 'logs',
  summary: "the platform log, or a function's log: `logs [function] [--lines N]` (a name suffix is enough)",
  run: async (args: readonly string[]): Promise<void> => {
    const { instance } = localBackendsConfig();
    const stateDir = instanceDir(instance);
    const lines = linesOption(args);
    const [wanted] = args.filter((arg, index) => !arg.startsWith('--') && args[index - 1] !== '--lines');
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
