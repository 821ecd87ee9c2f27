import { readFileSync } from 'node:fs';

/**
 * Ends the test command with one plain line, `tests: N passed, N failed`, counted from the JSON results of both
 * jest runs (jest's own summary is per run, and other tools do not read it).
 */
const runs = ['unit', 'integration'].map(
  (run) =>
    JSON.parse(readFileSync(`.local/test-results.${run}.json`, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
    },
);
const passed = runs.reduce((sum, run) => sum + run.numPassedTests, 0);
const failed = runs.reduce((sum, run) => sum + run.numFailedTests, 0);
process.stdout.write(`tests: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
