import { createServer, type Server, type Socket } from 'node:net';
import { findFreePort, loopback } from '@sec-an/local-platform/ports';

/** A local TCP server that misbehaves in one known way, and the port it listens on. */
export interface MisbehavingServer {
  readonly port: number;
  readonly close: () => Promise<void>;
}

export type Misbehaviour =
  /** Accepts and never answers. */
  | 'tarpit'
  /** Answers a ClientHello with bytes that are no protocol. */
  | 'garbage'
  /** Answers like a plain HTTP server. */
  | 'plain-http'
  /** Sends the first bytes of a handshake record, then closes. */
  | 'close-mid-handshake'
  /** Closes as soon as the hello arrives. */
  | 'close-at-once';

const answer: Record<Exclude<Misbehaviour, 'tarpit'>, (socket: Socket) => void> = {
  garbage: (socket) =>
    socket.end(Buffer.from('\u0000\u00ff garbage, not a TLS record \u0007'.repeat(4), 'latin1')),
  'plain-http': (socket) =>
    socket.end(
      'HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nplain http\r\n',
    ),
  // a record header announcing 74 bytes of handshake, a ServerHello header, and then nothing
  'close-mid-handshake': (socket) => socket.end(Buffer.from([22, 3, 3, 0, 74, 2, 0, 0, 70, 3, 3, 1, 2, 3])),
  'close-at-once': (socket) => socket.destroy(),
};

const listen = (server: Server, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: loopback }, () => resolve());
  });

/** Starts the server on a free loopback port; `close` ends its open connections too. */
export const startMisbehavingServer = async (behaviour: Misbehaviour): Promise<MisbehavingServer> => {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => sockets.delete(socket));
    socket.on('close', () => sockets.delete(socket));
    if (behaviour !== 'tarpit') socket.once('data', () => answer[behaviour](socket));
  });
  const port = await findFreePort();
  await listen(server, port);
  return {
    port,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};

/** A loopback port nothing listens on (free a moment ago). */
export const closedPort = (): Promise<number> => findFreePort();
