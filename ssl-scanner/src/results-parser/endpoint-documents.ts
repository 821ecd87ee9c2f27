import { entityKey } from '@sec-an/contracts/entity-key';
import type { ResultDocument } from '@sec-an/contracts/scan-result';
import type { EndpointAssessment } from '../assessment/index.ts';
import {
  type KeyExchangeParameters,
  namedGroupByCode,
  type ProtocolVersion,
  protocolVersions,
} from '../handshake/index.ts';
import type { Observation, ProtocolObservation, TlsObservations } from '../scan-task/index.ts';
import { cipherWeaknesses } from './cipher-weakness.ts';
import { describeSuite } from './suite-description.ts';

/** The endpoint and name one scan was made under: `''` stands for the scan without SNI. */
export type ScanIdentity = {
  readonly address: string;
  readonly port: number;
  readonly serverName: string;
};

/** Protocols that SSL Labs caps and every Mozilla profile but `old` refuses. */
const weakProtocols: ReadonlySet<ProtocolVersion> = new Set(['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1']);

const byVersion = (one: ProtocolVersion, other: ProtocolVersion) =>
  protocolVersions.indexOf(one) - protocolVersions.indexOf(other);

export const scanIdentityOf = (raw: TlsObservations, observation: Observation): ScanIdentity => ({
  address: raw.target.address,
  port: raw.target.port,
  serverName: observation.serverName ?? '',
});

const protocolRange = (versions: readonly ProtocolVersion[]) => {
  const [lowest] = versions;
  const highest = versions.at(-1);
  return lowest === undefined || highest === undefined
    ? {}
    : { lowestProtocol: lowest, highestProtocol: highest };
};

const offeredProtocols = (observation: Observation): ProtocolObservation[] =>
  observation.protocols.filter((protocol) => protocol.offered);

/**
 * A scan cut short: the budget was spent, or the enumeration of an offered protocol stopped early. (A protocol the
 * server did not offer can be marked partial when it answered with another version: nothing is missing there.)
 */
export const isCutShort = (observation: Observation): boolean =>
  observation.status === 'budget-spent' || offeredProtocols(observation).some((protocol) => protocol.partial);

const offeredSuites = (observation: Observation) =>
  offeredProtocols(observation).flatMap((protocol) =>
    protocol.cipherSuites.map((code) => describeSuite(protocol.version, code)),
  );

const chainFields = (assessment: EndpointAssessment) => {
  const { chain } = assessment;
  const leaf = chain.leaf;
  return {
    ...(leaf === undefined
      ? {}
      : {
          leafFingerprint: leaf.fingerprintSha256,
          certificateSubject: leaf.subject,
          certificateIssuer: leaf.issuer,
          certificateNotAfter: leaf.notAfter,
          daysToExpiry: leaf.daysToExpiry,
          certificateKeyType: leaf.keyType,
          certificateKeyBits: leaf.keyBits,
          certificateSignatureAlgorithm: leaf.signatureAlgorithm,
          selfSigned: leaf.selfSigned,
          chainComplete: chain.complete,
          anchored: chain.anchored,
          trusted: chain.trusted,
          expired: chain.expired,
          notYetValid: chain.notYetValid,
        }),
    chainFingerprints: chain.certificates.map((certificate) => certificate.fingerprintSha256),
    ...(chain.nameMatch === undefined ? {} : { nameMatches: chain.nameMatch.matches }),
    chainReasons: chain.reasons.map((reason) => ({
      code: reason.code,
      ...(reason.position === undefined ? {} : { position: reason.position }),
      detail: reason.detail,
    })),
  };
};

const gradeFields = (assessment: EndpointAssessment) => {
  const { grade } = assessment;
  return {
    bestProfile: assessment.bestProfile ?? 'none',
    compliantProfiles: assessment.compliance.filter((each) => each.compliant).map((each) => each.profile),
    ...(grade === undefined
      ? {}
      : {
          grade: grade.grade,
          gradeIgnoringTrust: grade.gradeIgnoringTrust,
          score: Math.round(grade.score),
          protocolScore: Math.round(grade.protocolScore),
          keyExchangeScore: Math.round(grade.keyExchangeScore),
          cipherScore: Math.round(grade.cipherScore),
          gradeCaps: grade.caps.map((cap) => ({ grade: cap.grade, code: cap.code, reason: cap.reason })),
        }),
  };
};

/**
 * The scan under one name: how it ended, and when the endpoint spoke TLS what it offered, the chain it served and
 * how it is judged. The grade and profiles are absent when no protocol was offered; the chain's facts when no
 * certificate was seen.
 */
export const endpointDocument = (
  raw: TlsObservations,
  observation: Observation,
  assessment: EndpointAssessment | undefined,
): ResultDocument => {
  const identity = scanIdentityOf(raw, observation);
  const versions = offeredProtocols(observation)
    .map((protocol) => protocol.version)
    .sort(byVersion);
  const suites = offeredSuites(observation);
  return {
    key: entityKey(identity),
    fields: {
      ...identity,
      sni: observation.serverName !== undefined,
      status: observation.status,
      ...(observation.detail === undefined ? {} : { statusDetail: observation.detail }),
      elapsedMs: Math.round(observation.elapsedMs),
      origin: raw.request.contract,
      protocols: versions,
      ...protocolRange(versions),
      weakProtocols: versions.filter((version) => weakProtocols.has(version)),
      cipherSuiteCount: suites.length,
      weakCipherSuiteCount: suites.filter(
        (suite) => suite.strength === 'insecure' || suite.strength === 'weak',
      ).length,
      partial: isCutShort(observation),
      ...(assessment === undefined ? {} : { ...chainFields(assessment) }),
      ...(assessment === undefined || versions.length === 0 ? {} : gradeFields(assessment)),
      scannerVersion: raw.scanner.version,
    },
  };
};

/** Every protocol probed, offered or not: a protocol turned off is a change of `offered`, not a disappearance. */
export const protocolDocuments = (raw: TlsObservations, observation: Observation): ResultDocument[] =>
  observation.protocols.map((protocol) => {
    const identity = { ...scanIdentityOf(raw, observation), protocol: protocol.version };
    return {
      key: entityKey(identity),
      fields: {
        ...identity,
        offered: protocol.offered,
        status: protocol.offered ? 'offered' : protocol.status,
        weak: weakProtocols.has(protocol.version),
        cipherSuiteCount: protocol.cipherSuites.length,
        ...(protocol.serverOrder === undefined ? {} : { serverOrder: protocol.serverOrder }),
        groups: protocol.groups.map((code) => namedGroupByCode(code)?.name ?? `group-${code}`),
        partial: protocol.partial,
      },
    };
  });

const keyExchangeFields = (parameters: KeyExchangeParameters | undefined) => {
  switch (parameters?.kind) {
    case 'dh':
      return { keyExchangeGroup: 'dh', keyExchangeBits: parameters.primeBits };
    case 'rsa':
      return { keyExchangeGroup: 'rsa', keyExchangeBits: parameters.modulusBits };
    case 'ecdh-explicit':
      return { keyExchangeGroup: 'explicit-curve' };
    case 'ecdh': {
      const group = namedGroupByCode(parameters.namedGroup);
      return group === undefined
        ? { keyExchangeGroup: `group-${parameters.namedGroup}` }
        : { keyExchangeGroup: group.name, keyExchangeBits: group.bits };
    }
    default:
      return {};
  }
};

/** Every accepted suite of every offered protocol; its preference index only where the server imposes its order. */
export const cipherDocuments = (raw: TlsObservations, observation: Observation): ResultDocument[] =>
  offeredProtocols(observation).flatMap((protocol) => {
    const parameters = new Map(protocol.keyExchange.map((entry) => [entry.cipherSuite, entry.parameters]));
    return protocol.cipherSuites.map((code, index) => {
      const suite = describeSuite(protocol.version, code);
      const identity = {
        ...scanIdentityOf(raw, observation),
        protocol: protocol.version,
        cipherSuite: suite.name,
      };
      const weakReasons = cipherWeaknesses(suite, parameters.get(code));
      return {
        key: entityKey(identity),
        fields: {
          ...identity,
          code: suite.code,
          ...(protocol.serverOrder === true ? { preferenceIndex: index } : {}),
          bits: suite.encryptionBits,
          keyExchange: suite.keyExchange,
          authentication: suite.authentication,
          encryption: suite.encryption,
          mac: suite.mac,
          forwardSecrecy: suite.forwardSecrecy,
          aead: suite.aead,
          export: suite.export,
          strength: suite.strength,
          weak: suite.strength === 'insecure' || suite.strength === 'weak',
          weakReasons,
          ...keyExchangeFields(parameters.get(code)),
        },
      };
    });
  });

/** One document per Mozilla profile, compliant or with every reason it is not. */
export const complianceDocuments = (
  raw: TlsObservations,
  observation: Observation,
  assessment: EndpointAssessment,
): ResultDocument[] =>
  assessment.compliance.map((compliance) => {
    const identity = { ...scanIdentityOf(raw, observation), profile: compliance.profile };
    return {
      key: entityKey(identity),
      fields: {
        ...identity,
        guidelinesVersion: compliance.guidelinesVersion,
        compliant: compliance.compliant,
        reasonCodes: [...new Set(compliance.reasons.map((reason) => reason.code))].sort(),
        reasonCount: compliance.reasons.length,
        reasons: compliance.reasons.map((reason) => ({ ...reason })),
      },
    };
  });
