import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestPki } from '../test-servers/index.ts';
import { certificateFacts } from './certificate-facts.ts';
import { matchServerName } from './name-match.ts';

const workDir = mkdtempSync(join(tmpdir(), 'sec-an-name-match-'));
let certificate: X509Certificate;

beforeAll(async () => {
  const pki = await createTestPki(workDir);
  const leaf = await pki.issueLeaf('names', {
    names: ['good.test', '*.wild.test', 'xn--bcher-kva.test', '127.0.0.1', '2001:db8::1'],
  });
  certificate = new X509Certificate(readFileSync(leaf.certificate));
}, 60_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const names = [
  'good.test',
  'GOOD.Test',
  'a.wild.test',
  'wild.test',
  'a.b.wild.test',
  'other.test',
  'agood.test',
];
const addresses = ['127.0.0.1', '127.0.0.2', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', '2001:db8::2'];

describe('server name matching per RFC 6125', () => {
  it.each(names)('agrees with OpenSSL on the DNS name %s', (name) => {
    const ours = matchServerName(certificateFacts(certificate, new Date()), name).matches;
    const openssl = certificate.checkHost(name, { subject: 'never', partialWildcards: false }) !== undefined;
    expect(ours).toBe(openssl);
  });

  it.each(addresses)('agrees with OpenSSL on the address %s', (address) => {
    const ours = matchServerName(certificateFacts(certificate, new Date()), address).matches;
    expect(ours).toBe(certificate.checkIP(address) !== undefined);
  });

  it('matches an internationalised name by its A-label, and says which entry covers a name', () => {
    const facts = certificateFacts(certificate, new Date());
    expect(matchServerName(facts, 'bücher.test')).toMatchObject({
      matches: true,
      matchedBy: 'DNS:xn--bcher-kva.test',
    });
    expect(matchServerName(facts, 'a.wild.test').matchedBy).toBe('DNS:*.wild.test');
    // an absolute name (trailing dot) is the same name, as browsers hold, though OpenSSL's check differs
    expect(matchServerName(facts, 'good.test.').matches).toBe(true);
    expect(matchServerName(facts, '[2001:db8::1]').matchedBy).toBe('IP:2001:db8::1');
  });

  it('never lets an address match a DNS entry that spells it', () => {
    expect(matchServerName({ dnsNames: ['127.0.0.1'], ipAddresses: [] }, '127.0.0.1').matches).toBe(false);
  });

  it.each([
    ['*.test', 'a.test'],
    ['f*.example.test', 'foo.example.test'],
    ['a.*.example.test', 'a.b.example.test'],
    ['*.*.example.test', 'a.b.example.test'],
    ['*.example.test', '.example.test'],
  ])('gives %s no power over %s', (pattern, name) => {
    expect(matchServerName({ dnsNames: [pattern], ipAddresses: [] }, name)).toEqual({
      serverName: name,
      matches: false,
      reason: 'name-mismatch',
    });
  });
});
