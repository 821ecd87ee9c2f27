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
 * `node tls-server-pool.ts <address> <port> <folder> <count> <s_server option...>`
 */
const [address, port, folder, count, ...serverOptions] = process.argv.slice(2);
if (address === undefined || port === undefined || folder === undefined || count === undefined) {
  process.stderr.write('usage: tls-server-pool.ts <address> <port> <folder> <count> <s_server option...>\n');
  process.exit(2);
}

const socketName = 'server.sock';
const backends: { readonly socket: string; readonly child: ChildProcess }[] = [];
const idle: string[] = [];
const waiting: ((socket: string) => void)[] = [];

const startBackend = (index: number) => {
  const cwd = join(folder, `server-${index}`);
  mkdirSync(cwd, { recursive: true });
  const child = spawn('openssl', ['s_server', '-unix', socketName, '-unlink', ...serverOptions], {
    cwd,
    stdio: 'ignore',
  });
  child.on('error', () => undefined);
  backends.push({ socket: join(cwd, socketName), child });
};

const release = (socket: string) => {
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
  const server = connect(socket);
  let released = false;
  const done = () => {
    if (released) return;
    released = true;
    client.destroy();
    server.destroy();
    release(socket);
  };
  for (const end of [client, server]) {
    end.on('error', done);
    end.on('close', done);
  }
  client.pipe(server).pipe(client);
  client.resume();
};

const stop = () => {
  for (const { child } of backends) child.kill('SIGTERM');
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

for (let index = 0; index < Number(count); index += 1) startBackend(index);
while (!backends.every(({ socket }) => existsSync(socket))) {
  if (backends.some(({ child }) => child.exitCode !== null)) {
    process.stderr.write('an openssl s_server of the pool exited at start\n');
    stop();
  }
  await sleep(50);
}
idle.push(...backends.map(({ socket }) => socket));
createServer((client) => void relay(client)).listen(Number(port), address);
