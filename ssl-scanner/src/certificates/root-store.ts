import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { sha256Fingerprint } from './certificate-facts.ts';

/** A trust anchor given to the analysis could not be read. */
export class RootCertificateError extends Error {
  constructor(position: number, cause: unknown) {
    super(`root certificate ${position} is not a PEM or DER certificate: ${String(cause)}`, { cause });
    this.name = 'RootCertificateError';
  }
}

/** Trust anchors as PEM text (like `tls.rootCertificates`) or DER bytes. */
export type RootCertificates = readonly (string | Uint8Array)[];

/** Roots indexed by subject, so finding an issuer does not try every root. */
export interface RootStore {
  readonly fingerprints: ReadonlySet<string>;
  readonly bySubject: ReadonlyMap<string, readonly X509Certificate[]>;
}

const parsed = new WeakMap<RootCertificates, RootStore>();

const readRoot = (root: string | Uint8Array, position: number): X509Certificate => {
  try {
    return new X509Certificate(root);
  } catch (error) {
    throw new RootCertificateError(position, error);
  }
};

const indexRoots = (roots: RootCertificates): RootStore => {
  const certificates = roots.map(readRoot);
  const bySubject = new Map<string, X509Certificate[]>();
  for (const certificate of certificates) {
    bySubject.set(certificate.subject, [...(bySubject.get(certificate.subject) ?? []), certificate]);
  }
  return { fingerprints: new Set(certificates.map(sha256Fingerprint)), bySubject };
};

/** The store for `roots` (default: Mozilla's, as bundled with Node), parsed once per array. */
export const rootStore = (roots: RootCertificates = rootCertificates): RootStore => {
  const known = parsed.get(roots);
  if (known !== undefined) return known;
  const store = indexRoots(roots);
  parsed.set(roots, store);
  return store;
};
