import {
  backendsEnvironment,
  localBackendsConfig,
  type RunningBackends,
  startBackends,
  stopBackends,
} from '../../backends/index.ts';
import { setupLocalPlatform } from '../../setup/index.ts';
import { runSmokeFlow, type SmokeReport } from '../../smoke/index.ts';
import { parseArguments } from '../arguments.ts';
import type { Command } from '../command.ts';
import { say, seconds } from '../output.ts';
import { describeStartup } from './up.ts';

const describeSmoke = (report: SmokeReport): void => {
  say(`SSM         a producer published ${report.parameter}; the consumer read the topic from it`);
  say(
    `SNS         published ${report.published} scan requests (contract scan-request v1) with message attributes`,
  );
  say(`SQS         unfiltered subscription received ${report.delivered.unfiltered}`);
  say(`SQS         subscription filtered on origin=on-demand received ${report.delivered.onDemandOnly}`);
  say(`handler     consumed both queues through the local event source (middy, partial batch responses)`);
  const origins = Object.entries(report.indexedByOrigin).map(([origin, count]) => `${origin}=${count}`);
  say(`OpenSearch  indexed ${report.indexed} documents; terms aggregation by origin: ${origins.join(', ')}`);
};

const stopOnInterrupt = (instance: string): void => {
  process.once('SIGINT', () => {
    say('\ninterrupted: stopping the backends');
    void stopBackends(instance).finally(() => process.exit(130));
  });
};

const demoUsage = `usage: ./sec-an demo [--keep]

The main job: sets up what the local platform needs, starts moto and OpenSearch, runs the smoke flow through
them, prints what happened, and stops them again.

  --keep   leave the backends running afterwards (\`./sec-an down\` stops them)
  --help   this text`;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'the main job: bring the local backends up, run the smoke flow through them, print it, stop them',
  usage: demoUsage,
  run: async (args) => {
    const keep = parseArguments(args, { keep: { type: 'boolean' } }).values.keep === true;
    const setup = await setupLocalPlatform();
    say(`setup       ${setup.moto}, ${setup.openSearch} in ${seconds(setup.tookMs)}`);
    const config = localBackendsConfig();
    stopOnInterrupt(config.instance);
    const backends: RunningBackends = await startBackends(config);
    try {
      describeStartup(backends);
      Object.assign(process.env, backendsEnvironment(backends), {
        POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
        POWERTOOLS_METRICS_DISABLED: 'true',
      });
      describeSmoke(await runSmokeFlow(backends.openSearchEndpoint));
    } finally {
      if (!keep) {
        await stopBackends(config.instance);
        say('stopped     moto and OpenSearch');
      }
    }
    if (keep) say('kept        the backends run on; `./sec-an down` stops them');
  },
};
