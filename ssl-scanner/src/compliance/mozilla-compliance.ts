import { cipherCodeHex, cipherSuiteByCode, namedGroupByCode } from '../handshake/index.ts';
import {
  type MozillaProfile,
  type MozillaProfileName,
  mozillaGuidelinesVersion,
  mozillaProfiles,
} from './mozilla-guidelines.ts';
import type { ProtocolFacts, ServedCertificateFacts, TlsFacts } from './tls-facts.ts';

export type ComplianceReasonCode =
  | 'protocol-not-allowed'
  | 'protocol-missing'
  | 'cipher-not-allowed'
  | 'group-not-allowed'
  | 'dh-parameters-too-small'
  | 'certificate-not-observed'
  | 'certificate-type-not-allowed'
  | 'certificate-key-too-small'
  | 'certificate-curve-not-allowed'
  | 'certificate-signature-not-allowed'
  | 'server-order-not-enforced';

/** One violation of a profile: what kind, the thing at fault (a protocol, suite, group...) and a sentence. */
export interface ComplianceReason {
  readonly code: ComplianceReasonCode;
  readonly subject: string;
  readonly message: string;
}

export interface MozillaCompliance {
  readonly profile: MozillaProfileName;
  readonly guidelinesVersion: string;
  readonly compliant: boolean;
  readonly reasons: readonly ComplianceReason[];
}

const reason = (code: ComplianceReasonCode, subject: string, message: string): ComplianceReason => ({
  code,
  subject,
  message,
});

const suiteName = (code: number): string => cipherSuiteByCode(code)?.name ?? cipherCodeHex(code);
const groupName = (code: number): string => namedGroupByCode(code)?.name ?? `group ${code}`;

const protocolReasons = (facts: TlsFacts, profile: MozillaProfile): ComplianceReason[] => {
  const offered = facts.protocols.map((protocol) => protocol.version);
  const allowed = profile.protocols.join(', ');
  return [
    ...offered
      .filter((version) => !profile.protocols.includes(version))
      .map((version) =>
        reason('protocol-not-allowed', version, `${version} is offered; ${profile.name} allows ${allowed}`),
      ),
    ...profile.protocols
      .filter((version) => !offered.includes(version))
      .map((version) =>
        reason('protocol-missing', version, `${version} is not offered; ${profile.name} enables ${allowed}`),
      ),
  ];
};

/** SSL 2.0's cipher kinds are no IANA suites; offering SSL 2.0 at all is the violation. */
const suiteProtocols = (facts: TlsFacts): Map<number, string[]> => {
  const protocolsBySuite = new Map<number, string[]>();
  for (const protocol of facts.protocols.filter((p) => p.version !== 'SSLv2')) {
    for (const suite of protocol.cipherSuites) {
      protocolsBySuite.set(suite, [...(protocolsBySuite.get(suite) ?? []), protocol.version]);
    }
  }
  return protocolsBySuite;
};

const cipherReasons = (facts: TlsFacts, profile: MozillaProfile): ComplianceReason[] =>
  [...suiteProtocols(facts)]
    .filter(([suite]) => !profile.cipherSuites.has(suite))
    .map(([suite, versions]) =>
      reason(
        'cipher-not-allowed',
        suiteName(suite),
        `${suiteName(suite)} is accepted with ${versions.join(', ')}; it is not in the ${profile.name} suites`,
      ),
    );

const groupsOf = (protocol: ProtocolFacts): number[] => [
  ...protocol.groups,
  ...protocol.keyExchange.flatMap(({ parameters }) =>
    parameters.kind === 'ecdh' ? [parameters.namedGroup] : [],
  ),
];

const groupReasons = (facts: TlsFacts, profile: MozillaProfile): ComplianceReason[] =>
  [...new Set(facts.protocols.flatMap(groupsOf))]
    .filter((group) => !profile.groups.has(group))
    .map((group) =>
      reason(
        'group-not-allowed',
        groupName(group),
        `key exchange group ${groupName(group)} is accepted; ${profile.name} allows ${[...profile.groups].map(groupName).join(', ')}`,
      ),
    );

const dhReasons = (facts: TlsFacts, profile: MozillaProfile): ComplianceReason[] => {
  const minimum = profile.minimumDhBits;
  const primes = facts.protocols.flatMap((protocol) =>
    protocol.keyExchange.flatMap(({ parameters }) =>
      parameters.kind === 'dh' ? [parameters.primeBits] : [],
    ),
  );
  const smallest = Math.min(...primes);
  return minimum !== undefined && smallest < minimum
    ? [
        reason(
          'dh-parameters-too-small',
          `${smallest} bits`,
          `DH parameters of ${smallest} bits are used; ${profile.name} wants at least ${minimum}`,
        ),
      ]
    : [];
};

const certificateReasons = (
  certificate: ServedCertificateFacts | undefined,
  profile: MozillaProfile,
): ComplianceReason[] => {
  if (certificate === undefined) {
    return [
      reason(
        'certificate-not-observed',
        'certificate',
        'no certificate was observed, so it cannot be checked',
      ),
    ];
  }
  const keyType = certificate.keyType === 'rsa-pss' ? 'rsa' : certificate.keyType;
  const reasons: ComplianceReason[] = [];
  if (!profile.certificateKeyTypes.includes(keyType)) {
    reasons.push(
      reason(
        'certificate-type-not-allowed',
        keyType,
        `the certificate key is ${keyType}; ${profile.name} allows ${profile.certificateKeyTypes.join(', ')}`,
      ),
    );
  } else if (keyType === 'rsa' && certificate.keyBits < (profile.minimumRsaKeyBits ?? 0)) {
    reasons.push(
      reason(
        'certificate-key-too-small',
        `${certificate.keyBits} bits`,
        `the RSA key has ${certificate.keyBits} bits; ${profile.name} wants at least ${profile.minimumRsaKeyBits}`,
      ),
    );
  } else if (keyType === 'ec' && !profile.certificateCurves.includes(certificate.curve ?? 'unnamed')) {
    reasons.push(
      reason(
        'certificate-curve-not-allowed',
        certificate.curve ?? 'unnamed',
        `the certificate key is on ${certificate.curve ?? 'an unnamed curve'}; ${profile.name} allows ${profile.certificateCurves.join(', ')}`,
      ),
    );
  }
  if (!profile.certificateSignatures.includes(certificate.signatureAlgorithm)) {
    reasons.push(
      reason(
        'certificate-signature-not-allowed',
        certificate.signatureAlgorithm,
        `the certificate is signed with ${certificate.signatureAlgorithm}; ${profile.name} allows ${profile.certificateSignatures.join(', ')}`,
      ),
    );
  }
  return reasons;
};

/** TLS 1.3 leaves the choice to the client's key share order in practice; the guidelines' order is about TLS <= 1.2. */
const orderReasons = (facts: TlsFacts, profile: MozillaProfile): ComplianceReason[] => {
  if (!profile.serverPreferredOrder) return [];
  return facts.protocols
    .filter((protocol) => protocol.version !== 'TLSv1.3' && protocol.serverOrder === false)
    .map((protocol) =>
      reason(
        'server-order-not-enforced',
        protocol.version,
        `${protocol.version} follows the client's suite order; ${profile.name} wants the server's`,
      ),
    );
};

const complianceWith = (facts: TlsFacts, profile: MozillaProfile): MozillaCompliance => {
  const reasons = [
    ...protocolReasons(facts, profile),
    ...cipherReasons(facts, profile),
    ...groupReasons(facts, profile),
    ...dhReasons(facts, profile),
    ...certificateReasons(facts.certificate, profile),
    ...orderReasons(facts, profile),
  ];
  return {
    profile: profile.name,
    guidelinesVersion: mozillaGuidelinesVersion,
    compliant: reasons.length === 0,
    reasons,
  };
};

/**
 * The endpoint against each Mozilla profile of the pinned guidelines: compliant when it offers exactly the
 * profile's protocols, only its suites and groups, DH parameters and a certificate it allows, and the server's
 * order where the profile wants it; otherwise one reason per violation.
 */
export const mozillaCompliance = (facts: TlsFacts): readonly MozillaCompliance[] =>
  mozillaProfiles.map((profile) => complianceWith(facts, profile));

/** The strictest profile met, or undefined when none is. */
export const bestMozillaProfile = (results: readonly MozillaCompliance[]): MozillaProfileName | undefined =>
  results.find((result) => result.compliant)?.profile;
