import { parseReingestOptions, reingest, reingestReport, reingestUsage } from '../../reingest/index.ts';
import type { Command } from '../command.ts';
import { say } from '../output.ts';
import { useBackends } from '../target-backends.ts';

export const reingestCommand: Command = {
  name: 'reingest',
  summary: "replay a task's raw results of a time range through its deployed parser and report what changed",
  usage: reingestUsage,
  run: async (args) => {
    const options = parseReingestOptions(args, new Date());
    useBackends(options.backends);
    for (const line of reingestReport(await reingest(options))) say(line);
  },
};
