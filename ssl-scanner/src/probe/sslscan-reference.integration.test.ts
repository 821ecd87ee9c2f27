import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loopback } from '@sec-an/local-platform/ports';
import {
  closedPort,
  type MisbehavingServer,
  type OpenSslServerOptions,
  type RunningServer,
  runSslscan,
  selfSignedCertificate,
  startMisbehavingServer,
  startOpenSslServer,
} from '../test-servers/index.ts';
import { scanEndpoint } from './scan-endpoint.ts';

const mozillaIntermediate =
  'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305';

type Configuration = Omit<OpenSslServerOptions, 'keyPair'>;
const configurations: Record<string, Configuration> = {
  'TLS 1.0 and 1.1 only, weak suites, server order': {
    protocols: ['-no_ssl3', '-no_tls1_2', '-no_tls1_3'],
    cipher: 'DES-CBC3-SHA:AES128-SHA:ECDHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA:@SECLEVEL=0',
    serverPreference: true,
  },
  'TLS 1.2 and 1.3, Mozilla intermediate suites, client order': {
    protocols: ['-no_ssl3', '-no_tls1', '-no_tls1_1'],
    cipher: mozillaIntermediate,
  },
  'TLS 1.3 only': { protocols: ['-tls1_3'] },
};

const workDir = mkdtempSync(join(tmpdir(), 'sec-an-ssl-reference-'));
const servers = new Map<string, RunningServer>();
let tarpit: MisbehavingServer | undefined;

beforeAll(async () => {
  const keyPair = await selfSignedCertificate(workDir, 'self-signed', 'tls.test');
  await Promise.all(
    Object.entries(configurations).map(async ([label, configuration]) => {
      servers.set(label, await startOpenSslServer({ keyPair, ...configuration }));
    }),
  );
  tarpit = await startMisbehavingServer('tarpit');
}, 60_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
  await tarpit?.close();
  rmSync(workDir, { recursive: true, force: true });
});

const portOf = (label: string): number => servers.get(label)?.port ?? 0;
const sorted = (codes: readonly number[] | undefined): number[] => [...(codes ?? [])].sort((a, b) => a - b);

describe('the scanner against sslscan on the same server', () => {
  it.each(Object.keys(configurations))(
    'finds the protocols and suites sslscan finds: %s',
    async (label) => {
      const port = portOf(label);
      const [ours, reference] = await Promise.all([
        scanEndpoint({ address: loopback, port }, { serverName: 'tls.test', totalBudgetMs: 30_000 }),
        runSslscan(port, 'tls.test'),
      ]);
      expect(ours.status).toBe('scanned');
      const offered = ours.protocols.filter((protocol) => protocol.offered);
      expect(offered.map((protocol) => protocol.version).sort()).toEqual([...reference.protocols].sort());
      for (const protocol of offered) {
        expect({ version: protocol.version, suites: sorted(protocol.cipherSuites) }).toEqual({
          version: protocol.version,
          suites: sorted(reference.cipherSuites.get(protocol.version)),
        });
        expect(protocol.partial).toBe(false);
      }
    },
    60_000,
  );

  it('reads the order of a server that keeps its own as sslscan lists it, and sees a client-ordered one', async () => {
    const port = portOf('TLS 1.0 and 1.1 only, weak suites, server order');
    const [weak, reference] = await Promise.all([
      scanEndpoint({ address: loopback, port }),
      runSslscan(port),
    ]);
    const tls10 = weak.protocols.find((protocol) => protocol.version === 'TLSv1.0');
    expect(tls10?.serverOrder).toBe(true);
    expect(tls10?.cipherSuites).toEqual(reference.cipherSuites.get('TLSv1.0'));
    expect(tls10?.cipherSuites[0]).toBe(reference.preferred.get('TLSv1.0'));
    const intermediate = await scanEndpoint({
      address: loopback,
      port: portOf('TLS 1.2 and 1.3, Mozilla intermediate suites, client order'),
    });
    expect(intermediate.protocols.find((protocol) => protocol.version === 'TLSv1.2')?.serverOrder).toBe(
      false,
    );
  }, 60_000);

  it('ends a tarpit and a closed port within their budget with a clear status', async () => {
    const started = performance.now();
    const [silent, closed] = await Promise.all([
      scanEndpoint(
        { address: loopback, port: tarpit?.port ?? 0 },
        { connectionTimeoutMs: 500, totalBudgetMs: 2_000 },
      ),
      scanEndpoint(
        { address: loopback, port: await closedPort() },
        { connectionTimeoutMs: 500, totalBudgetMs: 2_000 },
      ),
    ]);
    expect(silent.status).toBe('timeout');
    expect(closed.status).toBe('refused');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
