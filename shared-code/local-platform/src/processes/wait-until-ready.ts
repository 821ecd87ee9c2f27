import { setTimeout as sleep } from 'node:timers/promises';
import { SetupError } from '../errors/index.ts';
import { isAlive, logTail, type ProcessRecord, stopProcess } from './managed-process.ts';

export interface ReadinessOptions {
  /** Resolves true once the process serves requests; errors count as "not yet". */
  readonly probe: () => Promise<boolean>;
  readonly timeoutMs: number;
  readonly intervalMs?: number;
}

const probeQuietly = async (probe: () => Promise<boolean>): Promise<boolean> => {
  try {
    return await probe();
  } catch {
    return false;
  }
};

/**
 * Waits until the probe succeeds. A process that exits, or is not ready in time, is stopped and reported with
 * the end of its log, so a failed start never leaves a process behind.
 */
export const waitUntilReady = async (record: ProcessRecord, options: ReadinessOptions): Promise<void> => {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (await probeQuietly(options.probe)) return;
    if (!isAlive(record.pid)) {
      await stopProcess(record, 1_000);
      throw new SetupError(
        `${record.name} exited during start-up; its last output:\n${logTail(record)}\n`,
        `see ${record.logFile}`,
      );
    }
    await sleep(options.intervalMs ?? 250);
  }
  await stopProcess(record);
  throw new SetupError(
    `${record.name} was not ready after ${Math.round(options.timeoutMs / 1000)} s and was stopped; its last output:\n${logTail(record)}\n`,
    `see ${record.logFile}; a slow machine may need a longer SEC_AN_READY_TIMEOUT_SECONDS`,
  );
};
