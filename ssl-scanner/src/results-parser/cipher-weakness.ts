import type { KeyExchangeParameters } from '../handshake/index.ts';
import type { SuiteDescription } from './suite-description.ts';

/** Why a suite is weak, each reason named by a code a dashboard can group by. */
export type CipherWeakness =
  | 'export'
  | 'null-encryption'
  | 'anonymous'
  | 'broken-cipher'
  | '64-bit-block'
  | 'under-128-bits'
  | 'md5-mac'
  | 'no-forward-secrecy'
  | 'no-aead'
  | 'dh-under-2048-bits'
  | 'rsa-key-exchange-under-2048-bits';

const brokenCiphers = /^(RC4|DES|DES40|RC2|DES_CBC_40|RC2_CBC_40)(_|$)/;
const block64Ciphers = /^(3DES|IDEA|DES)(_|$)/;

const keyExchangeWeaknesses = (parameters: KeyExchangeParameters | undefined): CipherWeakness[] => {
  if (parameters?.kind === 'dh' && parameters.primeBits < 2048) return ['dh-under-2048-bits'];
  if (parameters?.kind === 'rsa' && parameters.modulusBits < 2048)
    return ['rsa-key-exchange-under-2048-bits'];
  return [];
};

/**
 * Every reason a suite, with the key exchange parameters the server sent for it, falls short of a forward
 * secret AEAD suite with at least 128-bit keys and 2048-bit finite-field parameters: the properties the SSL Labs
 * caps and the Mozilla intermediate profile look at.
 */
export const cipherWeaknesses = (
  suite: SuiteDescription,
  parameters: KeyExchangeParameters | undefined,
): CipherWeakness[] => {
  const reasons: CipherWeakness[] = [];
  const add = (when: boolean, reason: CipherWeakness) => {
    if (when) reasons.push(reason);
  };
  add(suite.export, 'export');
  add(suite.encryption === 'NULL', 'null-encryption');
  add(suite.authentication === 'anon' || suite.authentication === 'NULL', 'anonymous');
  add(brokenCiphers.test(suite.encryption), 'broken-cipher');
  add(block64Ciphers.test(suite.encryption), '64-bit-block');
  add(suite.encryptionBits > 0 && suite.encryptionBits < 128, 'under-128-bits');
  add(suite.mac === 'MD5', 'md5-mac');
  add(!suite.forwardSecrecy, 'no-forward-secrecy');
  add(!suite.aead, 'no-aead');
  return [...reasons, ...keyExchangeWeaknesses(parameters)];
};
