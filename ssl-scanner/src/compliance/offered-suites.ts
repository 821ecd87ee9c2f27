import {
  cipherCodeHex,
  cipherSuiteByCode,
  type ProtocolVersion,
  sslv2CipherByCode,
} from '../handshake/index.ts';
import type { ProtocolFacts, TlsFacts } from './tls-facts.ts';

/** What the grade needs to know of one suite the server accepted with one protocol. */
export interface OfferedSuite {
  readonly protocol: ProtocolVersion;
  readonly code: number;
  readonly name: string;
  readonly keyExchange: string;
  readonly authentication: string;
  readonly encryption: string;
  /** Key bits of the bulk cipher as SSL Labs counts them: 3DES is 112. */
  readonly effectiveBits: number;
  readonly export: boolean;
  readonly aead: boolean;
  readonly forwardSecrecy: boolean;
  /** DES, 3DES, IDEA, RC2 and the GOST 64-bit ciphers: open to Sweet32-style birthday attacks. */
  readonly block64: boolean;
  readonly rc4: boolean;
  readonly cbc: boolean;
  readonly anonymous: boolean;
  /** The registry's verdict, used to model which suite a modern client would pick. */
  readonly strength: 'insecure' | 'weak' | 'acceptable' | 'strong';
}

const block64Ciphers = /^(3DES|DES|IDEA|RC2|MAGMA|28147)/;

const effectiveBits = (encryption: string, nominal: number): number =>
  encryption.startsWith('3DES') ? 112 : nominal;

/** SSL 2.0 names read like `SSL_CK_DES_192_EDE3_CBC_WITH_MD5`; every SSL 2.0 kind exchanges keys with RSA. */
const sslv2Suite = (code: number): OfferedSuite => {
  const cipher = sslv2CipherByCode(code);
  const name = cipher?.name ?? cipherCodeHex(code);
  const encryption = name.includes('EDE3')
    ? '3DES_EDE_CBC'
    : (/_(RC4|RC2|IDEA|DES)_/.exec(name)?.[1] ?? 'unknown');
  const bits = cipher?.encryptionBits ?? 0;
  return {
    protocol: 'SSLv2',
    code,
    name,
    keyExchange: 'RSA',
    authentication: 'RSA',
    encryption,
    effectiveBits: effectiveBits(encryption, bits),
    export: cipher?.export ?? false,
    aead: false,
    forwardSecrecy: false,
    block64: block64Ciphers.test(encryption),
    rc4: encryption === 'RC4',
    cbc: encryption !== 'RC4',
    anonymous: false,
    strength: 'insecure',
  };
};

const tlsSuite = (protocol: ProtocolVersion, code: number): OfferedSuite | undefined => {
  const suite = cipherSuiteByCode(code);
  if (suite === undefined) return undefined;
  return {
    protocol,
    code,
    name: suite.name,
    keyExchange: suite.keyExchange,
    authentication: suite.authentication,
    encryption: suite.encryption,
    effectiveBits: effectiveBits(suite.encryption, suite.encryptionBits),
    export: suite.export,
    aead: suite.aead,
    forwardSecrecy: suite.forwardSecrecy,
    block64: block64Ciphers.test(suite.encryption),
    rc4: suite.encryption.startsWith('RC4'),
    cbc: suite.encryption.includes('CBC'),
    anonymous: suite.authentication === 'anon' || suite.authentication === 'NULL',
    strength: suite.strength,
  };
};

/** The suites one protocol accepted, in the order the facts list them; codes the registry lacks are left out. */
export const offeredSuitesOf = (protocol: ProtocolFacts): OfferedSuite[] =>
  protocol.cipherSuites.flatMap((code) => {
    const suite = protocol.version === 'SSLv2' ? sslv2Suite(code) : tlsSuite(protocol.version, code);
    return suite === undefined ? [] : [suite];
  });

export const allOfferedSuites = (facts: TlsFacts): OfferedSuite[] => facts.protocols.flatMap(offeredSuitesOf);

const clientPreference: Readonly<Record<OfferedSuite['strength'], number>> = {
  strong: 0,
  acceptable: 1,
  weak: 2,
  insecure: 3,
};

/**
 * The suite a modern client offering every suite would end up with on this protocol: the server's first when it
 * enforces its order, otherwise the strongest (forward secret AEAD first), as browsers order their offers. SSL Labs
 * judges negotiation by simulating real clients; this one reference client stands in for them.
 */
export const negotiatedSuite = (protocol: ProtocolFacts): OfferedSuite | undefined => {
  const suites = offeredSuitesOf(protocol);
  if (protocol.serverOrder !== false) return suites[0];
  return suites.reduce<OfferedSuite | undefined>(
    (best, suite) =>
      best === undefined || clientPreference[suite.strength] < clientPreference[best.strength] ? suite : best,
    undefined,
  );
};
