import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { EstateError } from './certificates.ts';

const accepts = (host: string, port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, host, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });

/** Waits until something accepts connections on the address and port; a server that never does is an error. */
export const waitUntilAccepting = async (
  host: string,
  port: number,
  isAlive: () => boolean,
  timeoutMs = 10_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await accepts(host, port))) {
    if (!isAlive()) throw new EstateError(`the estate server for ${host}:${port} exited before it accepted`);
    if (Date.now() > deadline)
      throw new EstateError(`nothing accepts on ${host}:${port} after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
};
