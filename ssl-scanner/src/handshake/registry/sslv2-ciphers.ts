/** SSL 2.0's cipher kinds, three-byte codes of the SSL 2.0 specification (Hickman, 1995, appendix C). */
export interface Sslv2Cipher {
  readonly code: number;
  readonly name: string;
  readonly encryptionBits: number;
  readonly export: boolean;
}

export const sslv2Ciphers: readonly Sslv2Cipher[] = [
  { code: 0x010080, name: 'SSL_CK_RC4_128_WITH_MD5', encryptionBits: 128, export: false },
  { code: 0x020080, name: 'SSL_CK_RC4_128_EXPORT40_WITH_MD5', encryptionBits: 40, export: true },
  { code: 0x030080, name: 'SSL_CK_RC2_128_CBC_WITH_MD5', encryptionBits: 128, export: false },
  { code: 0x040080, name: 'SSL_CK_RC2_128_CBC_EXPORT40_WITH_MD5', encryptionBits: 40, export: true },
  { code: 0x050080, name: 'SSL_CK_IDEA_128_CBC_WITH_MD5', encryptionBits: 128, export: false },
  { code: 0x060040, name: 'SSL_CK_DES_64_CBC_WITH_MD5', encryptionBits: 56, export: false },
  { code: 0x0700c0, name: 'SSL_CK_DES_192_EDE3_CBC_WITH_MD5', encryptionBits: 168, export: false },
];

const byCode = new Map(sslv2Ciphers.map((cipher) => [cipher.code, cipher]));

export const sslv2CipherByCode = (code: number): Sslv2Cipher | undefined => byCode.get(code);
