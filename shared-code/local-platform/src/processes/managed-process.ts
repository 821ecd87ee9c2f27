import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ManagedProcessOptions {
  /** What the user calls it in messages: `moto`, `OpenSearch`. */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Runs the process as this user (required for OpenSearch, which refuses root). Default: the current user. */
  readonly uid?: number;
  readonly gid?: number;
  /** Standard output and error go to this file, so the process outlives the command that started it. */
  readonly logFile: string;
  /** Text that appears in the process's command line, telling it apart from an unrelated process that reuses its pid. */
  readonly marker: string;
}

/** What is needed to find and stop a process again, from this command or a later one. */
export interface ProcessRecord {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  readonly marker: string;
}

/**
 * Starts the process as the leader of its own process group, so that stopping it also stops every child it
 * spawned (OpenSearch's launcher script starts the JVM as a child).
 */
export const startProcess = (options: ManagedProcessOptions): ProcessRecord => {
  const log = openSync(options.logFile, 'w');
  try {
    const child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', log, log],
      detached: true,
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    child.unref();
    if (child.pid === undefined) {
      throw new Error(`${options.name} could not be started: ${options.command} did not run`);
    }
    return { name: options.name, pid: child.pid, logFile: options.logFile, marker: options.marker };
  } finally {
    closeSync(log);
  }
};

export const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Whether the recorded process still runs (and is still the one we started). */
export const isRunning = (record: ProcessRecord): boolean => {
  if (!isAlive(record.pid)) return false;
  try {
    return readFileSync(`/proc/${record.pid}/cmdline`, 'utf8').includes(record.marker);
  } catch {
    return true;
  }
};

const signalGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
};

const waitForExit = async (pid: number, timeoutMs: number): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
};

/** Asks the whole group to stop, then kills it when it has not stopped within the grace period. */
export const stopProcess = async (record: ProcessRecord, graceMs = 15_000): Promise<void> => {
  signalGroup(record.pid, 'SIGTERM');
  if (await waitForExit(record.pid, graceMs)) return;
  signalGroup(record.pid, 'SIGKILL');
  await waitForExit(record.pid, 5_000);
};

/** The last lines the process wrote, to explain why it failed. */
export const logTail = (record: ProcessRecord, lines = 15): string => {
  try {
    return readFileSync(record.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
};
