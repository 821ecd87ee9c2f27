import { describe, expect, it } from '@jest/globals';
import { entityKey } from '@sec-an/contracts/entity-key';
import { type ResultDocument, type ScanResult, scanResultV1 } from '@sec-an/contracts/scan-result';
import { certificateSightingsOf } from './certificate-sightings.ts';
import { parseTlsObservations } from './parse-observations.ts';
import { parserVersion } from './parser-identity.ts';
import { type FixtureName, fixtureNames, fixtureRoots, fixtureSource, readFixture } from './test-fixtures.ts';

const parse = (name: FixtureName, roots = fixtureRoots()) =>
  parseTlsObservations(readFixture(name), { source: fixtureSource(name), roots });

const documentsOf = (results: readonly ScanResult[], type: string): ResultDocument[] =>
  results.flatMap((result) => result.documents[type] ?? []);

const byName = (results: readonly ScanResult[]) =>
  Object.fromEntries(
    documentsOf(results, 'tls-endpoint').map((document) => [document.fields.serverName, document.fields]),
  );

describe('parseTlsObservations over raw objects of real scans', () => {
  it.each(fixtureNames)(
    '%s: valid scan-results stamped with the parser and the raw object, keys unique',
    (name) => {
      const results = parse(name);
      for (const result of results) {
        expect(scanResultV1.schema.parse(result)).toEqual(result);
        expect(result).toMatchObject({ task: 'ssl-scanner', parserVersion, raw: fixtureSource(name) });
        for (const documents of Object.values(result.documents)) {
          expect(new Set(documents.map((document) => document.key)).size).toBe(documents.length);
        }
      }
      expect(parse(name)).toEqual(results);
    },
  );

  it('makes the endpoint one subject holding a document per name, and each certificate its own subject', () => {
    const raw = readFixture('intermediate-with-names');
    const [endpoint, ...certificates] = parse('intermediate-with-names');
    expect(endpoint?.subject).toEqual({
      key: entityKey({ address: '127.0.0.1', port: raw.target.port }),
      label: `127.0.0.1:${raw.target.port}`,
    });
    expect(endpoint?.coverage).toBe('complete');
    expect(Object.keys(byName([endpoint as ScanResult])).sort()).toEqual([
      '',
      'wrong.example.test',
      'www.example.test',
    ]);
    expect(certificates.map((result) => result.subject.label).sort()).toEqual([
      'Sec-An Test Intermediate',
      'www.example.test',
    ]);
    for (const result of certificates) {
      const [document] = result.documents.certificate ?? [];
      expect(result.subject.key).toBe(document?.key);
      expect(document?.key).toBe(entityKey({ fingerprintSha256: document?.fields.fingerprintSha256 ?? '' }));
    }
  });

  it('grades the name the certificate covers A and the one it does not M, both meeting Mozilla intermediate', () => {
    const endpoints = byName(parse('intermediate-with-names'));
    expect(endpoints['www.example.test']).toMatchObject({
      sni: true,
      status: 'scanned',
      protocols: ['TLSv1.2', 'TLSv1.3'],
      grade: 'A',
      bestProfile: 'intermediate',
      nameMatches: true,
      trusted: true,
      chainComplete: true,
    });
    expect(endpoints['wrong.example.test']).toMatchObject({
      grade: 'M',
      gradeIgnoringTrust: 'A',
      nameMatches: false,
      chainReasons: [expect.objectContaining({ code: 'name-mismatch' })],
    });
    expect(endpoints['']?.leafFingerprint).toBe(endpoints['www.example.test']?.leafFingerprint);
    expect(endpoints['']).not.toHaveProperty('nameMatches');
  });

  it('judges trust against the roots it is given: the private root is no Mozilla root', () => {
    const endpoints = byName(parse('intermediate-with-names', []));
    expect(endpoints['www.example.test']).toMatchObject({ trusted: false, grade: 'T' });
  });

  it('writes one compliance document per profile with its reasons, and weak suites with why', () => {
    const results = parse('legacy-self-signed');
    expect(byName(results)['']).toMatchObject({
      protocols: ['TLSv1.0', 'TLSv1.1'],
      weakProtocols: ['TLSv1.0', 'TLSv1.1'],
      selfSigned: true,
      grade: 'T',
      bestProfile: 'none',
    });
    const compliance = documentsOf(results, 'tls-compliance').map((document) => document.fields);
    expect(compliance.map((fields) => fields.profile)).toEqual(['modern', 'intermediate', 'old']);
    expect(compliance[1]).toMatchObject({ compliant: false });
    expect(compliance[1]?.reasonCodes).toEqual(expect.arrayContaining(['protocol-not-allowed']));
    const ciphers = documentsOf(results, 'tls-cipher').map((document) => document.fields);
    const rsa = ciphers.find(
      (fields) => fields.cipherSuite === 'TLS_RSA_WITH_AES_128_CBC_SHA' && fields.protocol === 'TLSv1.0',
    );
    expect(rsa).toMatchObject({ weak: true, preferenceIndex: 0, forwardSecrecy: false });
    expect(rsa?.weakReasons).toEqual(['no-forward-secrecy', 'no-aead']);
    const offered = documentsOf(results, 'tls-protocol').filter((document) => document.fields.offered);
    expect(offered.map((document) => document.fields.protocol)).toEqual(['TLSv1.0', 'TLSv1.1']);
  });

  it("reads a TLS 1.3-only server's chain", () => {
    expect(byName(parse('tls13-only'))['']).toMatchObject({
      protocols: ['TLSv1.3'],
      leafFingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
      chainComplete: true,
    });
  });

  it('records a refused port and an out-of-scope address as endpoint documents with their status alone', () => {
    for (const [name, status] of [
      ['refused', 'refused'],
      ['out-of-scope', 'out-of-scope'],
    ] as const) {
      const results = parse(name);
      expect(results).toHaveLength(1);
      const endpoints = documentsOf(results, 'tls-endpoint').map((document) => document.fields);
      expect(endpoints.every((fields) => fields.status === status && fields.statusDetail !== undefined)).toBe(
        true,
      );
      expect(endpoints.every((fields) => fields.grade === undefined)).toBe(true);
      for (const type of ['tls-protocol', 'tls-cipher', 'tls-compliance']) {
        expect(documentsOf(results, type)).toEqual([]);
      }
    }
    expect(Object.keys(byName(parse('out-of-scope'))).sort()).toEqual(['', 'outside.example.test']);
  });

  it('gives the rotated endpoint the same keys and a new leaf, and carries the certificate history given', () => {
    const before = parse('rotation-before');
    const after = parse('rotation-after');
    expect(after[0]?.subject).toEqual(before[0]?.subject);
    const leaf = (results: ScanResult[]) => byName(results)['rotate.example.test']?.leafFingerprint;
    expect(leaf(after)).not.toBe(leaf(before));
    const history = {
      firstSeen: '2026-01-01T00:00:00.000Z',
      lastSeen: '2026-12-01T00:00:00.000Z',
      endpoints: ['192.0.2.1:443', '127.0.0.1:1'],
      serverNames: ['rotate.example.test'],
    };
    const raw = readFixture('rotation-after');
    const fingerprints = certificateSightingsOf(raw).map((sighting) => sighting.fingerprintSha256);
    const results = parseTlsObservations(raw, {
      source: fixtureSource('rotation-after'),
      certificateHistory: new Map(fingerprints.map((fingerprint) => [fingerprint, history])),
    });
    expect(documentsOf(results, 'certificate').map((document) => document.fields)).toEqual([
      expect.objectContaining({ ...history, endpoints: ['127.0.0.1:1', '192.0.2.1:443'], endpointCount: 2 }),
      expect.objectContaining({ ...history, endpoints: ['127.0.0.1:1', '192.0.2.1:443'], endpointCount: 2 }),
    ]);
  });

  it('sees each certificate once, with the names it was served under', () => {
    const raw = readFixture('intermediate-with-names');
    const sightings = certificateSightingsOf(raw);
    expect(sightings).toHaveLength(2);
    for (const sighting of sightings) {
      expect(sighting).toMatchObject({
        endpoint: `127.0.0.1:${raw.target.port}`,
        serverNames: ['wrong.example.test', 'www.example.test'],
        seenAt: raw.endedAt,
      });
    }
  });
});
