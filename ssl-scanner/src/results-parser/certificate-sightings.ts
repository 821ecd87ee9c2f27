import { X509Certificate } from 'node:crypto';
import { sha256Fingerprint } from '../certificates/index.ts';
import type { TlsObservations } from '../scan-task/index.ts';
import { endpointName } from './endpoint-name.ts';

/** One certificate served by one endpoint during one scan task run, under these names (none: without SNI). */
export interface CertificateSighting {
  readonly fingerprintSha256: string;
  readonly endpoint: string;
  readonly serverNames: readonly string[];
  /** ISO 8601: the end of the run that saw it. */
  readonly seenAt: string;
}

/** What the certificates table knows of a certificate, across every endpoint and every scan. */
export interface CertificateHistory {
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly endpoints: readonly string[];
  readonly serverNames: readonly string[];
}

const fingerprintOf = (base64: string): string | undefined => {
  try {
    return sha256Fingerprint(new X509Certificate(Buffer.from(base64, 'base64')));
  } catch {
    // The chain analysis reports an unreadable certificate; it has no identity to record.
    return undefined;
  }
};

/** Every certificate a raw object shows served, once per fingerprint, with the names it was served under. */
export const certificateSightingsOf = (raw: TlsObservations): CertificateSighting[] => {
  const names = new Map<string, Set<string>>();
  for (const observation of raw.observations) {
    for (const certificate of observation.certificates) {
      const fingerprint = fingerprintOf(certificate);
      if (fingerprint === undefined) continue;
      const served = names.get(fingerprint) ?? new Set<string>();
      if (observation.serverName !== undefined) served.add(observation.serverName);
      names.set(fingerprint, served);
    }
  }
  const endpoint = endpointName(raw.target.address, raw.target.port);
  const seenAt = new Date(raw.endedAt).toISOString();
  return [...names].map(([fingerprintSha256, serverNames]) => ({
    fingerprintSha256,
    endpoint,
    serverNames: [...serverNames].sort(),
    seenAt,
  }));
};

/** The history of a certificate the table was not asked about: this sighting alone. */
export const historyOfSighting = (sighting: CertificateSighting): CertificateHistory => ({
  firstSeen: sighting.seenAt,
  lastSeen: sighting.seenAt,
  endpoints: [sighting.endpoint],
  serverNames: sighting.serverNames,
});
