import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { ContainerRun } from './ecs-container-run.ts';
import type { FunctionLog } from './function-log.ts';

export interface ContainerExit {
  readonly containerName: string;
  /** 127 when the command is not found, as a shell would say. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** Why the process could not start at all. */
  readonly startError?: string;
}

/** A container's main process in a process group of its own, so that what it starts stops with it. */
export interface ContainerProcess {
  readonly containerName: string;
  readonly exited: Promise<ContainerExit>;
  /** Signals the whole group; nothing happens once it is gone. */
  signal(signal: NodeJS.Signals): void;
}

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The host program for a container's first argv element: a path is taken relative to the task's folder, a bare
 * name is looked up on the PATH of the container's environment (the host's tools stand in for the image's).
 */
export const resolveProgram = (program: string, cwd: string, path: string): string | undefined => {
  if (program.includes('/')) {
    const candidate = isAbsolute(program) ? program : resolve(cwd, program);
    return isExecutable(candidate) ? candidate : undefined;
  }
  return path
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, program))
    .find(isExecutable);
};

const signalGroup = (pid: number | undefined, signal: NodeJS.Signals): void => {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
};

const notStarted = (containerName: string, startError: string, code: number | null): ContainerProcess => ({
  containerName,
  exited: Promise.resolve({ containerName, code, signal: null, startError }),
  signal: () => {},
});

/** Starts the container's argv without a shell in `cwd`, its output appended to `log`. */
export const startContainerProcess = (run: ContainerRun, cwd: string, log: FunctionLog): ContainerProcess => {
  const [program = '', ...args] = run.argv;
  const executable = resolveProgram(program, cwd, run.environment.PATH ?? '');
  if (executable === undefined) return notStarted(run.containerName, `command not found: ${program}`, 127);
  const child = spawn(executable, args, {
    cwd,
    env: run.environment,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => log.write(chunk));
  child.stderr.on('data', (chunk: Buffer) => log.write(chunk));
  let running = true;
  const exited = new Promise<ContainerExit>((resolveExit) => {
    child.once('error', (error) =>
      resolveExit({ containerName: run.containerName, code: null, signal: null, startError: error.message }),
    );
    child.once('exit', (code, signal) => {
      running = false;
      // A container ends with its main process: whatever it left running in its group ends too.
      signalGroup(child.pid, 'SIGKILL');
      resolveExit({ containerName: run.containerName, code, signal });
    });
  });
  return {
    containerName: run.containerName,
    exited,
    // Once it has exited its pid may be reused by an unrelated process.
    signal: (signal) => {
      if (running) signalGroup(child.pid, signal);
    },
  };
};
