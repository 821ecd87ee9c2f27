import type { X509Certificate } from 'node:crypto';
import { isSelfSigned, sha256Fingerprint } from './certificate-facts.ts';
import type { RootStore } from './root-store.ts';

export interface ServedCertificate {
  readonly certificate: X509Certificate;
  readonly position: number;
  readonly fingerprint: string;
}

/**
 * The issuer path from the leaf, through served certificates in any order, to a root. `end` says how it ended:
 * at a root of the store (`anchored`), at a self-signed certificate the store does not hold, or at a certificate
 * whose issuer was neither served nor a root (`issuer-missing`; `impostor` is a served certificate that carries
 * the issuer's name but could not have issued it: its key usage forbids signing certificates, or the signature
 * does not verify with its key).
 */
export interface ChainPath {
  readonly links: readonly ServedCertificate[];
  /** The store's root the path ends at, when the server did not send it. */
  readonly anchor?: X509Certificate;
  readonly end: 'anchored' | 'self-signed' | 'issuer-missing' | 'too-long';
  readonly impostor?: ServedCertificate;
}

/** Deeper chains are not built by clients either (real ones have fewer than five certificates). */
const maxDepth = 10;

/** Named as the issuer (name and key identifiers, as OpenSSL checks them) and its key verifies the signature. */
const issuedBy = (subject: X509Certificate, issuer: X509Certificate): boolean => {
  try {
    return subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
  } catch {
    return false;
  }
};

type Step =
  | { readonly kind: 'end'; readonly path: Omit<ChainPath, 'links'> }
  | { readonly kind: 'next'; readonly link: ServedCertificate };

/** A root of the store that issued `current`; a served copy of it stays on the path as served. */
const rootStep = (
  current: ServedCertificate,
  unused: readonly ServedCertificate[],
  store: RootStore,
): Step | undefined => {
  const root = store.bySubject
    .get(current.certificate.issuer)
    ?.find((candidate) => issuedBy(current.certificate, candidate));
  if (root === undefined) return undefined;
  const served = unused.find((candidate) => candidate.fingerprint === sha256Fingerprint(root));
  return served === undefined
    ? { kind: 'end', path: { end: 'anchored', anchor: root } }
    : { kind: 'next', link: served };
};

const step = (current: ServedCertificate, unused: readonly ServedCertificate[], store: RootStore): Step => {
  if (store.fingerprints.has(current.fingerprint)) return { kind: 'end', path: { end: 'anchored' } };
  const root = rootStep(current, unused, store);
  if (root !== undefined) return root;
  if (isSelfSigned(current.certificate)) return { kind: 'end', path: { end: 'self-signed' } };
  const served = unused.find((candidate) => issuedBy(current.certificate, candidate.certificate));
  if (served !== undefined) return { kind: 'next', link: served };
  const impostor = unused.find((candidate) => candidate.certificate.subject === current.certificate.issuer);
  return { kind: 'end', path: { end: 'issuer-missing', ...(impostor === undefined ? {} : { impostor }) } };
};

/** Builds the path from `leaf` the way a client does: a root of the store first, then a served issuer. */
export const buildChainPath = (
  leaf: ServedCertificate,
  served: readonly ServedCertificate[],
  store: RootStore,
): ChainPath => {
  const links = [leaf];
  for (let depth = 0; depth < maxDepth; depth += 1) {
    const current = links[links.length - 1] ?? leaf;
    const unused = served.filter((candidate) => !links.includes(candidate));
    const next = step(current, unused, store);
    if (next.kind === 'end') return { links, ...next.path };
    links.push(next.link);
  }
  return { links, end: 'too-long' };
};
