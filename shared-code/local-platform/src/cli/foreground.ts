import { spawn } from 'node:child_process';

const signalGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
};

/**
 * Runs a program with the terminal's input and output (argv, no shell) and returns its exit code. It leads its
 * own process group, and Ctrl-C (or a SIGTERM) is passed on to that whole group, so an interrupted command leaves
 * none of the children it started behind (cdktf runs terraform, which runs its providers).
 */
export const runInForeground = (
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv },
): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: 'inherit',
      detached: true,
    });
    const forward = (signal: NodeJS.Signals) => () => {
      if (child.pid !== undefined) signalGroup(child.pid, signal);
    };
    const onInterrupt = forward('SIGINT');
    const onTerminate = forward('SIGTERM');
    process.on('SIGINT', onInterrupt);
    process.on('SIGTERM', onTerminate);
    const done = () => {
      process.off('SIGINT', onInterrupt);
      process.off('SIGTERM', onTerminate);
    };
    child.once('error', (error) => {
      done();
      reject(error);
    });
    child.once('exit', (code, signal) => {
      done();
      // The group may hold children that outlive their parent; they go with it.
      if (child.pid !== undefined) signalGroup(child.pid, 'SIGTERM');
      resolve(code ?? (signal === null ? 1 : 128 + (signal === 'SIGINT' ? 2 : 15)));
    });
  });
