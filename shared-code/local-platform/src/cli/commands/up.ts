import { localBackendsConfig, type RunningBackends, startBackends } from '../../backends/index.ts';
import { startRunner } from '../../platform/index.ts';
import { setupLocalPlatform } from '../../setup/index.ts';
import { parseArguments } from '../arguments.ts';
import type { Command } from '../command.ts';
import { stopPlatformOnInterrupt } from '../interrupt.ts';
import { say, seconds } from '../output.ts';

export const describeStartup = (backends: RunningBackends): void => {
  say(`moto        ${backends.motoEndpoint}  ready in ${seconds(backends.startup.motoMs)}`);
  say(`OpenSearch  ${backends.openSearchEndpoint}  ready in ${seconds(backends.startup.openSearchMs)}`);
};

export const upCommand: Command = {
  name: 'up',
  summary: 'start the backends, deploy every project to them and run its functions (stop with `down`)',
  usage: `usage: ./sec-an up

Sets up what is missing, starts moto and OpenSearch, synthesizes every project, applies its stacks to moto in
deploy order and runs its functions, schedules and tasks in a background runner. It returns once the platform is
ready; \`./sec-an status\` shows it, \`./sec-an down\` stops it.

  --help   this text`,
  run: async (args) => {
    parseArguments(args, {});
    const began = performance.now();
    await setupLocalPlatform();
    const config = localBackendsConfig();
    stopPlatformOnInterrupt(config.instance);
    const backends = await startBackends(config);
    describeStartup(backends);
    await startRunner({ instance: config.instance, onLine: say, timeoutMs: config.readyTimeoutMs * 2 });
    say(
      `up in ${seconds(performance.now() - began)}; \`./sec-an status\` shows queues and errors, \`./sec-an down\` stops it`,
    );
  },
};
