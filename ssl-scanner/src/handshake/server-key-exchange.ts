import { ByteReader } from './byte-reader.ts';

/** What the ServerKeyExchange says about the ephemeral key: a DH prime's size, a named curve, an RSA key's size. */
export type KeyExchangeParameters =
  | { readonly kind: 'dh'; readonly primeBits: number; readonly generator: number }
  | { readonly kind: 'ecdh'; readonly namedGroup: number }
  | { readonly kind: 'ecdh-explicit' }
  | { readonly kind: 'rsa'; readonly modulusBits: number };

const bitLength = (bytes: Uint8Array): number => {
  const first = bytes.findIndex((byte) => byte !== 0);
  if (first < 0) return 0;
  return (bytes.length - first - 1) * 8 + (32 - Math.clz32(bytes[first] ?? 0));
};

/**
 * Parses the parameters at the start of a ServerKeyExchange for the suite's key exchange (RFC 5246 7.4.3,
 * RFC 8422 5.4, RFC 4279 for the PSK hint); undefined when the exchange sends none the scanner reads.
 */
export const parseServerKeyExchange = (
  body: Uint8Array,
  keyExchange: string,
): KeyExchangeParameters | undefined => {
  const reader = new ByteReader(body);
  if (keyExchange.endsWith('_PSK')) reader.vector(2, 'PSK identity hint');
  if (keyExchange === 'DHE' || keyExchange === 'DHE_PSK') {
    const prime = reader.vector(2, 'DH prime');
    const generator = reader.vector(2, 'DH generator');
    return { kind: 'dh', primeBits: bitLength(prime), generator: generator.reduce((v, b) => v * 256 + b, 0) };
  }
  if (keyExchange === 'ECDHE' || keyExchange === 'ECDHE_PSK') {
    const curveType = reader.uint(1, 'EC curve type');
    return curveType === 3
      ? { kind: 'ecdh', namedGroup: reader.uint(2, 'named curve') }
      : { kind: 'ecdh-explicit' };
  }
  if (keyExchange === 'RSA') return { kind: 'rsa', modulusBits: bitLength(reader.vector(2, 'RSA modulus')) };
  return undefined;
};
