import type { X509Certificate } from 'node:crypto';
import { parseSubjectAltNames } from './subject-alt-names.ts';

/** What one certificate says about itself, as plain data the grade and the documents read. */
export interface CertificateFacts {
  /** Index in the chain as the server sent it (0 is the leaf); absent for a root taken from the store. */
  readonly position?: number;
  /** Distinguished name as `CN=..., O=...` (Node's order). */
  readonly subject: string;
  readonly commonName?: string;
  readonly issuer: string;
  readonly dnsNames: readonly string[];
  readonly ipAddresses: readonly string[];
  /** ISO 8601. */
  readonly notBefore: string;
  readonly notAfter: string;
  /** Whole days from the analysis time to notAfter; negative once expired. */
  readonly daysToExpiry: number;
  /** Node's asymmetricKeyType: rsa, rsa-pss, ec, ed25519, ed448, dsa... */
  readonly keyType: string;
  readonly keyBits: number;
  /** OpenSSL's curve name (prime256v1, secp384r1...) for an EC key. */
  readonly curve?: string;
  /** OpenSSL's name: sha256WithRSAEncryption, ecdsa-with-SHA384, rsassaPss... */
  readonly signatureAlgorithm: string;
  readonly signatureAlgorithmOid: string;
  readonly selfSigned: boolean;
  /** basicConstraints CA:TRUE. */
  readonly ca: boolean;
  /** Hex, as OpenSSL prints it. */
  readonly serialNumber: string;
  /** SHA-256 of the DER, lower-case hex without separators: the certificate's identity. */
  readonly fingerprintSha256: string;
}

const day = 86_400_000;

const curveBits: Readonly<Record<string, number>> = {
  prime192v1: 192,
  secp224r1: 224,
  prime256v1: 256,
  secp256k1: 256,
  secp384r1: 384,
  secp521r1: 521,
  brainpoolP256r1: 256,
  brainpoolP384r1: 384,
  brainpoolP512r1: 512,
};

const edwardsBits: Readonly<Record<string, number>> = { ed25519: 256, ed448: 448 };

const keyOf = (certificate: X509Certificate): { keyType: string; keyBits: number; curve?: string } => {
  const key = certificate.publicKey;
  const keyType = key.asymmetricKeyType ?? 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  if (details.namedCurve !== undefined) {
    const bits = curveBits[details.namedCurve] ?? ecCoordinateBits(certificate);
    return { keyType, keyBits: bits, curve: details.namedCurve };
  }
  return { keyType, keyBits: details.modulusLength ?? edwardsBits[keyType] ?? 0 };
};

/** For a curve outside the table: the size of a coordinate of the public point. */
const ecCoordinateBits = (certificate: X509Certificate): number => {
  const jwk = certificate.publicKey.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url').length * 8;
};

const oneLine = (name: string): string => name.split('\n').join(', ');

/** RFC 6125 reads the most specific (last) common name when several are present. */
const commonNameOf = (subject: string): string | undefined =>
  subject
    .split('\n')
    .filter((part) => part.startsWith('CN='))
    .map((part) => part.slice(3))
    .at(-1);

/** Issued by itself, and its signature verifies with its own key (a root, or a lone self-signed leaf). */
export const isSelfSigned = (certificate: X509Certificate): boolean => {
  try {
    return certificate.checkIssued(certificate) && certificate.verify(certificate.publicKey);
  } catch {
    return false;
  }
};

export const sha256Fingerprint = (certificate: X509Certificate): string =>
  certificate.fingerprint256.replaceAll(':', '').toLowerCase();

export const certificateFacts = (
  certificate: X509Certificate,
  at: Date,
  position?: number,
): CertificateFacts => {
  const commonName = commonNameOf(certificate.subject);
  return {
    ...(position === undefined ? {} : { position }),
    subject: oneLine(certificate.subject),
    ...(commonName === undefined ? {} : { commonName }),
    issuer: oneLine(certificate.issuer),
    ...parseSubjectAltNames(certificate.subjectAltName),
    notBefore: certificate.validFromDate.toISOString(),
    notAfter: certificate.validToDate.toISOString(),
    daysToExpiry: Math.floor((certificate.validToDate.getTime() - at.getTime()) / day),
    ...keyOf(certificate),
    signatureAlgorithm: certificate.signatureAlgorithm ?? 'unknown',
    signatureAlgorithmOid: certificate.signatureAlgorithmOid,
    selfSigned: isSelfSigned(certificate),
    ca: certificate.ca,
    serialNumber: certificate.serialNumber,
    fingerprintSha256: sha256Fingerprint(certificate),
  };
};
