import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loopback } from '@sec-an/local-platform/ports';
import { runCommand } from '@sec-an/local-platform/processes';
import { analyseChain, fetchTls13Certificates } from '../certificates/index.ts';
import { scanEndpoint } from '../probe/index.ts';
import {
  createTestPki,
  type KeyPair,
  type OpenSslServerOptions,
  type RunningServer,
  startOpenSslServer,
} from '../test-servers/index.ts';
import { bestMozillaProfile, mozillaCompliance } from './mozilla-compliance.ts';
import { sslLabsGrade } from './ssl-labs-grade.ts';
import { servedCertificateFactsOf, type TlsFacts, tlsFactsOf } from './tls-facts.ts';

/** Mozilla 5.8's intermediate suites and curves, as its generated configurations write them for OpenSSL. */
const intermediateCiphers = [
  'ECDHE-ECDSA-AES128-GCM-SHA256',
  'ECDHE-RSA-AES128-GCM-SHA256',
  'ECDHE-ECDSA-AES256-GCM-SHA384',
  'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305',
  'ECDHE-RSA-CHACHA20-POLY1305',
  'DHE-RSA-AES128-GCM-SHA256',
  'DHE-RSA-AES256-GCM-SHA384',
  'DHE-RSA-CHACHA20-POLY1305',
].join(':');
const mozillaGroups = ['-groups', 'X25519:prime256v1:secp384r1'];

type Configuration = Omit<OpenSslServerOptions, 'keyPair'> & { readonly keyType: 'rsa' | 'ec' };
const configurations = {
  intermediate: {
    keyType: 'rsa',
    protocols: ['-no_ssl3', '-no_tls1', '-no_tls1_1', ...mozillaGroups],
    cipher: intermediateCiphers,
  },
  modern: { keyType: 'ec', protocols: ['-tls1_3', ...mozillaGroups] },
  // The distribution's OpenSSL 3 has no 3DES or RC4 left, so RSA key transport and CBC are the weak suites here.
  legacy: {
    keyType: 'rsa',
    protocols: ['-no_ssl3', '-no_tls1_2', '-no_tls1_3'],
    cipher: 'AES128-SHA:ECDHE-RSA-AES128-SHA:DHE-RSA-AES256-SHA:@SECLEVEL=0',
    serverPreference: true,
  },
} satisfies Record<string, Configuration>;
type Label = keyof typeof configurations;

let workDir = '';
const roots: string[] = [];
const servers = new Map<Label, RunningServer>();

/** Modern wants an ECDSA signature on the certificate, so its issuer is an EC root made here by openssl. */
const ecRoot = async (directory: string): Promise<KeyPair> => {
  const pair = { certificate: join(directory, 'ec-root.crt'), key: join(directory, 'ec-root.key') };
  const args = ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-sha256'];
  const result = await runCommand(
    'openssl',
    [
      ...args,
      ...['-days', '30', '-subj', '/O=Sec-An Test/CN=Sec-An Test EC Root'],
      ...['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
      ...['-keyout', pair.key, '-out', pair.certificate],
    ],
    { timeoutMs: 60_000 },
  );
  if (result.exitCode !== 0) throw new Error(`openssl req failed: ${result.output}`);
  return pair;
};

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'sec-an-compliance-'));
  const pki = await createTestPki(workDir);
  const ec = await ecRoot(workDir);
  roots.push(readFileSync(pki.root.certificate, 'utf8'), readFileSync(ec.certificate, 'utf8'));
  for (const [label, { keyType, ...options }] of Object.entries(configurations)) {
    const keyPair = await pki.issueLeaf(label, {
      names: [`${label}.test`],
      keyType,
      issuer: keyType === 'ec' ? ec : 'root',
    });
    servers.set(label as Label, await startOpenSslServer({ keyPair, ...options }));
  }
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
  rmSync(workDir, { recursive: true, force: true });
});

/** Scans the server as its name, and analyses the chain it serves against the test roots. */
const factsOf = async (label: Label): Promise<TlsFacts> => {
  const endpoint = { address: loopback, port: servers.get(label)?.port ?? 0 };
  const serverName = `${label}.test`;
  const scan = await scanEndpoint(endpoint, { serverName, totalBudgetMs: 30_000 });
  expect(scan.status).toBe('scanned');
  // A TLS 1.3-only server's chain is encrypted; read it through a real session when the scan has none.
  const chain =
    scan.certificates.length > 0
      ? scan.certificates
      : (await fetchTls13Certificates(endpoint, serverName, 5_000)).certificates;
  const analysis = analyseChain(chain, { serverName, at: new Date(), roots });
  return tlsFactsOf(scan, servedCertificateFactsOf(analysis));
};

const reasonsOf = (facts: TlsFacts, profile: string): [string, string][] =>
  (mozillaCompliance(facts).find((result) => result.profile === profile)?.reasons ?? []).map((reason) => [
    reason.code,
    reason.subject,
  ]);

describe('compliance and grade of real openssl servers', () => {
  it('finds a server configured as Mozilla intermediate compliant with intermediate, graded A', async () => {
    const facts = await factsOf('intermediate');
    expect(facts.protocols.map((protocol) => protocol.version)).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(reasonsOf(facts, 'intermediate')).toEqual([]);
    expect(bestMozillaProfile(mozillaCompliance(facts))).toBe('intermediate');
    expect(reasonsOf(facts, 'modern')).toContainEqual(['protocol-not-allowed', 'TLSv1.2']);
    expect(sslLabsGrade(facts)).toMatchObject({ grade: 'A', score: 93, caps: [] });
  }, 60_000);

  it('finds a server configured as Mozilla modern compliant with modern, graded A', async () => {
    const facts = await factsOf('modern');
    expect(facts.protocols.map((protocol) => protocol.version)).toEqual(['TLSv1.3']);
    expect(facts.certificate).toMatchObject({ keyType: 'ec', curve: 'prime256v1', trusted: true });
    expect(reasonsOf(facts, 'modern')).toEqual([]);
    expect(bestMozillaProfile(mozillaCompliance(facts))).toBe('modern');
    expect(reasonsOf(facts, 'intermediate')).toEqual([['protocol-missing', 'TLSv1.2']]);
    expect(sslLabsGrade(facts)).toMatchObject({ grade: 'A', score: 93, caps: [] });
  }, 60_000);

  it('fails a TLS 1.0/1.1 server preferring RSA key transport for the reasons its configuration gives', async () => {
    const facts = await factsOf('legacy');
    expect(bestMozillaProfile(mozillaCompliance(facts))).toBeUndefined();
    expect(reasonsOf(facts, 'intermediate')).toEqual([
      ['protocol-not-allowed', 'TLSv1.0'],
      ['protocol-not-allowed', 'TLSv1.1'],
      ['protocol-missing', 'TLSv1.2'],
      ['protocol-missing', 'TLSv1.3'],
      ['cipher-not-allowed', 'TLS_RSA_WITH_AES_128_CBC_SHA'],
      ['cipher-not-allowed', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'],
      ['cipher-not-allowed', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA'],
      ['group-not-allowed', 'x448'],
      ['group-not-allowed', 'secp521r1'],
    ]);
    expect(reasonsOf(facts, 'old')).toEqual([
      ['protocol-missing', 'TLSv1.2'],
      ['protocol-missing', 'TLSv1.3'],
      ['cipher-not-allowed', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA'],
      ['group-not-allowed', 'x448'],
      ['group-not-allowed', 'secp521r1'],
    ]);
    const rating = sslLabsGrade(facts);
    expect(rating).toMatchObject({
      grade: 'C',
      score: 91,
      protocolScore: 92.5,
      keyExchangeScore: 90,
      cipherScore: 90,
    });
    expect(rating?.caps.map((cap) => [cap.grade, cap.code])).toEqual([
      ['C', 'no-tls12'],
      ['B', 'tls10'],
      ['B', 'tls11'],
      ['B', 'no-forward-secrecy'],
      ['B', 'no-aead'],
    ]);
  }, 60_000);
});
