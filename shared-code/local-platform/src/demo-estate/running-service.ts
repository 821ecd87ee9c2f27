import { type ChildProcess, spawn } from 'node:child_process';
import { waitUntilAccepting } from './accepting.ts';
import { EstateError } from './certificates.ts';

/** A service of the estate, listening. */
export interface RunningService {
  readonly address: string;
  readonly port: number;
  /** Present where the server takes new files (a rotated certificate) without closing its port. */
  readonly reload?: () => Promise<void>;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (exited(child)) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** Asks a server started with a channel to reload, and waits until it says it has. */
const reloadChild = (child: ChildProcess, endpoint: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const answered = (message: unknown) => {
      if (typeof message !== 'object' || message === null || !('reloaded' in message)) return;
      child.off('exit', gone);
      child.off('message', answered);
      resolve();
    };
    const gone = () => {
      child.off('message', answered);
      reject(new EstateError(`the estate server for ${endpoint} exited while it reloaded`));
    };
    child.on('message', answered);
    child.once('exit', gone);
    child.send({ reload: true });
  });

/**
 * A server program as a child process (argv, no shell), ready once it accepts connections. A `reloadable` one is
 * given a channel, on which it is asked to reload and answers when it has.
 */
export const startServerProcess = async (
  address: string,
  port: number,
  command: string,
  args: readonly string[],
  cwd: string,
  reloadable = false,
): Promise<RunningService> => {
  const child = spawn(command, args, {
    cwd,
    stdio: reloadable ? ['ignore', 'ignore', 'ignore', 'ipc'] : 'ignore',
  });
  child.on('error', () => undefined);
  try {
    await waitUntilAccepting(address, port, () => !exited(child));
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  const stop = () => stopChild(child);
  return reloadable
    ? { address, port, reload: () => reloadChild(child, `${address}:${port}`), stop }
    : { address, port, stop };
};
