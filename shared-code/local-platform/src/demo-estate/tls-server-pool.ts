import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A TLS server that takes connections at once, as a real one does: `openssl s_server` serves one connection at a
 * time, so a scanner's slow probe (nmap waits seconds for a banner) would stall every other client and make their
 * results depend on who came first. This process starts `count` s_servers on Unix sockets, each in its own folder
 * under the same socket name (s_server's `-www` page echoes its command line, which must not differ between
 * them), and relays each connection on the address and port to an idle one.
 *
 * `node tls-server-pool.ts <address> <port> <folder> <count> <s_server option...>`; with an IPC channel, the message
 * `{ reload: true }` makes it take the certificate files anew (answered with `{ reloaded: <generation> }`).
 */
const [address, port, folder, count, ...serverOptions] = process.argv.slice(2);
if (address === undefined || port === undefined || folder === undefined || count === undefined) {
  process.stderr.write('usage: tls-server-pool.ts <address> <port> <folder> <count> <s_server option...>\n');
  process.exit(2);
}

const socketName = 'server.sock';

interface Backend {
  readonly socket: string;
  readonly child: ChildProcess;
}

/** The servers connections go to; a reload replaces them, and the ones it retires end with their connection. */
let serving: Backend[] = [];
/** Every server started, retired ones included, so that stopping the pool leaves none behind. */
const started: Backend[] = [];
let generation = 0;
const idle: string[] = [];
const waiting: ((socket: string) => void)[] = [];

const startBackend = (index: number): Backend => {
  // Two levels below the estate's folder, the depth the certificate paths in the options are relative to.
  const cwd = join(folder, `server-${generation}-${index}`);
  mkdirSync(cwd, { recursive: true });
  const child = spawn('openssl', ['s_server', '-unix', socketName, '-unlink', ...serverOptions], {
    cwd,
    stdio: 'ignore',
  });
  child.on('error', () => undefined);
  const backend = { socket: join(cwd, socketName), child };
  started.push(backend);
  return backend;
};

const isServing = (socket: string) => serving.some((backend) => backend.socket === socket);

const release = (socket: string, owner: Backend) => {
  if (!isServing(socket)) {
    owner.child.kill('SIGTERM');
    return;
  }
  const next = waiting.shift();
  if (next === undefined) idle.push(socket);
  else next(socket);
};

const acquire = (): Promise<string> => {
  const socket = idle.shift();
  return socket === undefined ? new Promise((resolve) => waiting.push(resolve)) : Promise.resolve(socket);
};

const relay = async (client: Socket) => {
  client.pause();
  const socket = await acquire();
  const owner = serving.find((backend) => backend.socket === socket) as Backend;
  const server = connect(socket);
  let released = false;
  const done = () => {
    if (released) return;
    released = true;
    client.destroy();
    server.destroy();
    release(socket, owner);
  };
  for (const end of [client, server]) {
    end.on('error', done);
    end.on('close', done);
  }
  client.pipe(server).pipe(client);
  client.resume();
};

const stop = (): never => {
  for (const { child } of started) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(0);
};

/** Starts a generation of servers, which read the certificate and key files as they are now. */
const startGeneration = async (): Promise<Backend[]> => {
  generation += 1;
  const backends = Array.from({ length: Number(count) }, (_, index) => startBackend(index));
  while (!backends.every(({ socket }) => existsSync(socket))) {
    if (backends.some(({ child }) => child.exitCode !== null)) {
      process.stderr.write('an openssl s_server of the pool exited at start\n');
      for (const { child } of backends) child.kill('SIGTERM');
      return stop();
    }
    await sleep(50);
  }
  return backends;
};

/**
 * A rotated certificate is taken as a real server reloads one: the port never closes. New connections go to a
 * new generation of servers; those of the old generation finish the connections they hold, then stop.
 */
const reload = async () => {
  const next = await startGeneration();
  const retired = serving;
  const unused = idle.splice(0, idle.length, ...next.map(({ socket }) => socket));
  serving = next;
  for (const backend of retired) if (unused.includes(backend.socket)) backend.child.kill('SIGTERM');
  while (waiting.length > 0 && idle.length > 0) waiting.shift()?.(idle.shift() as string);
  process.send?.({ reloaded: generation });
};

process.once('SIGTERM', stop);
process.once('SIGINT', stop);
process.on('message', (message) => {
  if ((message as { reload?: boolean }).reload === true) void reload();
});
// Started with a channel to the estate, the pool ends with it, even when the estate's process was killed.
process.once('disconnect', stop);

serving = await startGeneration();
idle.push(...serving.map(({ socket }) => socket));
createServer((client) => void relay(client)).listen(Number(port), address);
