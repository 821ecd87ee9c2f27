import { protocolVersions } from '../handshake/index.ts';
import { certificateStrength } from './key-strength.ts';
import { allOfferedSuites, negotiatedSuite, type OfferedSuite } from './offered-suites.ts';
import type { ProtocolFacts, ServedCertificateFacts, TlsFacts } from './tls-facts.ts';

export type LetterGrade = 'A+' | 'A' | 'A-' | 'B' | 'C' | 'D' | 'E' | 'F';
/** T: the certificate is not trusted; M: it does not cover the name asked for. */
export type TrustGrade = 'T' | 'M';

export type GradeCapCode =
  | 'sslv2'
  | 'export-suites'
  | 'anonymous-suites'
  | 'null-encryption'
  | 'dh-insecure'
  | 'certificate-key-insecure'
  | 'certificate-signature-insecure'
  | 'sslv3-poodle'
  | 'sslv3'
  | 'no-tls12'
  | 'rc4-modern-protocols'
  | 'rc4'
  | 'block64-modern-protocols'
  | 'tls10'
  | 'tls11'
  | 'no-forward-secrecy'
  | 'no-aead'
  | 'dh-weak'
  | 'certificate-key-weak'
  | 'chain-incomplete'
  | 'certificate-not-observed'
  | 'self-signed'
  | 'expired'
  | 'not-yet-valid'
  | 'untrusted'
  | 'name-mismatch';

/** A rule of the rating guide that limits the grade, with the sentence that says why. */
export interface GradeCap {
  readonly grade: LetterGrade | TrustGrade;
  readonly code: GradeCapCode;
  readonly reason: string;
}

const cap = (grade: GradeCap['grade'], code: GradeCapCode, reason: string): GradeCap => ({
  grade,
  code,
  reason,
});

const names = (suites: readonly OfferedSuite[]): string =>
  [...new Set(suites.map((suite) => suite.name))].join(', ');

const offers = (facts: TlsFacts, version: ProtocolFacts['version']): boolean =>
  facts.protocols.some((protocol) => protocol.version === version);

const modernProtocols = new Set(['TLSv1.1', 'TLSv1.2', 'TLSv1.3']);

const protocolCaps = (facts: TlsFacts, suites: readonly OfferedSuite[]): GradeCap[] => {
  const sslv3Cbc = suites.filter((suite) => suite.protocol === 'SSLv3' && suite.cbc);
  return [
    ...(offers(facts, 'SSLv2') ? [cap('F', 'sslv2', 'SSL 2.0 is offered')] : []),
    ...(sslv3Cbc.length > 0
      ? [cap('C', 'sslv3-poodle', `SSL 3.0 is offered with CBC suites (POODLE): ${names(sslv3Cbc)}`)]
      : offers(facts, 'SSLv3')
        ? [cap('B', 'sslv3', 'SSL 3.0 is offered')]
        : []),
    ...(offers(facts, 'TLSv1.2') || offers(facts, 'TLSv1.3')
      ? []
      : [cap('C', 'no-tls12', 'neither TLS 1.2 nor TLS 1.3 is offered')]),
    ...(offers(facts, 'TLSv1.0') ? [cap('B', 'tls10', 'TLS 1.0 is offered')] : []),
    ...(offers(facts, 'TLSv1.1') ? [cap('B', 'tls11', 'TLS 1.1 is offered')] : []),
  ];
};

const suiteCaps = (facts: TlsFacts, suites: readonly OfferedSuite[]): GradeCap[] => {
  const exported = suites.filter((suite) => suite.export);
  const anonymous = suites.filter((suite) => suite.anonymous);
  const unencrypted = suites.filter((suite) => suite.effectiveBits === 0);
  const negotiatedModern = facts.protocols
    .filter((protocol) => modernProtocols.has(protocol.version))
    .flatMap((protocol) => negotiatedSuite(protocol) ?? []);
  const rc4Modern = negotiatedModern.filter((suite) => suite.rc4);
  const rc4 = suites.filter((suite) => suite.rc4);
  const block64Modern = negotiatedModern.filter((suite) => suite.block64);
  return [
    ...(exported.length > 0
      ? [cap('F', 'export-suites', `export suites are accepted: ${names(exported)}`)]
      : []),
    ...(anonymous.length > 0
      ? [cap('F', 'anonymous-suites', `suites without authentication are accepted: ${names(anonymous)}`)]
      : []),
    ...(unencrypted.length > 0
      ? [cap('F', 'null-encryption', `suites without encryption are accepted: ${names(unencrypted)}`)]
      : []),
    ...(rc4Modern.length > 0
      ? [cap('C', 'rc4-modern-protocols', `RC4 is negotiated with TLS 1.1 or later: ${names(rc4Modern)}`)]
      : rc4.length > 0
        ? [cap('B', 'rc4', `RC4 suites are accepted: ${names(rc4)}`)]
        : []),
    ...(block64Modern.length > 0
      ? [
          cap(
            'C',
            'block64-modern-protocols',
            `a 64-bit block cipher is negotiated with TLS 1.1 or later: ${names(block64Modern)}`,
          ),
        ]
      : []),
  ];
};

/** What a modern client gets on the best protocol the server offers (SSL 2.0 is never a modern client's choice). */
const bestNegotiated = (facts: TlsFacts): OfferedSuite | undefined => {
  const best = facts.protocols
    .filter((protocol) => protocol.version !== 'SSLv2')
    .reduce<ProtocolFacts | undefined>(
      (newest, protocol) =>
        newest === undefined ||
        protocolVersions.indexOf(protocol.version) > protocolVersions.indexOf(newest.version)
          ? protocol
          : newest,
      undefined,
    );
  return best === undefined ? undefined : negotiatedSuite(best);
};

const negotiationCaps = (facts: TlsFacts): GradeCap[] => {
  const suite = bestNegotiated(facts);
  if (suite === undefined) return [];
  return [
    ...(suite.forwardSecrecy
      ? []
      : [
          cap(
            'B',
            'no-forward-secrecy',
            `a modern client negotiates ${suite.name} with ${suite.protocol}, without forward secrecy`,
          ),
        ]),
    ...(suite.aead
      ? []
      : [
          cap(
            'B',
            'no-aead',
            `a modern client negotiates ${suite.name} with ${suite.protocol}, not an AEAD suite`,
          ),
        ]),
  ];
};

const dhCaps = (facts: TlsFacts): GradeCap[] => {
  const primes = facts.protocols.flatMap((protocol) =>
    protocol.keyExchange.flatMap(({ parameters }) =>
      parameters.kind === 'dh' ? [parameters.primeBits] : [],
    ),
  );
  const smallest = Math.min(...primes);
  if (smallest < 1024)
    return [cap('F', 'dh-insecure', `DH parameters of ${smallest} bits are used (Logjam)`)];
  if (smallest < 2048) return [cap('B', 'dh-weak', `DH parameters of ${smallest} bits are used`)];
  return [];
};

const insecureSignatures = /^(md2|md5)/i;

const certificateKeyCaps = (certificate: ServedCertificateFacts): GradeCap[] => {
  const strength = certificateStrength(certificate);
  const key = `${certificate.keyType} ${certificate.keyBits}-bit`;
  return [
    ...(strength < 1024
      ? [cap('F', 'certificate-key-insecure', `the certificate key (${key}) is weaker than RSA 1024`)]
      : strength < 2048
        ? [cap('B', 'certificate-key-weak', `the certificate key (${key}) is weaker than RSA 2048`)]
        : []),
    ...(insecureSignatures.test(certificate.signatureAlgorithm)
      ? [
          cap(
            'F',
            'certificate-signature-insecure',
            `the certificate is signed with ${certificate.signatureAlgorithm}`,
          ),
        ]
      : []),
    ...(certificate.chainComplete
      ? []
      : [cap('B', 'chain-incomplete', 'the served chain is incomplete (an intermediate is missing)')]),
  ];
};

const trustCaps = (certificate: ServedCertificateFacts): GradeCap[] => {
  const specific = [
    ...(certificate.selfSigned ? [cap('T', 'self-signed', 'the certificate is self-signed')] : []),
    ...(certificate.expired ? [cap('T', 'expired', 'the certificate has expired')] : []),
    ...(certificate.notYetValid ? [cap('T', 'not-yet-valid', 'the certificate is not valid yet')] : []),
  ];
  return [
    ...specific,
    ...(certificate.trusted || specific.length > 0
      ? []
      : [cap('T', 'untrusted', 'the chain does not lead to a trusted root')]),
    ...(certificate.nameMatches === false
      ? [cap('M', 'name-mismatch', 'the certificate does not cover the server name asked for')]
      : []),
  ];
};

const certificateCaps = (certificate: ServedCertificateFacts | undefined): GradeCap[] =>
  certificate === undefined
    ? [cap('T', 'certificate-not-observed', 'no certificate was observed, so trust cannot be established')]
    : [...certificateKeyCaps(certificate), ...trustCaps(certificate)];

/** Every cap of the rating guide and its published updates that the observed facts trigger. */
export const gradeCaps = (facts: TlsFacts): GradeCap[] => {
  const suites = allOfferedSuites(facts);
  return [
    ...protocolCaps(facts, suites),
    ...suiteCaps(facts, suites),
    ...negotiationCaps(facts),
    ...dhCaps(facts),
    ...certificateCaps(facts.certificate),
  ];
};
