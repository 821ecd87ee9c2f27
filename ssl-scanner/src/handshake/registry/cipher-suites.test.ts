import { describe, expect, it } from '@jest/globals';
import { cipherSuiteRecords } from './cipher-suite-records.ts';
import { cipherSuiteByCode, cipherSuites, legacySuiteCodes, tls13SuiteCodes } from './cipher-suites.ts';
import { openSslCipherList, parseOpenSslCiphers, readIanaCsv, registryRecords } from './registry-sources.ts';

/** OpenSSL's own Kx/Au/Enc/Mac columns, to check what the scanner reads from IANA names. */
const openSslColumns = (output: string): Map<number, Record<string, string>> =>
  new Map(
    output.split('\n').flatMap((line) => {
      const code = /^\s*0x([0-9A-F]{2}),0x([0-9A-F]{2})/.exec(line);
      if (code === null) return [];
      const columns = Object.fromEntries(
        [...line.matchAll(/(Kx|Au|Enc|Mac)=(\S+)/g)].map((m) => [m[1], m[2]]),
      );
      return [[Number.parseInt(`${code[1]}${code[2]}`, 16), columns] as const];
    }),
  );

const openSslKx: Record<string, string> = {
  RSA: 'RSA',
  DH: 'DHE',
  ECDH: 'ECDHE',
  PSK: 'PSK',
  DHEPSK: 'DHE_PSK',
  RSAPSK: 'RSA_PSK',
  ECDHEPSK: 'ECDHE_PSK',
  SRP: 'SRP',
  any: 'any',
};
const openSslAu: Record<string, string> = {
  RSA: 'RSA',
  DSS: 'DSS',
  ECDSA: 'ECDSA',
  None: 'anon',
  PSK: 'PSK',
  SRP: 'SRP',
  any: 'any',
};

describe('the cipher suite registry', () => {
  it('is the IANA registry held in the repository with the names of the local OpenSSL', async () => {
    expect(cipherSuiteRecords).toEqual(registryRecords(readIanaCsv(), await openSslCipherList()));
  });

  it('reads from each IANA name the key exchange, authentication, cipher bits and MAC OpenSSL states', async () => {
    const columns = openSslColumns(await openSslCipherList());
    expect(columns.size).toBeGreaterThan(100);
    for (const [code, column] of columns) {
      const suite = cipherSuiteByCode(code);
      expect(suite).toBeDefined();
      if (suite === undefined) continue;
      const seen = {
        code: suite.code,
        keyExchange: suite.keyExchange,
        authentication: suite.authentication,
        bits: suite.encryptionBits,
        aead: suite.mac === 'AEAD',
      };
      expect(seen).toEqual({
        code,
        keyExchange: openSslKx[column.Kx ?? ''],
        authentication: openSslAu[column.Au ?? ''],
        bits: Number(/\((\d+)\)/.exec(column.Enc ?? '')?.[1] ?? 0),
        aead: column.Mac === 'AEAD',
      });
    }
  });

  it('names the suites every scanner reports the same way', () => {
    expect(
      parseOpenSslCiphers(' 0xC0,0x2F - TLS_X - ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2').get(0xc02f),
    ).toEqual({
      standard: 'TLS_X',
      openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
    });
    expect(cipherSuiteByCode(0xc02f)).toMatchObject({
      name: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      openssl: 'ECDHE-RSA-AES128-GCM-SHA256',
      encryption: 'AES_128_GCM',
      strength: 'strong',
      forwardSecrecy: true,
    });
  });

  it('grades legacy suites the local OpenSSL no longer knows', () => {
    expect(cipherSuiteByCode(0x0003)).toMatchObject({
      export: true,
      encryptionBits: 40,
      strength: 'insecure',
    });
    expect(cipherSuiteByCode(0x0005)).toMatchObject({
      encryption: 'RC4_128',
      mac: 'SHA',
      strength: 'insecure',
    });
    expect(cipherSuiteByCode(0x000a)).toMatchObject({ encryption: '3DES_EDE_CBC', strength: 'weak' });
    expect(cipherSuiteByCode(0x0018)).toMatchObject({ authentication: 'anon', strength: 'insecure' });
    expect(cipherSuiteByCode(0xc014)).toMatchObject({ mac: 'SHA', strength: 'acceptable' });
    expect(cipherSuiteByCode(0x1301)).toMatchObject({ tls13: true, keyExchange: 'any', strength: 'strong' });
  });

  it('offers every assigned suite but TLS 1.3 ones and signalling values to older protocols', () => {
    expect(cipherSuites.length).toBeGreaterThan(340);
    expect(legacySuiteCodes).not.toContain(0x00ff);
    expect(legacySuiteCodes).not.toContain(0x1301);
    expect(legacySuiteCodes).toContain(0x0003);
    expect(tls13SuiteCodes.map((code) => cipherSuiteByCode(code)?.name)).toEqual([
      'TLS_AES_128_GCM_SHA256',
      'TLS_AES_256_GCM_SHA384',
      'TLS_CHACHA20_POLY1305_SHA256',
      'TLS_AES_128_CCM_SHA256',
      'TLS_AES_128_CCM_8_SHA256',
    ]);
  });
});
