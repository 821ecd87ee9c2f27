import { X509Certificate } from 'node:crypto';
import { type CertificateFacts, certificateFacts, sha256Fingerprint } from './certificate-facts.ts';
import { buildChainPath, type ChainPath, type ServedCertificate } from './chain-path.ts';
import { matchServerName, type NameMatch } from './name-match.ts';
import { type ChainReason, chainReason } from './reasons.ts';
import { type RootCertificates, rootStore } from './root-store.ts';

export interface ChainAnalysisOptions {
  /** The name the client asked for (SNI); the leaf is matched against it. */
  readonly serverName?: string;
  /** The moment validity and days to expiry are judged at. */
  readonly at: Date;
  /** Trust anchors; default Mozilla's root store as bundled with Node (`tls.rootCertificates`). */
  readonly roots?: RootCertificates;
}

/**
 * A served chain judged the way a browser would. `complete`: the issuer path from the leaf reaches a root of the
 * store or a self-signed certificate using only served certificates. `anchored`: it reaches a root of the store.
 * `trusted`: anchored, and every served certificate on the path is within its validity and issued by a CA. The name match is kept apart from trust, as clients and the SSL Labs guide do.
 */
export interface ChainAnalysis {
  /** Every served certificate that could be read, in the order served. */
  readonly certificates: readonly CertificateFacts[];
  readonly leaf?: CertificateFacts;
  /** From the leaf to the last certificate reached; ends with the store's root (no `position`) when anchored to one. */
  readonly path: readonly CertificateFacts[];
  readonly complete: boolean;
  readonly anchored: boolean;
  readonly trusted: boolean;
  /** A served certificate on the path is past its notAfter. */
  readonly expired: boolean;
  /** A served certificate on the path is before its notBefore. */
  readonly notYetValid: boolean;
  readonly nameMatch?: NameMatch;
  readonly reasons: readonly ChainReason[];
}

const readServed = (der: readonly Uint8Array[]): { served: ServedCertificate[]; reasons: ChainReason[] } => {
  const served: ServedCertificate[] = [];
  const reasons: ChainReason[] = [];
  der.forEach((bytes, position) => {
    try {
      const certificate = new X509Certificate(bytes);
      served.push({ certificate, position, fingerprint: sha256Fingerprint(certificate) });
    } catch (error) {
      reasons.push(
        chainReason(
          'unparseable-certificate',
          `certificate ${position} is not X.509 DER: ${String(error)}`,
          position,
        ),
      );
    }
  });
  return { served, reasons };
};

const missingIssuerReason = (path: ChainPath, issuer: string, position: number | undefined): ChainReason =>
  path.impostor === undefined
    ? chainReason(
        'incomplete-chain',
        `the issuer (${issuer}) of certificate ${position} was not served and is not a root of the store`,
        position,
      )
    : chainReason(
        'invalid-issuer',
        `certificate ${path.impostor.position} bears the name of the issuer of certificate ${position} but cannot have issued it (its key usage forbids signing certificates, or its key does not verify the signature)`,
        path.impostor.position,
      );

const endReason = (path: ChainPath): ChainReason[] => {
  const last = path.links[path.links.length - 1];
  const position = last?.position;
  const issuer = last?.certificate.issuer.split('\n').join(', ') ?? '';
  switch (path.end) {
    case 'anchored':
      return [];
    case 'self-signed':
      return position === 0
        ? [chainReason('self-signed', 'the leaf is self-signed and not a root of the store', 0)]
        : [
            chainReason(
              'untrusted-root',
              `the chain ends at a self-signed certificate (${issuer}) that is not a root of the store`,
              position,
            ),
          ];
    case 'too-long':
      return [chainReason('chain-too-long', `no root within ${path.links.length} certificates`, position)];
    case 'issuer-missing':
      return [missingIssuerReason(path, issuer, position)];
  }
};

/** Intermediates (and the store's root) must be CAs; a leaf signing another certificate is no issuer. */
const issuerReasons = (path: ChainPath): ChainReason[] =>
  path.links
    .slice(1)
    .filter((link) => !link.certificate.ca)
    .map((link) =>
      chainReason(
        'issuer-not-ca',
        `certificate ${link.position} signs another but is not a CA`,
        link.position,
      ),
    );

const orderReasons = (path: ChainPath, served: readonly ServedCertificate[]): ChainReason[] => {
  const outOfOrder = path.links.find((link, index) => link.position !== index);
  const unused = served.filter((candidate) => !path.links.includes(candidate));
  return [
    ...(outOfOrder === undefined
      ? []
      : [
          chainReason(
            'chain-out-of-order',
            `certificate ${outOfOrder.position} is served out of issuing order`,
            outOfOrder.position,
          ),
        ]),
    ...unused.map((candidate) =>
      chainReason(
        'unused-certificate',
        `certificate ${candidate.position} is not on the path to a root`,
        candidate.position,
      ),
    ),
  ];
};

const validityReasons = (path: ChainPath, at: Date): ChainReason[] =>
  path.links.flatMap((link) => {
    const { validFromDate, validToDate } = link.certificate;
    if (at > validToDate) {
      return [
        chainReason(
          'expired',
          `certificate ${link.position} expired on ${validToDate.toISOString()}`,
          link.position,
        ),
      ];
    }
    if (at < validFromDate) {
      return [
        chainReason(
          'not-yet-valid',
          `certificate ${link.position} is valid from ${validFromDate.toISOString()}`,
          link.position,
        ),
      ];
    }
    return [];
  });

const nameReasons = (match: NameMatch | undefined): ChainReason[] =>
  match?.reason === undefined
    ? []
    : [chainReason(match.reason, `the leaf does not cover ${match.serverName}`, 0)];

const emptyAnalysis = (
  reasons: readonly ChainReason[],
  certificates: readonly CertificateFacts[],
): ChainAnalysis => ({
  certificates,
  path: [],
  complete: false,
  anchored: false,
  trusted: false,
  expired: false,
  notYetValid: false,
  reasons: reasons.length > 0 ? reasons : [chainReason('no-certificate', 'the server sent no certificate')],
});

/** Analyses a chain as served (DER, leaf first): facts per certificate, completeness, trust, validity, name. */
export const analyseChain = (der: readonly Uint8Array[], options: ChainAnalysisOptions): ChainAnalysis => {
  const { served, reasons: readReasons } = readServed(der);
  const factsOf = (link: ServedCertificate): CertificateFacts =>
    certificateFacts(link.certificate, options.at, link.position);
  const certificates = served.map(factsOf);
  const leafLink = served[0];
  if (leafLink === undefined || leafLink.position !== 0) return emptyAnalysis(readReasons, certificates);
  const path = buildChainPath(leafLink, served, rootStore(options.roots));
  const leaf = factsOf(leafLink);
  const nameMatch = options.serverName === undefined ? undefined : matchServerName(leaf, options.serverName);
  const validity = validityReasons(path, options.at);
  const integrity = [...endReason(path), ...issuerReasons(path)];
  const anchored = path.end === 'anchored';
  return {
    certificates,
    leaf,
    path: [
      ...path.links.map(
        (link) => certificates.find((facts) => facts.position === link.position) ?? factsOf(link),
      ),
      ...(path.anchor === undefined ? [] : [certificateFacts(path.anchor, options.at)]),
    ],
    complete: anchored || path.end === 'self-signed',
    anchored,
    trusted: anchored && integrity.length === 0 && validity.length === 0,
    expired: validity.some((reason) => reason.code === 'expired'),
    notYetValid: validity.some((reason) => reason.code === 'not-yet-valid'),
    ...(nameMatch === undefined ? {} : { nameMatch }),
    reasons: [
      ...readReasons,
      ...integrity,
      ...orderReasons(path, served),
      ...validity,
      ...nameReasons(nameMatch),
    ],
  };
};
