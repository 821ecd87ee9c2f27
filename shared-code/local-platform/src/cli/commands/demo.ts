import {
  backendsEnvironment,
  localBackendsConfig,
  type RunningBackends,
  startBackends,
  stopBackends,
} from '../../backends/index.ts';
import { demoEstateLayout } from '../../demo-estate/index.ts';
import { SetupError } from '../../errors/index.ts';
import { type MainJob, runMainJob, summaryReport, Teardown } from '../../main-job/index.ts';
import { estateDirectory } from '../../main-job/main-job.ts';
import { instanceDir } from '../../paths/index.ts';
import { readRunnerRecord } from '../../platform/platform-files.ts';
import { isRunning } from '../../processes/index.ts';
import { setupLocalPlatform } from '../../setup/index.ts';
import { parseArguments } from '../arguments.ts';
import type { Command } from '../command.ts';
import { say, seconds } from '../output.ts';
import { describeStartup } from './up.ts';

const demoUsage = `usage: ./sec-an demo [--continuous]

The main job. Sets up what is missing, starts moto and OpenSearch, starts a demo estate of real services on
loopback addresses (TLS servers of three qualities, one certificate about to expire and one for the wrong name,
an HTTP server, SSH and SMTP banners, an empty address), deploys every project to the backends with the estate as
its scan scope and a plan compressed to two minutes, names the estate in a Route53 zone, runs the DNS ingest and
the initiator, and watches the scans until every address has its results in OpenSearch. Then it prints a summary
(hosts, open ports and services, TLS grades and profile failures, certificates to look at, changes, dead letters,
ready-made queries) and the time it took, and stops everything it started.

  --continuous   keep the platform, the estate and the backends running: every two minutes the plan scans the
                 estate again, and each cycle's changes are printed; Ctrl-C stops everything
  --help         this text`;

/** A second platform on the same backends would take the same queues' messages. */
const refuseWhilePlatformRuns = (instance: string): void => {
  const runner = readRunnerRecord(instance);
  if (runner !== undefined && isRunning(runner)) {
    throw new SetupError(
      'the platform started by `./sec-an up` is running on these backends',
      'stop it with `./sec-an down` first',
    );
  }
};

const stopOnInterrupt = (teardown: Teardown): void => {
  const stop = (): void => {
    say('\ninterrupted: stopping the estate, the platform and the backends');
    void teardown
      .run((name, error) => console.error(`could not stop ${name}: ${String(error)}`))
      .finally(() => process.exit(130));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

/** Cycle after cycle until interrupted: each one's scans, and the changes they found. */
const runContinuously = async (job: MainJob): Promise<never> => {
  say('continuous  the plan scans the estate again every cycle; Ctrl-C stops everything');
  for (;;) {
    const since = Date.now();
    await job.nextCycle(since);
    const changes = (await job.summary()).changes.filter((change) => Date.parse(change.at) >= since);
    say(`cycle       done: ${changes.length} change(s)`);
    for (const change of changes) {
      say(
        `  ${change.change} ${change.task} ${change.type} ${change.label} ${change.field ?? ''} ${change.before ?? ''} ${change.after ?? ''}`.trimEnd(),
      );
    }
  }
};

export const demoCommand: Command = {
  name: 'demo',
  summary: 'the main job: a demo estate scanned through the whole local platform, then a summary',
  usage: demoUsage,
  run: async (args) => {
    const continuous = parseArguments(args, { continuous: { type: 'boolean' } }).values.continuous === true;
    const began = performance.now();
    const config = localBackendsConfig();
    refuseWhilePlatformRuns(config.instance);
    const setup = await setupLocalPlatform();
    say(`setup       ${setup.moto}, ${setup.openSearch} in ${seconds(setup.tookMs)}`);
    const teardown = new Teardown();
    stopOnInterrupt(teardown);
    teardown.add('the backends', () => stopBackends(config.instance));
    const backends: RunningBackends = await startBackends(config);
    describeStartup(backends);
    Object.assign(process.env, backendsEnvironment(backends), {
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    try {
      const job = await runMainJob({
        instance: config.instance,
        backends,
        layout: demoEstateLayout(),
        estateDir: estateDirectory(instanceDir(config.instance)),
        teardown,
        say,
      });
      say();
      for (const line of summaryReport(await job.summary(), backends.openSearchEndpoint)) say(line);
      say();
      say(`main job    from the command's start to this summary in ${seconds(performance.now() - began)}`);
      if (continuous) await runContinuously(job);
    } finally {
      const stopped = await teardown.run((name, error) =>
        console.error(`could not stop ${name}: ${String(error)}`),
      );
      say(`stopped     ${stopped.join(', ')}`);
    }
  },
};
