/** What a suite's IANA name says about it. */
export interface SuiteAttributes {
  /** Key exchange: RSA, DHE, ECDHE, DH, ECDH, PSK, DHE_PSK, RSA_PSK, ECDHE_PSK, SRP, KRB5, ECCPWD, GOST, any (TLS 1.3), NULL. */
  readonly keyExchange: string;
  /** Authentication: RSA, DSS, ECDSA, anon, PSK, SRP, KRB5, ECCPWD, GOST, any (TLS 1.3: the certificate decides), NULL. */
  readonly authentication: string;
  /** Bulk cipher with its mode: AES_128_GCM, 3DES_EDE_CBC, RC4_128, CHACHA20_POLY1305, NULL… */
  readonly encryption: string;
  /** Nominal key bits of the bulk cipher (3DES: 168, of which 112 effective). */
  readonly encryptionBits: number;
  /** SHA, SHA256, SHA384, MD5, or AEAD when the cipher authenticates itself (the name's hash is then the PRF's). */
  readonly mac: string;
  readonly export: boolean;
  readonly aead: boolean;
  readonly forwardSecrecy: boolean;
  /** A TLS 1.3 suite (no key exchange or authentication in its name). */
  readonly tls13: boolean;
}

const macs = new Set(['SHA', 'SHA256', 'SHA384', 'MD5', 'SM3', 'OMAC', 'IMIT']);
const aeadModes = /(GCM|CCM|CCM_8|POLY1305|MGM_[LS]|AEGIS)/;

/** Key bits of the bulk cipher named at the start of the encryption part. */
const cipherBits = (encryption: string): number => {
  const sized = /^(AES|CAMELLIA|ARIA|RC4|AEGIS)_(\d+)/.exec(encryption);
  if (sized !== null) return Number(sized[2]);
  if (/^(DES40|DES_CBC_40|RC2_CBC_40)/.test(encryption)) return 40;
  if (encryption.startsWith('3DES')) return 168;
  if (encryption.startsWith('DES')) return 56;
  if (/^(CHACHA20|KUZNYECHIK|MAGMA|28147)/.test(encryption)) return 256;
  if (/^(IDEA|SEED|SM4)/.test(encryption)) return 128;
  return 0;
};

const exchangeParts = (part: string): { keyExchange: string; authentication: string; export: boolean } => {
  const exported = part.includes('EXPORT');
  const base = part.replace(/_?EXPORT/, '');
  const known: Record<string, readonly [string, string]> = {
    RSA: ['RSA', 'RSA'],
    DH_DSS: ['DH', 'DSS'],
    DH_RSA: ['DH', 'RSA'],
    DHE_DSS: ['DHE', 'DSS'],
    DHE_RSA: ['DHE', 'RSA'],
    DH_anon: ['DHE', 'anon'],
    ECDH_ECDSA: ['ECDH', 'ECDSA'],
    ECDH_RSA: ['ECDH', 'RSA'],
    ECDHE_ECDSA: ['ECDHE', 'ECDSA'],
    ECDHE_RSA: ['ECDHE', 'RSA'],
    ECDH_anon: ['ECDHE', 'anon'],
    PSK: ['PSK', 'PSK'],
    DHE_PSK: ['DHE_PSK', 'PSK'],
    PSK_DHE: ['DHE_PSK', 'PSK'],
    RSA_PSK: ['RSA_PSK', 'RSA'],
    ECDHE_PSK: ['ECDHE_PSK', 'PSK'],
    SRP_SHA: ['SRP', 'SRP'],
    SRP_SHA_RSA: ['SRP', 'RSA'],
    SRP_SHA_DSS: ['SRP', 'DSS'],
    KRB5: ['KRB5', 'KRB5'],
    ECCPWD: ['ECCPWD', 'ECCPWD'],
    GOSTR341112_256: ['GOST', 'GOST'],
    NULL: ['NULL', 'NULL'],
  };
  const [keyExchange, authentication] = known[base] ?? [base, base];
  return { keyExchange, authentication, export: exported };
};

const forwardSecret = new Set(['DHE', 'ECDHE', 'DHE_PSK', 'ECDHE_PSK', 'any']);

/** Reads key exchange, authentication, cipher, MAC and properties from an IANA suite name. */
export const suiteAttributes = (name: string): SuiteAttributes => {
  const body = name.replace(/^TLS_/, '');
  const withAt = body.indexOf('_WITH_');
  const tls13 = withAt < 0;
  const exchange = tls13
    ? { keyExchange: 'any', authentication: 'any', export: false }
    : exchangeParts(body.slice(0, withAt));
  const cipherPart = tls13 ? body : body.slice(withAt + '_WITH_'.length);
  const tokens = cipherPart.split('_');
  const last = tokens.at(-1) ?? '';
  const aead = aeadModes.test(cipherPart);
  const hasMac = macs.has(last) && tokens.length > 1;
  const encryption = hasMac ? tokens.slice(0, -1).join('_') : cipherPart;
  const integrityOnly = /^SHA(256|384)$/.test(encryption);
  return {
    ...exchange,
    encryption: integrityOnly ? 'NULL' : encryption,
    encryptionBits: integrityOnly ? 0 : cipherBits(encryption),
    mac: aead ? 'AEAD' : hasMac ? last : 'NULL',
    aead,
    forwardSecrecy: forwardSecret.has(exchange.keyExchange),
    tls13,
  };
};
