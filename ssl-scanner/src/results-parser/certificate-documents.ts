import { entityKey } from '@sec-an/contracts/entity-key';
import type { ResultDocument } from '@sec-an/contracts/scan-result';
import type { CertificateFacts } from '../certificates/index.ts';
import type { CertificateHistory } from './certificate-sightings.ts';

/** A certificate's identity is its fingerprint alone: the same certificate served anywhere is one entity. */
export const certificateKey = (fingerprintSha256: string): string => entityKey({ fingerprintSha256 });

/**
 * What a certificate says of itself, judged at the scan's end, with what the certificates table knows of where and
 * when it was served.
 */
export const certificateDocument = (
  facts: CertificateFacts,
  history: CertificateHistory,
  at: Date,
): ResultDocument => ({
  key: certificateKey(facts.fingerprintSha256),
  fields: {
    fingerprintSha256: facts.fingerprintSha256,
    subjectName: facts.subject,
    ...(facts.commonName === undefined ? {} : { commonName: facts.commonName }),
    issuerName: facts.issuer,
    dnsNames: [...facts.dnsNames],
    ipAddresses: [...facts.ipAddresses],
    notBefore: facts.notBefore,
    notAfter: facts.notAfter,
    daysToExpiry: facts.daysToExpiry,
    expired: Date.parse(facts.notAfter) < at.getTime(),
    notYetValid: Date.parse(facts.notBefore) > at.getTime(),
    keyType: facts.keyType,
    keyBits: facts.keyBits,
    ...(facts.curve === undefined ? {} : { curve: facts.curve }),
    signatureAlgorithm: facts.signatureAlgorithm,
    selfSigned: facts.selfSigned,
    ca: facts.ca,
    serialNumber: facts.serialNumber,
    firstSeen: history.firstSeen,
    lastSeen: history.lastSeen,
    endpoints: [...history.endpoints].sort(),
    endpointCount: history.endpoints.length,
    serverNames: [...history.serverNames].sort(),
  },
});
