import { namedGroupByCode } from '../handshake/index.ts';
import type { OfferedSuite } from './offered-suites.ts';
import type { ProtocolFacts, ServedCertificateFacts } from './tls-facts.ts';

/**
 * The RSA modulus of equal strength to an elliptic curve of `bits` (NIST SP 800-57 part 1, table 2: 160 ~ 1024,
 * 224 ~ 2048, 256 ~ 3072, 384 ~ 7680, 512 ~ 15360). x25519's order has 253 bits and is a 128-bit-security curve.
 */
export const rsaEquivalentOfCurve = (bits: number): number => {
  if (bits >= 512) return 15_360;
  if (bits >= 384) return 7_680;
  if (bits >= 250) return 3_072;
  if (bits >= 224) return 2_048;
  if (bits >= 160) return 1_024;
  return 512;
};

const finiteFieldKeys = new Set(['rsa', 'rsa-pss', 'dsa', 'dh']);

/** The certificate key's strength as RSA-equivalent bits. */
export const certificateStrength = (certificate: ServedCertificateFacts): number =>
  finiteFieldKeys.has(certificate.keyType) ? certificate.keyBits : rsaEquivalentOfCurve(certificate.keyBits);

const groupStrength = (code: number): number | undefined => {
  const group = namedGroupByCode(code);
  if (group === undefined) return undefined;
  return group.kind === 'ffdhe' ? group.bits : rsaEquivalentOfCurve(group.bits);
};

/** How strong one suite's key exchange is: none for anonymous suites, export-limited, or RSA-equivalent bits. */
export type ExchangeStrength =
  | { readonly kind: 'anonymous' }
  | { readonly kind: 'export' }
  | { readonly kind: 'bits'; readonly bits: number };

const ephemeralStrengths = (suite: OfferedSuite, protocol: ProtocolFacts): number[] => {
  const parameters = protocol.keyExchange.find((entry) => entry.suite === suite.code)?.parameters;
  if (parameters?.kind === 'dh') return [parameters.primeBits];
  if (parameters?.kind === 'ecdh') return [groupStrength(parameters.namedGroup) ?? 0];
  // TLS 1.3 and ECDHE suites whose parameters were not kept: the weakest group the server accepted.
  if (suite.keyExchange === 'any' || suite.keyExchange.startsWith('ECDHE')) {
    const groups = protocol.groups.flatMap((code) => groupStrength(code) ?? []);
    return groups.length === 0 ? [] : [Math.min(...groups)];
  }
  return [];
};

/**
 * The key exchange's strength is bounded by both the ephemeral parameters and the certificate key that signs or
 * decrypts them (the guide's note on DHE); undefined when neither was observed.
 */
export const exchangeStrength = (
  suite: OfferedSuite,
  protocol: ProtocolFacts,
  certificate: ServedCertificateFacts | undefined,
): ExchangeStrength | undefined => {
  if (suite.anonymous) return { kind: 'anonymous' };
  if (suite.export) return { kind: 'export' };
  const bounds = [
    ...ephemeralStrengths(suite, protocol),
    ...(certificate === undefined ? [] : [certificateStrength(certificate)]),
  ];
  return bounds.length === 0 ? undefined : { kind: 'bits', bits: Math.min(...bounds) };
};
