import { backendsEnvironment, startBackends, testBackendsConfig } from '../backends/index.ts';
import { seconds } from '../cli/output.ts';
import { useRunBundleCache } from './run-bundle-cache.ts';

/**
 * Starts one moto and one OpenSearch node for the whole integration run. Test workers are forked after this
 * returns, so the environment set here is what their AWS and OpenSearch clients read.
 */
export default async function globalSetup(): Promise<void> {
  useRunBundleCache('bundle-cache');
  const backends = await startBackends(await testBackendsConfig());
  Object.assign(process.env, backendsEnvironment(backends));
  process.stdout.write(
    `\nlocal backends: moto ${backends.motoEndpoint} ready in ${seconds(backends.startup.motoMs)}, ` +
      `OpenSearch ${backends.openSearchEndpoint} ready in ${seconds(backends.startup.openSearchMs)}\n`,
  );
}
