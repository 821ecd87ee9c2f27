import { type ChildProcess, spawn } from 'node:child_process';
import { waitUntilAccepting } from './accepting.ts';

/** A service of the estate, listening. */
export interface RunningService {
  readonly address: string;
  readonly port: number;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess): boolean => child.exitCode !== null || child.signalCode !== null;

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (exited(child)) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/** A server program as a child process (argv, no shell), ready once it accepts connections. */
export const startServerProcess = async (
  address: string,
  port: number,
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<RunningService> => {
  const child = spawn(command, args, { cwd, stdio: 'ignore' });
  child.on('error', () => undefined);
  try {
    await waitUntilAccepting(address, port, () => !exited(child));
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { address, port, stop: () => stopChild(child) };
};
