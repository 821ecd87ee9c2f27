import type { ChainAnalysis } from '../certificates/index.ts';
import type { KeyExchangeParameters, ProtocolVersion } from '../handshake/index.ts';
import type { EndpointScan } from '../probe/index.ts';

/** The key exchange parameters a server sent with one suite. */
export interface SuiteKeyExchange {
  readonly suite: number;
  readonly parameters: KeyExchangeParameters;
}

/** One protocol the server offered, as observed. */
export interface ProtocolFacts {
  readonly version: ProtocolVersion;
  /** IANA codes (SSL 2.0: its three-byte cipher kinds) in the server's order when `serverOrder` is true. */
  readonly cipherSuites: readonly number[];
  /** True when the server picks by its own order, false when it follows the client's, absent when unknown. */
  readonly serverOrder?: boolean;
  /** Named groups (TLS Supported Groups codes) the server accepted for ECDHE or, in TLS 1.3, any key share. */
  readonly groups: readonly number[];
  readonly keyExchange: readonly SuiteKeyExchange[];
}

/**
 * What is known of the certificate chain served: the leaf's key and signature, and the chain's verdicts. The
 * certificate analysis produces these; a leaf's `keyType` is Node's asymmetricKeyType (rsa, ec, ed25519...),
 * `curve` and `signatureAlgorithm` are OpenSSL's names (prime256v1, sha256WithRSAEncryption...).
 */
export interface ServedCertificateFacts {
  readonly keyType: string;
  readonly keyBits: number;
  readonly curve?: string;
  readonly signatureAlgorithm: string;
  readonly selfSigned: boolean;
  /** Every served certificate is issued by the next one and the last by, or is, a root. */
  readonly chainComplete: boolean;
  /** The chain leads to a root of the trust store and every certificate in it is valid now. */
  readonly trusted: boolean;
  readonly expired: boolean;
  readonly notYetValid: boolean;
  /** Whether the leaf covers the name asked for with SNI; absent when the scan sent no name. */
  readonly nameMatches?: boolean;
}

/** The observed facts a grade and a compliance verdict are computed from, however they were gathered. */
export interface TlsFacts {
  /** Only the protocols the server offered. */
  readonly protocols: readonly ProtocolFacts[];
  /** Absent when no certificate was seen (for example a TLS 1.3-only server whose chain was not fetched). */
  readonly certificate?: ServedCertificateFacts;
}

/** The certificate facts of an analysed chain; undefined when it has no readable leaf. */
export const servedCertificateFactsOf = (analysis: ChainAnalysis): ServedCertificateFacts | undefined => {
  const leaf = analysis.leaf;
  if (leaf === undefined) return undefined;
  return {
    keyType: leaf.keyType,
    keyBits: leaf.keyBits,
    ...(leaf.curve === undefined ? {} : { curve: leaf.curve }),
    signatureAlgorithm: leaf.signatureAlgorithm,
    selfSigned: leaf.selfSigned,
    chainComplete: analysis.complete,
    trusted: analysis.trusted,
    expired: analysis.expired,
    notYetValid: analysis.notYetValid,
    ...(analysis.nameMatch === undefined ? {} : { nameMatches: analysis.nameMatch.matches }),
  };
};

/** The facts of one scan: its offered protocols, and the certificate facts the certificate analysis gave. */
export const tlsFactsOf = (scan: EndpointScan, certificateFacts?: ServedCertificateFacts): TlsFacts => ({
  protocols: scan.protocols
    .filter((protocol) => protocol.offered)
    .map((protocol) => ({
      version: protocol.version,
      cipherSuites: protocol.cipherSuites,
      ...(protocol.serverOrder === undefined ? {} : { serverOrder: protocol.serverOrder }),
      groups: protocol.groups,
      keyExchange: [...protocol.keyExchange].map(([suite, parameters]) => ({ suite, parameters })),
    })),
  ...(certificateFacts === undefined ? {} : { certificate: certificateFacts }),
});
