import type { DocumentType } from '@sec-an/contracts/search-index';
import { tlsTask } from '../scan-task/index.ts';
import { boolean, date, endpointIdentity, endpointLabel, integer, keyword, text } from './field-mappings.ts';

/**
 * One scan of an endpoint under one server name: how it ended, what it offered, its grade and best profile, and
 * the facts of the chain it served. A rotated certificate, a new grade, a protocol turned on or off and a changed
 * best profile are changes.
 */
export const tlsEndpointDocumentType: DocumentType = {
  task: tlsTask,
  type: 'tls-endpoint',
  properties: {
    ...endpointIdentity,
    sni: boolean,
    status: keyword,
    statusDetail: text,
    elapsedMs: integer,
    origin: keyword,
    protocols: keyword,
    lowestProtocol: keyword,
    highestProtocol: keyword,
    weakProtocols: keyword,
    cipherSuiteCount: integer,
    weakCipherSuiteCount: integer,
    partial: boolean,
    bestProfile: keyword,
    compliantProfiles: keyword,
    grade: keyword,
    gradeIgnoringTrust: keyword,
    score: integer,
    protocolScore: integer,
    keyExchangeScore: integer,
    cipherScore: integer,
    gradeCaps: { properties: { grade: keyword, code: keyword, reason: text } },
    leafFingerprint: keyword,
    chainFingerprints: keyword,
    certificateSubject: keyword,
    certificateIssuer: keyword,
    certificateNotAfter: date,
    daysToExpiry: integer,
    certificateKeyType: keyword,
    certificateKeyBits: integer,
    certificateSignatureAlgorithm: keyword,
    selfSigned: boolean,
    chainComplete: boolean,
    anchored: boolean,
    trusted: boolean,
    expired: boolean,
    notYetValid: boolean,
    nameMatches: boolean,
    chainReasons: { properties: { code: keyword, position: integer, detail: text } },
    scannerVersion: keyword,
  },
  changeFields: ['status', 'leafFingerprint', 'grade', 'protocols', 'bestProfile'],
  labelFields: [...endpointLabel],
};

/** One protocol version probed on an endpoint under one name, offered or not (and then why not). */
export const tlsProtocolDocumentType: DocumentType = {
  task: tlsTask,
  type: 'tls-protocol',
  properties: {
    ...endpointIdentity,
    protocol: keyword,
    offered: boolean,
    status: keyword,
    weak: boolean,
    cipherSuiteCount: integer,
    serverOrder: boolean,
    groups: keyword,
    partial: boolean,
  },
  changeFields: ['offered', 'serverOrder'],
  labelFields: [...endpointLabel, 'protocol'],
};

/** One cipher suite an endpoint accepted with one protocol under one name, with why it is weak, if it is. */
export const tlsCipherDocumentType: DocumentType = {
  task: tlsTask,
  type: 'tls-cipher',
  properties: {
    ...endpointIdentity,
    protocol: keyword,
    cipherSuite: keyword,
    code: keyword,
    preferenceIndex: integer,
    bits: integer,
    keyExchange: keyword,
    authentication: keyword,
    encryption: keyword,
    mac: keyword,
    forwardSecrecy: boolean,
    aead: boolean,
    export: boolean,
    strength: keyword,
    weak: boolean,
    weakReasons: keyword,
    keyExchangeGroup: keyword,
    keyExchangeBits: integer,
  },
  changeFields: ['preferenceIndex', 'keyExchangeGroup', 'keyExchangeBits'],
  labelFields: [...endpointLabel, 'protocol', 'cipherSuite'],
};

/**
 * One certificate, whoever served it: its identity is its SHA-256 fingerprint, and when it was first and last
 * seen and which endpoints and names served it come from the scanner's certificates table.
 */
export const certificateDocumentType: DocumentType = {
  task: tlsTask,
  type: 'certificate',
  properties: {
    fingerprintSha256: keyword,
    subjectName: keyword,
    commonName: keyword,
    issuerName: keyword,
    dnsNames: keyword,
    ipAddresses: keyword,
    notBefore: date,
    notAfter: date,
    daysToExpiry: integer,
    expired: boolean,
    notYetValid: boolean,
    keyType: keyword,
    keyBits: integer,
    curve: keyword,
    signatureAlgorithm: keyword,
    selfSigned: boolean,
    ca: boolean,
    serialNumber: keyword,
    firstSeen: date,
    lastSeen: date,
    endpoints: keyword,
    endpointCount: integer,
    serverNames: keyword,
  },
  changeFields: ['expired'],
  labelFields: ['commonName', 'fingerprintSha256'],
};

/** One Mozilla profile judged for an endpoint under one name, with every reason it is not met. */
export const tlsComplianceDocumentType: DocumentType = {
  task: tlsTask,
  type: 'tls-compliance',
  properties: {
    ...endpointIdentity,
    profile: keyword,
    guidelinesVersion: keyword,
    compliant: boolean,
    reasonCodes: keyword,
    reasonCount: integer,
    reasons: { properties: { code: keyword, subject: keyword, message: text } },
  },
  changeFields: ['compliant', 'reasonCodes'],
  labelFields: [...endpointLabel, 'profile'],
};
