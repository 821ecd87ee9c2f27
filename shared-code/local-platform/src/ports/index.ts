import { createServer } from 'node:net';
import { SetupError } from '../errors/index.ts';

export const loopback = '127.0.0.1';

const listen = (port: number): Promise<number> =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port, host: loopback, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolvePort(bound));
    });
  });

/** Fails with a clear error, before anything is started, when another process holds the port. */
export const assertPortFree = async (port: number, owner: string): Promise<void> => {
  try {
    await listen(port);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new SetupError(
        `port ${port} on ${loopback}, wanted by ${owner}, is already in use`,
        'stop whatever holds it (`./sec-an down` if it is an earlier sec-an, `ss -ltnp` shows the process) or choose another port',
      );
    }
    throw error;
  }
};

/** A port that was free a moment ago, for backends started by the test suite. */
export const findFreePort = (): Promise<number> => listen(0);
