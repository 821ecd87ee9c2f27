import { SetupError } from '../../errors/index.ts';
import { parseRedriveOptions, redrive, redriveReport, redriveUsage } from '../../redrive/index.ts';
import type { Command } from '../command.ts';
import { say } from '../output.ts';
import { useBackends } from '../target-backends.ts';
import { UsageError } from '../usage-error.ts';

/** redrive's own parser says what to fix and points at --help; the command line prints the usage itself. */
const parseOptions = (args: readonly string[]) => {
  try {
    return parseRedriveOptions(args, new Date());
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    throw new UsageError(error.message.slice(0, error.message.length - error.remedy.length - 2));
  }
};

export const redriveCommand: Command = {
  name: 'redrive',
  summary: "send archived dead letters (or a dead-letter queue's messages) back to their queues; see --help",
  usage: redriveUsage,
  run: async (args) => {
    const options = parseOptions(args);
    useBackends(options.backends);
    for (const line of redriveReport(await redrive(options))) say(line);
  },
};
