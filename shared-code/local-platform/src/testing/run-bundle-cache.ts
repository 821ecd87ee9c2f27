import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCacheVariable } from '@sec-an/constructs/node-function';
import { testInstance } from '../backends/index.ts';
import { instanceDir } from '../paths/index.ts';

/**
 * The suites synthesize the same functions many times; one bundle cache for a jest run bundles each once (ADR
 * 0030). It starts empty, so no run reuses what an earlier checkout built. Workers are forked after the global
 * setup, so they and the synth apps they start inherit the variable.
 */
export const useRunBundleCache = (name: string): void => {
  const cacheDir = join(instanceDir(testInstance()), name);
  rmSync(cacheDir, { recursive: true, force: true });
  process.env[bundleCacheVariable] = cacheDir;
};
