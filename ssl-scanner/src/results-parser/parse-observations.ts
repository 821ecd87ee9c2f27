import { entityKey } from '@sec-an/contracts/entity-key';
import type { ResultDocument, ScanResult } from '@sec-an/contracts/scan-result';
import { assessEndpoint, type EndpointAssessment } from '../assessment/index.ts';
import type { CertificateFacts, RootCertificates } from '../certificates/index.ts';
import { type Observation, observedScanOf, type TlsObservations, tlsTask } from '../scan-task/index.ts';
import { certificateDocument, certificateKey } from './certificate-documents.ts';
import {
  type CertificateHistory,
  certificateSightingsOf,
  historyOfSighting,
} from './certificate-sightings.ts';
import {
  cipherDocuments,
  complianceDocuments,
  endpointDocument,
  isCutShort,
  protocolDocuments,
} from './endpoint-documents.ts';
import { endpointName } from './endpoint-name.ts';
import { parserVersion } from './parser-identity.ts';

export interface ParseOptions {
  /** The raw object parsed, stamped into every result so it can be parsed again. */
  readonly source: { readonly bucket: string; readonly key: string };
  /**
   * What the certificates table knows of each certificate served, by fingerprint; a certificate it lacks is
   * described by this raw object alone (first and last seen now, this endpoint).
   */
  readonly certificateHistory?: ReadonlyMap<string, CertificateHistory>;
  /** Trust anchors; Mozilla's store as bundled with Node when absent. */
  readonly roots?: RootCertificates;
}

interface AssessedObservation {
  readonly observation: Observation;
  readonly assessment?: EndpointAssessment;
}

/** A scan the scope forbade, or one that never saw TLS, has nothing to judge. */
const assess = (raw: TlsObservations, observation: Observation, at: Date, options: ParseOptions) => {
  if (observation.status === 'out-of-scope') return undefined;
  const spokeTls =
    observation.certificates.length > 0 || observation.protocols.some((protocol) => protocol.offered);
  if (!spokeTls) return undefined;
  const scan = { ...observedScanOf(observation, raw.target), status: observation.status };
  return assessEndpoint(scan, { at, ...(options.roots === undefined ? {} : { roots: options.roots }) });
};

/**
 * A scan cut short (the budget spent before every protocol was tried, an enumeration stopped) proves nothing about
 * what it did not reach, so its result removes nothing from the endpoint's snapshot.
 */
const coverageOf = (raw: TlsObservations): ScanResult['coverage'] =>
  raw.observations.some(isCutShort) ? 'partial' : 'complete';

const envelope = (raw: TlsObservations, options: ParseOptions, subject: ScanResult['subject']) => {
  const requestId = raw.request.message.requestId;
  return {
    contract: 'scan-result' as const,
    version: 1 as const,
    task: tlsTask,
    requestId,
    startedAt: raw.startedAt,
    endedAt: raw.endedAt,
    parserVersion,
    raw: { bucket: options.source.bucket, key: options.source.key },
    subject,
  };
};

const endpointResult = (
  raw: TlsObservations,
  assessed: readonly AssessedObservation[],
  options: ParseOptions,
): ScanResult => {
  const label = endpointName(raw.target.address, raw.target.port);
  const judged = assessed.flatMap(({ observation, assessment }) =>
    assessment === undefined ? [] : [{ observation, assessment }],
  );
  return {
    ...envelope(raw, options, { key: entityKey({ ...raw.target }), label }),
    scanId: `${tlsTask}/${raw.request.message.requestId}/${label}`,
    coverage: coverageOf(raw),
    documents: {
      'tls-endpoint': assessed.map(({ observation, assessment }) =>
        endpointDocument(raw, observation, assessment),
      ),
      'tls-protocol': assessed.flatMap(({ observation }) => protocolDocuments(raw, observation)),
      'tls-cipher': assessed.flatMap(({ observation }) => cipherDocuments(raw, observation)),
      'tls-compliance': judged
        .filter(({ observation }) => observation.protocols.some((protocol) => protocol.offered))
        .flatMap(({ observation, assessment }) => complianceDocuments(raw, observation, assessment)),
    },
  };
};

/** Every certificate any scan of the raw object was served, once, as its chain analysis describes it. */
const servedCertificates = (assessed: readonly AssessedObservation[]): CertificateFacts[] => {
  const byFingerprint = new Map<string, CertificateFacts>();
  for (const { assessment } of assessed) {
    for (const facts of assessment?.chain.certificates ?? []) {
      if (!byFingerprint.has(facts.fingerprintSha256)) byFingerprint.set(facts.fingerprintSha256, facts);
    }
  }
  return [...byFingerprint.values()];
};

const certificateResult = (
  raw: TlsObservations,
  facts: CertificateFacts,
  history: CertificateHistory,
  options: ParseOptions,
  at: Date,
): ScanResult => {
  const document: ResultDocument = certificateDocument(facts, history, at);
  return {
    ...envelope(raw, options, {
      key: certificateKey(facts.fingerprintSha256),
      label: facts.commonName ?? facts.fingerprintSha256,
    }),
    scanId: `${tlsTask}/${raw.request.message.requestId}/${facts.fingerprintSha256}`,
    coverage: 'complete',
    documents: { certificate: [document] },
  };
};

/**
 * The results of one raw tls-observations object: one for the endpoint (address and port), holding a document per
 * scan (without SNI and per name) with its protocols, suites and Mozilla verdicts, so that a rescan of the
 * endpoint replaces all of them; then one per certificate served, whose subject is the certificate itself, so no
 * endpoint's rescan ever removes a certificate another endpoint served. Validity, days to expiry and grades are
 * judged at the scan's end, so parsing the same object again gives the same documents.
 */
export const parseTlsObservations = (raw: TlsObservations, options: ParseOptions): ScanResult[] => {
  const at = new Date(raw.endedAt);
  const assessed = raw.observations.map((observation) => {
    const assessment = assess(raw, observation, at, options);
    return { observation, ...(assessment === undefined ? {} : { assessment }) };
  });
  const sightings = new Map(
    certificateSightingsOf(raw).map((sighting) => [sighting.fingerprintSha256, sighting]),
  );
  const certificates = servedCertificates(assessed).flatMap((facts) => {
    const sighting = sightings.get(facts.fingerprintSha256);
    const history =
      options.certificateHistory?.get(facts.fingerprintSha256) ??
      (sighting === undefined ? undefined : historyOfSighting(sighting));
    return history === undefined ? [] : [certificateResult(raw, facts, history, options, at)];
  });
  return [endpointResult(raw, assessed, options), ...certificates];
};
