import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loopback } from '@sec-an/local-platform/ports';
import { scanEndpoint } from '../probe/index.ts';
import {
  createTestPki,
  type KeyPair,
  type RunningServer,
  selfSignedCertificate,
  startOpenSslServer,
  type TestPki,
} from '../test-servers/index.ts';
import { analyseChain, type ChainAnalysis } from './analyse-chain.ts';

const day = 86_400_000;
const workDir = mkdtempSync(join(tmpdir(), 'sec-an-certificate-servers-'));
const servers = new Map<string, RunningServer>();
let pki: TestPki;

const tls12 = ['-tls1_2'];
const tls13 = ['-tls1_3'];

const serve = async (label: string, keyPair: KeyPair, protocols: string[], chain?: string): Promise<void> => {
  servers.set(
    label,
    await startOpenSslServer({ keyPair, protocols, ...(chain === undefined ? {} : { chain }) }),
  );
};

beforeAll(async () => {
  pki = await createTestPki(workDir);
  const now = Date.now();
  const current = await pki.issueLeaf('current', { names: ['good.test', '*.wild.test', '127.0.0.1'] });
  const expired = await pki.issueLeaf('expired', {
    names: ['old.test'],
    notBefore: new Date(now - 90 * day),
    notAfter: new Date(now - 5 * day),
  });
  const selfSigned = await selfSignedCertificate(workDir, 'self-signed', 'self.test');
  const chain = pki.intermediate.certificate;
  await Promise.all([
    serve('complete, TLS 1.2', current, tls12, chain),
    serve('complete, TLS 1.3 only', current, tls13, chain),
    serve('leaf alone, TLS 1.2', current, tls12),
    serve('leaf alone, TLS 1.3 only', current, tls13),
    serve('expired, TLS 1.2', expired, tls12, chain),
    serve('self-signed, TLS 1.2', selfSigned, tls12),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((server) => server.stop()));
  rmSync(workDir, { recursive: true, force: true });
});

const testRoots = (): string[] => [readFileSync(pki.root.certificate, 'utf8')];

/** Scans the server as the scanner does, then analyses the chain the scan got. */
const scanAndAnalyse = async (
  label: string,
  serverName: string | undefined,
  roots?: string[],
): Promise<{ analysis: ChainAnalysis; source: string | undefined }> => {
  const scan = await scanEndpoint(
    { address: loopback, port: servers.get(label)?.port ?? 0 },
    { ...(serverName === undefined ? {} : { serverName }), totalBudgetMs: 30_000 },
  );
  expect(scan.status).toBe('scanned');
  const analysis = analyseChain(scan.certificates, {
    at: new Date(),
    ...(serverName === undefined ? {} : { serverName }),
    ...(roots === undefined ? {} : { roots }),
  });
  return { analysis, source: scan.certificateSource };
};

const codes = (analysis: ChainAnalysis): string[] =>
  analysis.reasons.map((reason) => `${reason.code}@${reason.position ?? '-'}`);

describe('chains scanned from openssl s_server', () => {
  it.each([
    ['complete, TLS 1.2', 'clear-handshake'],
    ['complete, TLS 1.3 only', 'tls13-session'],
  ])(
    'trusts the chain of %s once the test CA is a root, and finds the name',
    async (label, expectedSource) => {
      const { analysis, source } = await scanAndAnalyse(label, 'good.test', testRoots());
      expect(source).toBe(expectedSource);
      expect(analysis.certificates.map((facts) => facts.commonName)).toEqual([
        'good.test',
        'Sec-An Test Intermediate',
      ]);
      expect(analysis).toMatchObject({
        complete: true,
        trusted: true,
        nameMatch: { matches: true },
        reasons: [],
      });
    },
    60_000,
  );

  it('finds the same chain untrusted against the Mozilla store', async () => {
    const { analysis } = await scanAndAnalyse('complete, TLS 1.2', 'good.test');
    expect(analysis).toMatchObject({ complete: false, trusted: false });
    expect(codes(analysis)).toEqual(['incomplete-chain@1']);
  }, 60_000);

  it('reports a name the certificate does not cover, and matches a wildcard', async () => {
    const { analysis } = await scanAndAnalyse('complete, TLS 1.2', 'other.test', testRoots());
    expect(analysis.trusted).toBe(true);
    expect(codes(analysis)).toEqual(['name-mismatch@0']);
    const wildcard = await scanAndAnalyse('complete, TLS 1.3 only', 'a.wild.test', testRoots());
    expect(wildcard.analysis.nameMatch?.matchedBy).toBe('DNS:*.wild.test');
  }, 60_000);

  it.each(['leaf alone, TLS 1.2', 'leaf alone, TLS 1.3 only'])(
    'finds the chain of %s incomplete',
    async (label) => {
      const { analysis } = await scanAndAnalyse(label, undefined, testRoots());
      expect(analysis.certificates).toHaveLength(1);
      expect(analysis).toMatchObject({ complete: false, trusted: false });
      expect(codes(analysis)).toEqual(['incomplete-chain@0']);
      expect(analysis.leaf?.ipAddresses).toEqual(['127.0.0.1']);
    },
    60_000,
  );

  it('reports an expired certificate', async () => {
    const { analysis } = await scanAndAnalyse('expired, TLS 1.2', 'old.test', testRoots());
    expect(analysis).toMatchObject({ anchored: true, trusted: false, expired: true });
    expect(analysis.leaf?.daysToExpiry).toBeLessThan(-4);
    expect(codes(analysis)).toEqual(['expired@0']);
  }, 60_000);

  it('reports a self-signed certificate', async () => {
    const { analysis } = await scanAndAnalyse('self-signed, TLS 1.2', 'self.test');
    expect(analysis).toMatchObject({ complete: true, trusted: false, nameMatch: { matches: true } });
    expect(codes(analysis)).toEqual(['self-signed@0']);
  }, 60_000);
});
