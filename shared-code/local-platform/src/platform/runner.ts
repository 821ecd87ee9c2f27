import { backendsEnvironment, readState } from '../backends/index.ts';
import { deployPlatform } from './deploy.ts';
import { writePlatformStatus } from './platform-files.ts';
import { progressLine } from './progress-line.ts';

const line = (text: string): void => {
  process.stdout.write(`${text}\n`);
};

/**
 * The long-lived half of `sec-an up`: deploys every project to the running backends, then runs what AWS would
 * run until it is sent SIGTERM. Its standard output is its log, which `up` follows.
 */
const run = async (instance: string): Promise<void> => {
  const startedAt = new Date().toISOString();
  writePlatformStatus(instance, { status: 'starting', startedAt });
  const backends = readState(instance);
  if (backends === undefined) throw new Error(`the backends of instance ${instance} are not running`);
  const environment = backendsEnvironment(backends);
  Object.assign(process.env, environment);
  try {
    const deployed = await deployPlatform({
      instance,
      environment,
      onProgress: (event) => {
        const text = progressLine(event);
        if (text !== undefined) line(text);
      },
    });
    const { compute } = deployed;
    // Pollers keep the process alive only while there are functions; the platform lives until it is stopped.
    const keepAlive = setInterval(() => undefined, 60_000);
    process.once('SIGTERM', () => {
      line('stopping: ending every function');
      clearInterval(keepAlive);
      void compute.stop().finally(() => process.exit(0));
    });
    writePlatformStatus(instance, {
      status: 'ready',
      startedAt,
      readyAt: new Date().toISOString(),
      stackCount: deployed.stackCount,
      functionCount: deployed.deployment.functions.length,
    });
    line(`ready      ${deployed.deployment.functions.length} function(s) running`);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    writePlatformStatus(instance, { status: 'failed', startedAt, error: text });
    line(`failed     ${text}`);
    process.exit(1);
  }
};

const [instance] = process.argv.slice(2);
if (instance === undefined) {
  process.stderr.write('usage: runner.ts <instance>\n');
  process.exit(2);
}
await run(instance);
