import { describe, expect, it } from '@jest/globals';
import {
  ancient,
  intermediateTls12And13,
  mozillaCurves,
  tls10And11WeakSuites,
  tls13Only,
  withCertificate,
} from './known-configurations.test-data.ts';
import type { GradeCap } from './ssl-labs-caps.ts';
import { sslLabsGrade } from './ssl-labs-grade.ts';
import type { TlsFacts } from './tls-facts.ts';

const capsOf = (facts: TlsFacts): [GradeCap['grade'], string][] =>
  (sslLabsGrade(facts)?.caps ?? []).map((cap) => [cap.grade, cap.code]);

describe('sslLabsGrade on known configurations', () => {
  it('grades TLS 1.0 and 1.1 with 3DES first and no forward secrecy C, from a B score', () => {
    expect(sslLabsGrade(tls10And11WeakSuites)).toEqual({
      grade: 'C',
      gradeIgnoringTrust: 'C',
      score: 79,
      protocolScore: 92.5,
      keyExchangeScore: 90,
      cipherScore: 60,
      caps: [
        { grade: 'C', code: 'no-tls12', reason: 'neither TLS 1.2 nor TLS 1.3 is offered' },
        { grade: 'B', code: 'tls10', reason: 'TLS 1.0 is offered' },
        { grade: 'B', code: 'tls11', reason: 'TLS 1.1 is offered' },
        {
          grade: 'C',
          code: 'block64-modern-protocols',
          reason: 'a 64-bit block cipher is negotiated with TLS 1.1 or later: TLS_RSA_WITH_3DES_EDE_CBC_SHA',
        },
        {
          grade: 'B',
          code: 'no-forward-secrecy',
          reason:
            'a modern client negotiates TLS_RSA_WITH_3DES_EDE_CBC_SHA with TLSv1.1, without forward secrecy',
        },
        {
          grade: 'B',
          code: 'no-aead',
          reason: 'a modern client negotiates TLS_RSA_WITH_3DES_EDE_CBC_SHA with TLSv1.1, not an AEAD suite',
        },
      ],
    });
  });

  it('grades Mozilla intermediate on TLS 1.2 and 1.3 A with no cap', () => {
    expect(sslLabsGrade(intermediateTls12And13)).toEqual({
      grade: 'A',
      gradeIgnoringTrust: 'A',
      score: 93,
      protocolScore: 100,
      keyExchangeScore: 90,
      cipherScore: 90,
      caps: [],
    });
  });

  it('grades TLS 1.3 only with a P-256 key A, and T when its certificate was not observed', () => {
    expect(sslLabsGrade(tls13Only)).toMatchObject({ grade: 'A', score: 93, keyExchangeScore: 90, caps: [] });
    const { certificate: _, ...withoutCertificate } = tls13Only;
    expect(sslLabsGrade(withoutCertificate)).toMatchObject({ grade: 'T', gradeIgnoringTrust: 'A' });
    expect(capsOf(withoutCertificate)).toEqual([['T', 'certificate-not-observed']]);
  });

  it('grades an expired certificate T', () => {
    const expired = withCertificate(intermediateTls12And13, { expired: true, trusted: false });
    expect(sslLabsGrade(expired)).toMatchObject({ grade: 'T', gradeIgnoringTrust: 'A' });
    expect(capsOf(expired)).toEqual([['T', 'expired']]);
  });

  it('grades a self-signed certificate T once, not also as untrusted', () => {
    const selfSigned = withCertificate(intermediateTls12And13, { selfSigned: true, trusted: false });
    expect(sslLabsGrade(selfSigned)).toMatchObject({ grade: 'T', gradeIgnoringTrust: 'A' });
    expect(capsOf(selfSigned)).toEqual([['T', 'self-signed']]);
  });

  it('grades a certificate for another name M', () => {
    const wrongName = withCertificate(intermediateTls12And13, { nameMatches: false });
    expect(sslLabsGrade(wrongName)).toMatchObject({ grade: 'M', gradeIgnoringTrust: 'A' });
    expect(capsOf(wrongName)).toEqual([['M', 'name-mismatch']]);
  });

  it('caps an incomplete chain to B, and grades it T when it cannot be trusted', () => {
    expect(capsOf(withCertificate(intermediateTls12And13, { chainComplete: false }))).toEqual([
      ['B', 'chain-incomplete'],
    ]);
    const untrusted = withCertificate(intermediateTls12And13, { chainComplete: false, trusted: false });
    expect(sslLabsGrade(untrusted)).toMatchObject({ grade: 'T', gradeIgnoringTrust: 'B' });
    expect(capsOf(untrusted)).toEqual([
      ['B', 'chain-incomplete'],
      ['T', 'untrusted'],
    ]);
  });

  it('fails SSL 2.0, export suites and 512-bit DH, and scores them low', () => {
    expect(sslLabsGrade(ancient)).toMatchObject({
      grade: 'F',
      score: 49,
      protocolScore: 55,
      keyExchangeScore: 40,
      cipherScore: 50,
    });
    expect(capsOf(ancient)).toEqual([
      ['F', 'sslv2'],
      ['B', 'sslv3'],
      ['C', 'no-tls12'],
      ['B', 'tls10'],
      ['F', 'export-suites'],
      ['B', 'rc4'],
      ['B', 'no-forward-secrecy'],
      ['B', 'no-aead'],
      ['F', 'dh-insecure'],
      ['B', 'certificate-key-weak'],
    ]);
  });

  it('judges by the suite a modern client gets: 3DES last in a client-ordered list costs nothing', () => {
    const facts: TlsFacts = {
      ...intermediateTls12And13,
      protocols: [
        {
          version: 'TLSv1.2',
          cipherSuites: [0x000a, 0xc02f],
          serverOrder: false,
          groups: mozillaCurves,
          keyExchange: [],
        },
      ],
    };
    expect(capsOf(facts)).toEqual([]);
    expect(
      capsOf({ ...facts, protocols: facts.protocols.map((p) => ({ ...p, serverOrder: true })) }),
    ).toEqual([
      ['C', 'block64-modern-protocols'],
      ['B', 'no-forward-secrecy'],
      ['B', 'no-aead'],
    ]);
  });

  it('caps RC4 negotiated with TLS 1.2 to C', () => {
    const facts: TlsFacts = {
      ...intermediateTls12And13,
      protocols: [
        {
          version: 'TLSv1.2',
          cipherSuites: [0xc011, 0xc02f],
          serverOrder: true,
          groups: mozillaCurves,
          keyExchange: [],
        },
      ],
    };
    expect(capsOf(facts)).toEqual([
      ['C', 'rc4-modern-protocols'],
      ['B', 'no-aead'],
    ]);
  });

  it('gives no grade when no protocol was offered', () => {
    expect(sslLabsGrade({ protocols: [] })).toBeUndefined();
  });
});
