import {
  type CipherSuite,
  cipherCodeHex,
  cipherSuiteByCode,
  type ProtocolVersion,
  type SuiteStrength,
  sslv2CipherByCode,
} from '../handshake/index.ts';

/** What the documents say of a suite, for TLS suites from IANA's registry and SSL 2.0's cipher kinds alike. */
export type SuiteDescription = Pick<
  CipherSuite,
  | 'name'
  | 'keyExchange'
  | 'authentication'
  | 'encryption'
  | 'encryptionBits'
  | 'mac'
  | 'export'
  | 'aead'
  | 'forwardSecrecy'
  | 'strength'
> & { readonly code: string };

/** SSL 2.0 exchanges keys by RSA alone, authenticates with MD5 and has no AEAD: every kind is insecure. */
const sslv2Description = (code: number): SuiteDescription | undefined => {
  const cipher = sslv2CipherByCode(code);
  if (cipher === undefined) return undefined;
  return {
    name: cipher.name,
    code: `0x${code.toString(16).toUpperCase().padStart(6, '0')}`,
    keyExchange: 'RSA',
    authentication: 'RSA',
    encryption: cipher.name.replace(/^SSL_CK_/, '').replace(/_WITH_MD5$/, ''),
    encryptionBits: cipher.encryptionBits,
    mac: 'MD5',
    export: cipher.export,
    aead: false,
    forwardSecrecy: false,
    strength: 'insecure',
  };
};

/** A code no registry knows: named by its value, its properties unknown, so judged by nothing but its name. */
const unknownDescription = (code: number): SuiteDescription => ({
  name: cipherCodeHex(code),
  code: cipherCodeHex(code),
  keyExchange: 'unknown',
  authentication: 'unknown',
  encryption: 'unknown',
  encryptionBits: 0,
  mac: 'unknown',
  export: false,
  aead: false,
  forwardSecrecy: false,
  strength: 'insecure' satisfies SuiteStrength,
});

export const describeSuite = (protocol: ProtocolVersion, code: number): SuiteDescription => {
  if (protocol === 'SSLv2') return sslv2Description(code) ?? unknownDescription(code);
  const suite = cipherSuiteByCode(code);
  if (suite === undefined) return unknownDescription(code);
  return {
    name: suite.name,
    code: cipherCodeHex(code),
    keyExchange: suite.keyExchange,
    authentication: suite.authentication,
    encryption: suite.encryption,
    encryptionBits: suite.encryptionBits,
    mac: suite.mac,
    export: suite.export,
    aead: suite.aead,
    forwardSecrecy: suite.forwardSecrecy,
    strength: suite.strength,
  };
};
