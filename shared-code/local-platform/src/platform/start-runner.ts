import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { SetupError } from '../errors/index.ts';
import { instanceDir } from '../paths/index.ts';
import { isRunning, logTail, type ProcessRecord, startProcess, stopProcess } from '../processes/index.ts';
import {
  clearPlatformFiles,
  readPlatformStatus,
  readRunnerRecord,
  writeRunnerRecord,
} from './platform-files.ts';

const runnerScript = fileURLToPath(new URL('./runner.ts', import.meta.url));

export interface RunnerStartOptions {
  readonly instance: string;
  /** Each new line of the runner's log, as it comes. */
  readonly onLine: (line: string) => void;
  readonly timeoutMs: number;
}

const newLines = (logFile: string, seen: number): { lines: string[]; seen: number } => {
  if (!existsSync(logFile)) return { lines: [], seen };
  const complete = readFileSync(logFile, 'utf8').split('\n').slice(0, -1);
  return { lines: complete.slice(seen), seen: complete.length };
};

/** Stops the runner of an earlier `up` of this instance, if one is left. */
export const stopRunner = async (instance: string): Promise<boolean> => {
  const record = readRunnerRecord(instance);
  clearPlatformFiles(instance);
  if (record === undefined || !isRunning(record)) return false;
  await stopProcess(record);
  return true;
};

/**
 * Starts the runner detached, so the platform outlives this command, and follows its log until it is ready.
 * A runner that fails or exits is reported with the end of its log.
 */
export const startRunner = async (options: RunnerStartOptions): Promise<ProcessRecord> => {
  await stopRunner(options.instance);
  const record = startProcess({
    name: 'platform',
    command: process.execPath,
    args: [runnerScript, options.instance],
    logFile: join(instanceDir(options.instance), 'platform.log'),
    marker: runnerScript,
  });
  writeRunnerRecord(options.instance, record);
  const deadline = performance.now() + options.timeoutMs;
  let seen = 0;
  for (;;) {
    const fresh = newLines(record.logFile, seen);
    seen = fresh.seen;
    for (const line of fresh.lines) options.onLine(line);
    const status = readPlatformStatus(options.instance);
    if (status?.status === 'ready') return record;
    if (status?.status === 'failed' || !isRunning(record)) {
      await stopProcess(record);
      throw new SetupError(
        `the platform did not come up:\n${logTail(record)}`,
        'fix the cause above, then run `./sec-an up` again',
      );
    }
    if (performance.now() > deadline) {
      await stopProcess(record);
      throw new SetupError(
        `the platform was not ready within ${options.timeoutMs / 1000} s:\n${logTail(record)}`,
        'see the platform log above',
      );
    }
    await sleep(200);
  }
};
