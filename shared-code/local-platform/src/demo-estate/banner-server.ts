import { createServer } from 'node:net';

/**
 * A plain TCP service: greets with its banner and hangs up a little later, as a real daemon does to a client that
 * says nothing. Run as its own process (`node banner-server.ts <address> <port> <banner>`), so that a busy
 * event loop of the command that started it never delays a greeting that a scanner is timing.
 */
const [address, port, banner] = process.argv.slice(2);
if (address === undefined || port === undefined || banner === undefined) {
  process.stderr.write('usage: banner-server.ts <address> <port> <banner>\n');
  process.exit(2);
}
createServer((socket) => {
  socket.on('error', () => undefined);
  socket.write(`${banner}\r\n`);
  socket.setTimeout(5_000, () => socket.end());
}).listen(Number(port), address);
process.once('SIGTERM', () => process.exit(0));
