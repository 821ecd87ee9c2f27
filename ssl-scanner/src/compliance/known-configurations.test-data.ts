import type { ProtocolFacts, ServedCertificateFacts, SuiteKeyExchange, TlsFacts } from './tls-facts.ts';

/** The facts the scanner observes on servers of known configurations, for the grade and compliance tests. */

const x25519 = 29;
const secp256r1 = 23;
const secp384r1 = 24;
const x448 = 30;
const secp521r1 = 25;

/** OpenSSL 3's default groups, as an s_server without `-groups` accepts them. */
const opensslDefaultCurves = [x25519, secp256r1, x448, secp521r1, secp384r1];
export const mozillaCurves = [x25519, secp256r1, secp384r1];

const ecdh = (suite: number, namedGroup: number): SuiteKeyExchange => ({
  suite,
  parameters: { kind: 'ecdh', namedGroup },
});
const dh = (suite: number, primeBits: number): SuiteKeyExchange => ({
  suite,
  parameters: { kind: 'dh', primeBits, generator: 2 },
});

export const trustedRsaCertificate: ServedCertificateFacts = {
  keyType: 'rsa',
  keyBits: 2048,
  signatureAlgorithm: 'sha256WithRSAEncryption',
  selfSigned: false,
  chainComplete: true,
  trusted: true,
  expired: false,
  notYetValid: false,
  nameMatches: true,
};

export const trustedEcCertificate: ServedCertificateFacts = {
  ...trustedRsaCertificate,
  keyType: 'ec',
  keyBits: 256,
  curve: 'prime256v1',
  signatureAlgorithm: 'ecdsa-with-SHA256',
};

/** DES-CBC3-SHA, AES128-SHA, ECDHE-RSA-AES128-SHA, DHE-RSA-AES256-SHA in that server order. */
const weakLegacyProtocol = (version: 'TLSv1.0' | 'TLSv1.1'): ProtocolFacts => ({
  version,
  cipherSuites: [0x000a, 0x002f, 0xc013, 0x0039],
  serverOrder: true,
  groups: opensslDefaultCurves,
  keyExchange: [ecdh(0xc013, x25519), dh(0x0039, 2048)],
});

export const tls10And11WeakSuites: TlsFacts = {
  protocols: [weakLegacyProtocol('TLSv1.0'), weakLegacyProtocol('TLSv1.1')],
  certificate: trustedRsaCertificate,
};

/** Mozilla intermediate's suites, client order, Mozilla's curves, 2048-bit DH. */
export const intermediateTls12And13: TlsFacts = {
  protocols: [
    {
      version: 'TLSv1.2',
      cipherSuites: [0xc030, 0xc02c, 0x009f, 0xcca9, 0xcca8, 0xccaa, 0xc02f, 0xc02b, 0x009e],
      serverOrder: false,
      groups: mozillaCurves,
      keyExchange: [
        ecdh(0xc030, x25519),
        ecdh(0xcca8, x25519),
        ecdh(0xc02f, x25519),
        dh(0x009f, 2048),
        dh(0xccaa, 2048),
        dh(0x009e, 2048),
      ],
    },
    {
      version: 'TLSv1.3',
      cipherSuites: [0x1302, 0x1303, 0x1301],
      serverOrder: false,
      groups: mozillaCurves,
      keyExchange: [],
    },
  ],
  certificate: trustedRsaCertificate,
};

export const tls13Only: TlsFacts = {
  protocols: [
    {
      version: 'TLSv1.3',
      cipherSuites: [0x1302, 0x1303, 0x1301],
      serverOrder: false,
      groups: mozillaCurves,
      keyExchange: [],
    },
  ],
  certificate: trustedEcCertificate,
};

export const withCertificate = (facts: TlsFacts, changes: Partial<ServedCertificateFacts>): TlsFacts => ({
  ...facts,
  certificate: { ...trustedRsaCertificate, ...facts.certificate, ...changes },
});

/** SSL 2.0 with an export cipher, SSL 3.0 with an export suite, TLS 1.0 with RC4 and 512-bit DH, a 1024-bit key. */
export const ancient: TlsFacts = {
  protocols: [
    { version: 'SSLv2', cipherSuites: [0x020080], groups: [], keyExchange: [] },
    { version: 'SSLv3', cipherSuites: [0x0003], groups: [], keyExchange: [] },
    {
      version: 'TLSv1.0',
      cipherSuites: [0x0004, 0x0033],
      serverOrder: true,
      groups: [],
      keyExchange: [dh(0x0033, 512)],
    },
  ],
  certificate: { ...trustedRsaCertificate, keyBits: 1024 },
};
