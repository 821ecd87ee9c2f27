import type { SuiteAttributes } from './suite-attributes.ts';

/**
 * insecure: no encryption or no authentication, export grade, under 112 bits, or a broken cipher (RC4, DES,
 * RC2); weak: 3DES (64-bit blocks, Sweet32), IDEA, an MD5 MAC or no forward secrecy; acceptable: forward secret
 * but CBC; strong: forward secret and AEAD.
 */
export type SuiteStrength = 'insecure' | 'weak' | 'acceptable' | 'strong';

const brokenCiphers = /^(RC4|DES|DES40|RC2|NULL)(_|$)/;

export const suiteStrength = (suite: SuiteAttributes): SuiteStrength => {
  if (
    suite.encryption === 'NULL' ||
    suite.authentication === 'anon' ||
    suite.authentication === 'NULL' ||
    suite.export ||
    brokenCiphers.test(suite.encryption) ||
    suite.encryptionBits < 112
  ) {
    return 'insecure';
  }
  if (/^(3DES|IDEA)/.test(suite.encryption) || suite.mac === 'MD5' || !suite.forwardSecrecy) return 'weak';
  return suite.aead ? 'strong' : 'acceptable';
};
