/**
 * Regenerates the parser's fixtures from real scans of openssl s_server instances started here on loopback:
 * `node ssl-scanner/test-data/regenerate.ts`. Every endpoint goes through the scan task's own pieces (names, scope
 * verdict, observeEndpoint, observationOf, encodeTlsObservations), assembled as scanTlsEndpoint assembles them
 * (which writes to S3 instead), and each file is read back through decodeTlsObservations before it is kept.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort, loopback } from '@sec-an/local-platform/ports';
import { parseScanScope, scopeVerdict } from '@sec-an/runtime/scan-scope';
import type { Endpoint } from '../src/handshake/index.ts';
import {
  decodeTlsObservations,
  defaultScanSettings,
  encodeTlsObservations,
  type Observation,
  observationOf,
  observeEndpoint,
  outOfScopeObservation,
  scanNames,
  scannerVersion,
  type TlsObservations,
  tlsTask,
} from '../src/scan-task/index.ts';
import {
  closedPort,
  createTestPki,
  type KeyPair,
  type OpenSslServerOptions,
  selfSignedCertificate,
  startOpenSslServer,
} from '../src/test-servers/index.ts';

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ssl-fixtures-'));
/** Only the loopback address the servers listen on; 127.0.0.2 stands for an address outside the scope. */
const scope = parseScanScope({ allow: { cidrs: [`${loopback}/32`] } });
/** Quick budgets: a loopback openssl answers in milliseconds, and the fixtures record the settings used. */
const settings = { ...defaultScanSettings, scanBudgetMs: 30_000, connectionTimeoutMs: 2_000 };

const request = (endpoint: Endpoint, hosts: readonly string[]): TlsObservations['request'] => ({
  contract: 'tls-scan-request',
  message: {
    contract: 'tls-scan-request',
    version: 1,
    requestId: randomUUID(),
    target: { address: endpoint.address, port: endpoint.port, hosts: [...hosts] },
    origin: 'on-demand',
    requestedAt: new Date().toISOString(),
  },
});

/** One endpoint scanned as the scan task scans it, stored as `<name>.json.gz`. */
const record = async (name: string, endpoint: Endpoint, hosts: readonly string[]): Promise<void> => {
  const startedAt = new Date();
  const names = scanNames(hosts, settings.maxNames);
  const verdict = scopeVerdict(scope, { address: endpoint.address, hosts });
  const observations: Observation[] = verdict.inScope
    ? (await observeEndpoint(endpoint, names.scanned, { settings, deadline: Date.now() + 120_000 })).map(
        observationOf,
      )
    : [undefined, ...names.scanned].map((each) => outOfScopeObservation(each, verdict.reason));
  const recorded: TlsObservations = {
    format: 'tls-observations',
    version: 1,
    scanner: { name: tlsTask, version: scannerVersion },
    request: request(endpoint, hosts),
    target: { address: endpoint.address, port: endpoint.port },
    names: { ...names, scanned: [...names.scanned], omitted: [...names.omitted], fromInventory: [] },
    scope: { inScope: verdict.inScope, reason: verdict.reason },
    settings: { ...settings },
    startedAt: startedAt.toISOString(),
    endedAt: new Date().toISOString(),
    observations,
  };
  const bytes = encodeTlsObservations(recorded);
  decodeTlsObservations(bytes, name);
  writeFileSync(join(here, `${name}.json.gz`), bytes);
  console.error(`${name}: ${observations.map((each) => `${each.serverName ?? '(no SNI)'} ${each.status}`)}`);
};

/** A server on a port chosen here, so that two servers one after the other are the same endpoint. */
const startOnPort = (port: number, keyPair: KeyPair, chain: string): Promise<ChildProcess> => {
  const child = spawn(
    'openssl',
    [
      's_server',
      '-accept',
      `${loopback}:${port}`,
      '-cert',
      keyPair.certificate,
      '-key',
      keyPair.key,
      '-cert_chain',
      chain,
      '-naccept',
      '100000',
      '-no_tls1',
      '-no_tls1_1',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('ACCEPT')) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`openssl s_server exited with ${code}: ${output}`)));
  });
};

const stopped = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const scanServer = async (name: string, options: OpenSslServerOptions, hosts: readonly string[]) => {
  const server = await startOpenSslServer(options);
  try {
    await record(name, { address: loopback, port: server.port }, hosts);
  } finally {
    await server.stop();
  }
};

const main = async (): Promise<void> => {
  const pki = await createTestPki(join(work, 'pki'));
  copyFileSync(pki.root.certificate, join(here, 'test-root.pem'));
  const www = await pki.issueLeaf('www', { names: ['www.example.test', 'example.test'] });
  await scanServer(
    'intermediate-with-names',
    {
      keyPair: www,
      chain: pki.intermediate.certificate,
      protocols: ['-no_ssl3', '-no_tls1', '-no_tls1_1'],
      groups: ['X25519', 'prime256v1', 'secp384r1'],
      cipher: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305',
    },
    ['www.example.test', 'wrong.example.test'],
  );
  const legacy = await selfSignedCertificate(work, 'legacy', 'legacy.example.test');
  await scanServer(
    'legacy-self-signed',
    {
      keyPair: legacy,
      protocols: ['-no_ssl3', '-no_tls1_2', '-no_tls1_3'],
      cipher: 'AES128-SHA:ECDHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA:DES-CBC3-SHA:@SECLEVEL=0',
      serverPreference: true,
    },
    [],
  );
  const tls13 = await pki.issueLeaf('tls13', { names: ['tls13.example.test'] });
  await scanServer(
    'tls13-only',
    { keyPair: tls13, chain: pki.intermediate.certificate, protocols: ['-tls1_3'] },
    [],
  );
  // The same endpoint before and after its certificate is replaced.
  const port = await findFreePort();
  const rotation = { address: loopback, port };
  for (const [label, fixture] of [
    ['rotate-1', 'rotation-before'],
    ['rotate-2', 'rotation-after'],
  ] as const) {
    const leaf = await pki.issueLeaf(label, { names: ['rotate.example.test'] });
    const server = await startOnPort(port, leaf, pki.intermediate.certificate);
    try {
      await record(fixture, rotation, ['rotate.example.test']);
    } finally {
      await stopped(server);
    }
  }
  await record('refused', { address: loopback, port: await closedPort() }, []);
  await record('out-of-scope', { address: '127.0.0.2', port: 443 }, ['outside.example.test']);
};

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
