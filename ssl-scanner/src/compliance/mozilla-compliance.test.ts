import { describe, expect, it } from '@jest/globals';
import {
  intermediateTls12And13,
  tls10And11WeakSuites,
  tls13Only,
  withCertificate,
} from './known-configurations.test-data.ts';
import { bestMozillaProfile, mozillaCompliance } from './mozilla-compliance.ts';
import type { TlsFacts } from './tls-facts.ts';

const verdicts = (facts: TlsFacts): Record<string, [string, string][]> =>
  Object.fromEntries(
    mozillaCompliance(facts).map((result) => [
      result.profile,
      result.reasons.map((reason): [string, string] => [reason.code, reason.subject]),
    ]),
  );

const weakSuites = [
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_DHE_RSA_WITH_AES_256_CBC_SHA',
];

describe('mozillaCompliance on known configurations', () => {
  it('finds TLS 1.0 and 1.1 with weak suites compliant with no profile, for each precise reason', () => {
    expect(verdicts(tls10And11WeakSuites)).toEqual({
      modern: [
        ['protocol-not-allowed', 'TLSv1.0'],
        ['protocol-not-allowed', 'TLSv1.1'],
        ['protocol-missing', 'TLSv1.3'],
        ...weakSuites.map((suite): [string, string] => ['cipher-not-allowed', suite]),
        ['group-not-allowed', 'x448'],
        ['group-not-allowed', 'secp521r1'],
        ['certificate-type-not-allowed', 'rsa'],
        ['certificate-signature-not-allowed', 'sha256WithRSAEncryption'],
      ],
      intermediate: [
        ['protocol-not-allowed', 'TLSv1.0'],
        ['protocol-not-allowed', 'TLSv1.1'],
        ['protocol-missing', 'TLSv1.2'],
        ['protocol-missing', 'TLSv1.3'],
        ...weakSuites.map((suite): [string, string] => ['cipher-not-allowed', suite]),
        ['group-not-allowed', 'x448'],
        ['group-not-allowed', 'secp521r1'],
      ],
      old: [
        ['protocol-missing', 'TLSv1.2'],
        ['protocol-missing', 'TLSv1.3'],
        ['cipher-not-allowed', 'TLS_DHE_RSA_WITH_AES_256_CBC_SHA'],
        ['group-not-allowed', 'x448'],
        ['group-not-allowed', 'secp521r1'],
      ],
    });
    expect(bestMozillaProfile(mozillaCompliance(tls10And11WeakSuites))).toBeUndefined();
  });

  it('says which protocols a suite is accepted with and what the profile allows', () => {
    const intermediate = mozillaCompliance(tls10And11WeakSuites).find((r) => r.profile === 'intermediate');
    expect(intermediate?.guidelinesVersion).toBe('5.8');
    expect(intermediate?.reasons[0]?.message).toBe(
      'TLSv1.0 is offered; intermediate allows TLSv1.2, TLSv1.3',
    );
    expect(intermediate?.reasons[4]?.message).toBe(
      'TLS_RSA_WITH_3DES_EDE_CBC_SHA is accepted with TLSv1.0, TLSv1.1; it is not in the intermediate suites',
    );
  });

  it('finds Mozilla intermediate on TLS 1.2 and 1.3 intermediate, not modern nor old', () => {
    expect(verdicts(intermediateTls12And13)).toEqual({
      modern: [
        ['protocol-not-allowed', 'TLSv1.2'],
        ...[
          'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
          'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
          'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384',
          'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256',
          'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
          'TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
          'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
          'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
          'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
        ].map((suite): [string, string] => ['cipher-not-allowed', suite]),
        ['certificate-type-not-allowed', 'rsa'],
        ['certificate-signature-not-allowed', 'sha256WithRSAEncryption'],
      ],
      intermediate: [],
      old: [
        ['protocol-missing', 'TLSv1.0'],
        ['protocol-missing', 'TLSv1.1'],
        ['server-order-not-enforced', 'TLSv1.2'],
      ],
    });
    expect(bestMozillaProfile(mozillaCompliance(intermediateTls12And13))).toBe('intermediate');
  });

  it('finds TLS 1.3 only with a P-256 certificate modern', () => {
    expect(verdicts(tls13Only)).toEqual({
      modern: [],
      intermediate: [['protocol-missing', 'TLSv1.2']],
      old: [
        ['protocol-missing', 'TLSv1.0'],
        ['protocol-missing', 'TLSv1.1'],
        ['protocol-missing', 'TLSv1.2'],
        ['certificate-type-not-allowed', 'ec'],
        ['certificate-signature-not-allowed', 'ecdsa-with-SHA256'],
      ],
    });
    expect(bestMozillaProfile(mozillaCompliance(tls13Only))).toBe('modern');
  });

  it('leaves trust, expiry and names to the grade: the guidelines do not judge them', () => {
    const broken = withCertificate(intermediateTls12And13, {
      selfSigned: true,
      trusted: false,
      expired: true,
      nameMatches: false,
      chainComplete: false,
    });
    expect(verdicts(broken).intermediate).toEqual([]);
  });

  it('flags a small RSA key, a P-521 key, a SHA-1 signature, small DH parameters and a missing certificate', () => {
    expect(verdicts(withCertificate(intermediateTls12And13, { keyBits: 1024 })).intermediate).toEqual([
      ['certificate-key-too-small', '1024 bits'],
    ]);
    const p521 = withCertificate(intermediateTls12And13, {
      keyType: 'ec',
      keyBits: 521,
      curve: 'secp521r1',
      signatureAlgorithm: 'ecdsa-with-SHA1',
    });
    expect(verdicts(p521).intermediate).toEqual([
      ['certificate-curve-not-allowed', 'secp521r1'],
      ['certificate-signature-not-allowed', 'ecdsa-with-SHA1'],
    ]);
    const smallDh: TlsFacts = {
      ...intermediateTls12And13,
      protocols: intermediateTls12And13.protocols.map((protocol) => ({
        ...protocol,
        keyExchange: protocol.keyExchange.map((entry) =>
          entry.parameters.kind === 'dh'
            ? { ...entry, parameters: { ...entry.parameters, primeBits: 1024 } }
            : entry,
        ),
      })),
    };
    expect(verdicts(smallDh)).toMatchObject({
      intermediate: [['dh-parameters-too-small', '1024 bits']],
      old: [
        ['protocol-missing', 'TLSv1.0'],
        ['protocol-missing', 'TLSv1.1'],
        ['server-order-not-enforced', 'TLSv1.2'],
      ],
    });
    const { certificate: _, ...withoutCertificate } = tls13Only;
    expect(verdicts(withoutCertificate).modern).toEqual([['certificate-not-observed', 'certificate']]);
  });
});
