import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCacheVariable } from '@sec-an/constructs/node-function';
import { backendsEnvironment, startBackends, testBackendsConfig, testInstance } from '../backends/index.ts';
import { seconds } from '../cli/output.ts';
import { instanceDir } from '../paths/index.ts';

/**
 * The suites deploy the platform a dozen times, each synth bundling every function again; one bundle cache for
 * the run makes each function bundled once. It starts empty, so no run reuses what an earlier checkout built.
 */
const useRunBundleCache = (): void => {
  const cacheDir = join(instanceDir(testInstance()), 'bundle-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  process.env[bundleCacheVariable] = cacheDir;
};

/**
 * Starts one moto and one OpenSearch node for the whole integration run. Test workers are forked after this
 * returns, so the environment set here is what their AWS and OpenSearch clients read.
 */
export default async function globalSetup(): Promise<void> {
  useRunBundleCache();
  const backends = await startBackends(await testBackendsConfig());
  Object.assign(process.env, backendsEnvironment(backends));
  process.stdout.write(
    `\nlocal backends: moto ${backends.motoEndpoint} ready in ${seconds(backends.startup.motoMs)}, ` +
      `OpenSearch ${backends.openSearchEndpoint} ready in ${seconds(backends.startup.openSearchMs)}\n`,
  );
}
