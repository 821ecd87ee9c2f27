/** A named group of the TLS Supported Groups registry (RFC 8422 section 5.1.1, RFC 7919, RFC 8446 4.2.7, RFC 8734). */
export interface NamedGroup {
  readonly code: number;
  readonly name: string;
  readonly kind: 'ecdhe' | 'ffdhe';
  /** Curve order bits or prime bits. */
  readonly bits: number;
}

const group = (code: number, name: string, kind: NamedGroup['kind'], bits: number): NamedGroup => ({
  code,
  name,
  kind,
  bits,
});

export const namedGroups: readonly NamedGroup[] = [
  group(1, 'sect163k1', 'ecdhe', 163),
  group(2, 'sect163r1', 'ecdhe', 163),
  group(3, 'sect163r2', 'ecdhe', 163),
  group(4, 'sect193r1', 'ecdhe', 193),
  group(5, 'sect193r2', 'ecdhe', 193),
  group(6, 'sect233k1', 'ecdhe', 233),
  group(7, 'sect233r1', 'ecdhe', 233),
  group(8, 'sect239k1', 'ecdhe', 239),
  group(9, 'sect283k1', 'ecdhe', 283),
  group(10, 'sect283r1', 'ecdhe', 283),
  group(11, 'sect409k1', 'ecdhe', 409),
  group(12, 'sect409r1', 'ecdhe', 409),
  group(13, 'sect571k1', 'ecdhe', 571),
  group(14, 'sect571r1', 'ecdhe', 571),
  group(15, 'secp160k1', 'ecdhe', 160),
  group(16, 'secp160r1', 'ecdhe', 160),
  group(17, 'secp160r2', 'ecdhe', 160),
  group(18, 'secp192k1', 'ecdhe', 192),
  group(19, 'secp192r1', 'ecdhe', 192),
  group(20, 'secp224k1', 'ecdhe', 224),
  group(21, 'secp224r1', 'ecdhe', 224),
  group(22, 'secp256k1', 'ecdhe', 256),
  group(23, 'secp256r1', 'ecdhe', 256),
  group(24, 'secp384r1', 'ecdhe', 384),
  group(25, 'secp521r1', 'ecdhe', 521),
  group(26, 'brainpoolP256r1', 'ecdhe', 256),
  group(27, 'brainpoolP384r1', 'ecdhe', 384),
  group(28, 'brainpoolP512r1', 'ecdhe', 512),
  group(29, 'x25519', 'ecdhe', 253),
  group(30, 'x448', 'ecdhe', 448),
  group(31, 'brainpoolP256r1tls13', 'ecdhe', 256),
  group(32, 'brainpoolP384r1tls13', 'ecdhe', 384),
  group(33, 'brainpoolP512r1tls13', 'ecdhe', 512),
  group(256, 'ffdhe2048', 'ffdhe', 2048),
  group(257, 'ffdhe3072', 'ffdhe', 3072),
  group(258, 'ffdhe4096', 'ffdhe', 4096),
  group(259, 'ffdhe6144', 'ffdhe', 6144),
  group(260, 'ffdhe8192', 'ffdhe', 8192),
];

const byCode = new Map(namedGroups.map((entry) => [entry.code, entry]));

export const namedGroupByCode = (code: number): NamedGroup | undefined => byCode.get(code);

/** Groups a TLS 1.2 server may pick for ECDHE: every elliptic curve group but TLS 1.3's brainpool code points. */
export const tls12CurveCodes: readonly number[] = namedGroups
  .filter((entry) => entry.kind === 'ecdhe' && entry.code < 31)
  .map((entry) => entry.code);

/** Groups a TLS 1.3 server may pick (RFC 8446 4.2.7 and RFC 8734). */
export const tls13GroupCodes: readonly number[] = [23, 24, 25, 29, 30, 31, 32, 33, 256, 257, 258, 259, 260];
