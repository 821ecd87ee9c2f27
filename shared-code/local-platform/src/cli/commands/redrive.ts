import { backendsEnvironment, backendsStatus, localBackendsConfig } from '../../backends/index.ts';
import { SetupError } from '../../errors/index.ts';
import {
  parseRedriveOptions,
  type RedriveBackends,
  redrive,
  redriveReport,
  redriveUsage,
} from '../../redrive/index.ts';
import { say } from '../output.ts';

/**
 * Points the AWS clients at the backends: the running local platform's moto, or, with --aws, whatever the AWS
 * SDK's own configuration says; either way only the environment differs, never the code that redrives.
 */
const useBackends = (backends: RedriveBackends): void => {
  if (backends.kind === 'aws') {
    process.env.SEC_AN_STAGE = backends.stage;
    return;
  }
  const status = backendsStatus(localBackendsConfig().instance);
  if (status === undefined) {
    throw new SetupError('the local platform is not running', 'start it with `./sec-an up`, or pass --aws');
  }
  Object.assign(process.env, backendsEnvironment(status.state));
};

export const redriveCommand = {
  name: 'redrive',
  summary: "send archived dead letters (or a dead-letter queue's messages) back to their queues; see --help",
  usage: redriveUsage,
  run: async (args: readonly string[]): Promise<void> => {
    const options = parseRedriveOptions(args, new Date());
    useBackends(options.backends);
    for (const line of redriveReport(await redrive(options))) say(line);
  },
};
