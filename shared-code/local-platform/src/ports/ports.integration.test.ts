import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SetupError } from '../errors/index.ts';
import { startMoto } from '../moto/index.ts';
import { assertPortFree, findFreePort, loopback } from './index.ts';

describe('a port already in use', () => {
  let holder: Server;
  let port: number;
  beforeAll(async () => {
    port = await findFreePort();
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(port, loopback, resolve));
  });
  afterAll(() => new Promise<void>((resolve) => holder.close(() => resolve())));

  it('is one clear error that names the port and what wanted it', async () => {
    const check = assertPortFree(port, 'moto');
    await expect(check).rejects.toThrow(SetupError);
    await expect(assertPortFree(port, 'moto')).rejects.toThrow(
      `port ${port} on ${loopback}, wanted by moto, is already in use; stop whatever holds it`,
    );
  });

  it('stops moto from starting at all', async () => {
    await expect(startMoto({ port, stateDir: '/nonexistent', readyTimeoutMs: 5_000 })).rejects.toThrow(
      `port ${port} on ${loopback}, wanted by moto, is already in use`,
    );
  });

  it('is not reported for a free port', async () => {
    await expect(assertPortFree(await findFreePort(), 'moto')).resolves.toBeUndefined();
  });
});
