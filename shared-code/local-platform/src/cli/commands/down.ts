import { localBackendsConfig, stopBackends } from '../../backends/index.ts';
import { stopRunner } from '../../platform/index.ts';
import { parseArguments } from '../arguments.ts';
import type { Command } from '../command.ts';
import { say } from '../output.ts';

export const downCommand: Command = {
  name: 'down',
  summary: 'stop the platform and the backends that `up` started',
  usage: `usage: ./sec-an down

Stops the platform's runner and every function process it started, then OpenSearch and moto. Nothing to stop is
not an error.

  --help   this text`,
  run: async (args) => {
    parseArguments(args, {});
    const { instance } = localBackendsConfig();
    const runner = await stopRunner(instance);
    const backends = await stopBackends(instance);
    say(runner || backends ? 'stopped the platform, moto and OpenSearch' : 'nothing was running');
  },
};
