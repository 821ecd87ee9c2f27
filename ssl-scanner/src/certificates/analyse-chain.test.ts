import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rootCertificates } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runCommand } from '@sec-an/local-platform/processes';
import { createTestPki, type KeyPair, selfSignedCertificate, type TestPki } from '../test-servers/index.ts';
import { analyseChain } from './analyse-chain.ts';

const day = 86_400_000;
const workDir = mkdtempSync(join(tmpdir(), 'sec-an-certificates-'));
/** After the certificates are made, so that none is a moment too new. */
let at: Date;
let pki: TestPki;
const pairs: Record<string, KeyPair> = {};

beforeAll(async () => {
  pki = await createTestPki(workDir);
  const now = Date.now();
  pairs.current = await pki.issueLeaf('current', { names: ['good.test', '*.wild.test', '127.0.0.1'] });
  pairs.expired = await pki.issueLeaf('expired', {
    names: ['old.test'],
    keyType: 'rsa',
    notBefore: new Date(now - 60 * day),
    notAfter: new Date(now - 2 * day),
  });
  pairs.future = await pki.issueLeaf('future', {
    names: ['soon.test'],
    notBefore: new Date(now + 10 * day),
    notAfter: new Date(now + 40 * day),
  });
  pairs.commonNameOnly = await pki.issueLeaf('cn-only', { names: ['cn.test'], withoutSubjectAltName: true });
  pairs.underLeaf = await pki.issueLeaf('under-leaf', { names: ['under.test'], issuer: pairs.current });
  pairs.noKeyUsage = await pki.issueLeaf('no-key-usage', { names: ['plain.test'], withoutKeyUsage: true });
  pairs.underPlainLeaf = await pki.issueLeaf('under-plain-leaf', {
    names: ['under.test'],
    issuer: pairs.noKeyUsage,
  });
  pairs.selfSigned = await selfSignedCertificate(workDir, 'self-signed', 'self.test');
  pairs.otherSelfSigned = await selfSignedCertificate(workDir, 'other-self-signed', 'other.test');
  at = new Date();
}, 120_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const der = (pair: KeyPair | undefined): Uint8Array =>
  new Uint8Array(new X509Certificate(readFileSync(pair?.certificate ?? '')).raw);
const pem = (pair: KeyPair): string => readFileSync(pair.certificate, 'utf8');
const testRoots = (): string[] => [pem(pki.root)];
const codes = (analysis: ReturnType<typeof analyseChain>): string[] =>
  analysis.reasons.map((reason) => `${reason.code}@${reason.position ?? '-'}`);

const opensslSays = async (pair: KeyPair | undefined, option: string): Promise<string> => {
  const result = await runCommand('openssl', [
    'x509',
    '-noout',
    option,
    '-sha256',
    '-in',
    pair?.certificate ?? '',
  ]);
  return result.output.trim().slice(result.output.indexOf('=') + 1);
};

describe('facts of a certificate, as openssl reads the same file', () => {
  it('reads names, validity, key, signature, serial and fingerprint', async () => {
    const { leaf } = analyseChain([der(pairs.current), der(pki.intermediate)], { at });
    expect(leaf).toMatchObject({
      position: 0,
      commonName: 'good.test',
      issuer: 'O=Sec-An Test, CN=Sec-An Test Intermediate',
      dnsNames: ['good.test', '*.wild.test'],
      ipAddresses: ['127.0.0.1'],
      daysToExpiry: 89,
      keyType: 'ec',
      keyBits: 256,
      curve: 'prime256v1',
      signatureAlgorithm: 'sha256WithRSAEncryption',
      selfSigned: false,
      ca: false,
    });
    expect(leaf?.fingerprintSha256).toBe(
      (await opensslSays(pairs.current, '-fingerprint')).replaceAll(':', '').toLowerCase(),
    );
    expect(leaf?.serialNumber).toBe(await opensslSays(pairs.current, '-serial'));
    expect(new Date(leaf?.notAfter ?? '')).toEqual(new Date(await opensslSays(pairs.current, '-enddate')));
    expect(new Date(leaf?.notBefore ?? '')).toEqual(new Date(await opensslSays(pairs.current, '-startdate')));
  });

  it('reads an RSA key size and a negative number of days once expired', () => {
    const { leaf } = analyseChain([der(pairs.expired)], { at });
    // expired two days and a moment ago: the third day before
    expect(leaf).toMatchObject({ keyType: 'rsa', keyBits: 2048, daysToExpiry: -3 });
    expect(leaf?.curve).toBeUndefined();
  });
});

describe('completeness and trust', () => {
  it('trusts a complete chain that reaches a given root', () => {
    const analysis = analyseChain([der(pairs.current), der(pki.intermediate)], { at, roots: testRoots() });
    expect(analysis).toMatchObject({
      complete: true,
      anchored: true,
      trusted: true,
      expired: false,
      reasons: [],
    });
    expect(analysis.path.map((facts) => facts.commonName)).toEqual([
      'good.test',
      'Sec-An Test Intermediate',
      'Sec-An Test Root',
    ]);
    expect(analysis.path[2]?.position).toBeUndefined();
  });

  it('finds a private chain incomplete and untrusted against the Mozilla store', () => {
    const analysis = analyseChain([der(pairs.current), der(pki.intermediate)], { at });
    expect(analysis).toMatchObject({ complete: false, anchored: false, trusted: false });
    expect(codes(analysis)).toEqual(['incomplete-chain@1']);
  });

  it('finds a leaf served without its intermediate incomplete, even with its root given', () => {
    const analysis = analyseChain([der(pairs.current)], { at, roots: testRoots() });
    expect(analysis).toMatchObject({ complete: false, trusted: false });
    expect(codes(analysis)).toEqual(['incomplete-chain@0']);
  });

  it('keeps a served root on the path, and names a root the store does not hold', () => {
    const chain = [der(pairs.current), der(pki.intermediate), der(pki.root)];
    expect(analyseChain(chain, { at, roots: testRoots() })).toMatchObject({ trusted: true, reasons: [] });
    const untrusted = analyseChain(chain, { at });
    expect(untrusted).toMatchObject({ complete: true, anchored: false, trusted: false });
    expect(codes(untrusted)).toEqual(['untrusted-root@2']);
  });

  it('names certificates served out of order and certificates off the path', () => {
    const reordered = analyseChain([der(pairs.current), der(pki.root), der(pki.intermediate)], {
      at,
      roots: testRoots(),
    });
    expect(reordered.trusted).toBe(true);
    expect(codes(reordered)).toEqual(['chain-out-of-order@2']);
    const extra = analyseChain([der(pairs.current), der(pki.intermediate), der(pairs.otherSelfSigned)], {
      at,
      roots: testRoots(),
    });
    expect(extra.trusted).toBe(true);
    expect(codes(extra)).toEqual(['unused-certificate@2']);
  });

  it('does not trust a certificate issued by a leaf', () => {
    const underPlain = analyseChain(
      [der(pairs.underPlainLeaf), der(pairs.noKeyUsage), der(pki.intermediate)],
      {
        at,
        roots: testRoots(),
      },
    );
    expect(underPlain).toMatchObject({ complete: true, anchored: true, trusted: false });
    expect(codes(underPlain)).toEqual(['issuer-not-ca@1']);
    const underServer = analyseChain([der(pairs.underLeaf), der(pairs.current), der(pki.intermediate)], {
      at,
      roots: testRoots(),
    });
    expect(underServer).toMatchObject({ complete: false, anchored: false, trusted: false });
    expect(codes(underServer)).toEqual(['invalid-issuer@1', 'unused-certificate@1', 'unused-certificate@2']);
  });

  it('reports a self-signed leaf, and trusts it once it is a given root', () => {
    const alone = analyseChain([der(pairs.selfSigned)], { at });
    expect(alone).toMatchObject({ complete: true, anchored: false, trusted: false });
    expect(alone.leaf?.selfSigned).toBe(true);
    expect(codes(alone)).toEqual(['self-signed@0']);
    const pairs_ = pairs.selfSigned;
    if (pairs_ === undefined) throw new Error('no self-signed pair');
    expect(analyseChain([der(pairs_)], { at, roots: [pem(pairs_)] })).toMatchObject({
      trusted: true,
      reasons: [],
    });
  });

  it('trusts a root of the Mozilla store bundled with Node by default', () => {
    const current = rootCertificates
      .map((text) => new X509Certificate(text))
      .find((root) => root.validToDate > at && root.validFromDate < at);
    const analysis = analyseChain([new Uint8Array(current?.raw ?? [])], { at });
    expect(analysis).toMatchObject({ complete: true, anchored: true, trusted: true, reasons: [] });
  });
});

describe('validity', () => {
  it('does not trust an expired leaf, though its chain is anchored', () => {
    const analysis = analyseChain([der(pairs.expired), der(pki.intermediate)], { at, roots: testRoots() });
    expect(analysis).toMatchObject({ anchored: true, trusted: false, expired: true, notYetValid: false });
    expect(codes(analysis)).toEqual(['expired@0']);
  });

  it('does not trust a leaf before its notBefore, and judges at the time it is given', () => {
    const chain = [der(pairs.future), der(pki.intermediate)];
    const now = analyseChain(chain, { at, roots: testRoots() });
    expect(now).toMatchObject({ trusted: false, notYetValid: true });
    expect(codes(now)).toEqual(['not-yet-valid@0']);
    const later = analyseChain(chain, { at: new Date(at.getTime() + 20 * day), roots: testRoots() });
    expect(later).toMatchObject({ trusted: true, reasons: [] });
    expect(later.leaf?.daysToExpiry).toBe(19);
  });
});

describe('the server name', () => {
  it('matches a name, a wildcard and an address the leaf covers', () => {
    const chain = [der(pairs.current), der(pki.intermediate)];
    const match = (serverName: string) => analyseChain(chain, { at, roots: testRoots(), serverName });
    expect(match('good.test').nameMatch).toEqual({
      serverName: 'good.test',
      matches: true,
      matchedBy: 'DNS:good.test',
    });
    expect(match('a.wild.test').nameMatch?.matchedBy).toBe('DNS:*.wild.test');
    expect(match('127.0.0.1').nameMatch?.matchedBy).toBe('IP:127.0.0.1');
    expect(match('good.test').reasons).toEqual([]);
  });

  it('reports a name the leaf does not cover, apart from trust', () => {
    const analysis = analyseChain([der(pairs.current), der(pki.intermediate)], {
      at,
      roots: testRoots(),
      serverName: 'other.test',
    });
    expect(analysis.trusted).toBe(true);
    expect(analysis.nameMatch?.matches).toBe(false);
    expect(codes(analysis)).toEqual(['name-mismatch@0']);
  });

  it('does not accept a name found only in the common name', () => {
    const analysis = analyseChain([der(pairs.commonNameOnly), der(pki.intermediate)], {
      at,
      roots: testRoots(),
      serverName: 'cn.test',
    });
    expect(codes(analysis)).toEqual(['name-only-in-common-name@0']);
  });
});

describe('what is not a chain', () => {
  it('reports no certificate and bytes that are no certificate', () => {
    expect(codes(analyseChain([], { at }))).toEqual(['no-certificate@-']);
    const garbage = analyseChain([new Uint8Array([0x30, 0x03, 1, 2, 3]), der(pki.intermediate)], { at });
    expect(garbage).toMatchObject({ complete: false, trusted: false, path: [] });
    expect(garbage.leaf).toBeUndefined();
    expect(garbage.certificates.map((facts) => facts.position)).toEqual([1]);
    expect(codes(garbage)).toEqual(['unparseable-certificate@0']);
  });
});
