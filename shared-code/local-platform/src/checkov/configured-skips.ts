import { readFileSync } from 'node:fs';

/**
 * The check ids of `.checkov.yaml`'s `skip-check` list, for the run's output: checkov does not run a skipped
 * check at all, so its report never counts them.
 */
export const configuredSkips = (configFile: string): readonly string[] =>
  readFileSync(configFile, 'utf8')
    .split('\n')
    .flatMap((line) => /^\s*-\s*(CKV\w+)\s*$/.exec(line)?.[1] ?? []);
