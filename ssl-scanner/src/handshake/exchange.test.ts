import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loopback } from '@sec-an/local-platform/ports';
import {
  closedPort,
  type MisbehavingServer,
  type Misbehaviour,
  startMisbehavingServer,
} from '../test-servers/index.ts';
import { clientHello } from './client-hello.ts';
import { exchangeHello } from './exchange.ts';
import { legacySuiteCodes } from './registry/index.ts';

const behaviours: readonly Misbehaviour[] = [
  'tarpit',
  'garbage',
  'plain-http',
  'close-mid-handshake',
  'close-at-once',
];
const servers = new Map<Misbehaviour, MisbehavingServer>();
const hello = clientHello({ version: 'TLSv1.2', cipherSuites: legacySuiteCodes, serverName: 'example.test' });

const exchangeWith = (port: number, timeoutMs = 1_000) =>
  exchangeHello({ address: loopback, port }, hello, { timeoutMs });

beforeAll(async () => {
  for (const behaviour of behaviours) servers.set(behaviour, await startMisbehavingServer(behaviour));
});

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.close()));
});

const portOf = (behaviour: Misbehaviour): number => servers.get(behaviour)?.port ?? 0;

describe('one ClientHello exchange', () => {
  it('ends a tarpit within its time budget as no answer', async () => {
    const result = await exchangeWith(portOf('tarpit'), 300);
    expect(result.status).toBe('no-answer');
    expect(result.elapsedMs).toBeLessThan(1_000);
  });

  it('names a closed port as refused at once', async () => {
    const result = await exchangeWith(await closedPort());
    expect(result.status).toBe('refused');
    expect(result.elapsedMs).toBeLessThan(500);
  });

  it('names garbage as malformed with the byte at fault', async () => {
    const result = await exchangeWith(portOf('garbage'));
    expect(result).toMatchObject({ status: 'malformed', detail: 'first byte 0x0 starts no TLS record' });
    expect(result.received.length).toBeGreaterThan(0);
  });

  it('recognises a plain HTTP answer', async () => {
    expect((await exchangeWith(portOf('plain-http'))).status).toBe('plain-http');
  });

  it('tells a close in the middle of a handshake from a close before any answer', async () => {
    expect((await exchangeWith(portOf('close-mid-handshake'))).status).toBe('closed-mid-handshake');
    expect(['closed-before-answer', 'reset']).toContain((await exchangeWith(portOf('close-at-once'))).status);
  });
});
