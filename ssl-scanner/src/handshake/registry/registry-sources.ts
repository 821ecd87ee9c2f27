import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@sec-an/local-platform/processes';

/** One suite as the sources name it: IANA's code and name, and OpenSSL's name where OpenSSL knows the suite. */
export interface CipherSuiteRecord {
  readonly code: number;
  readonly name: string;
  readonly recommended: boolean;
  readonly reference: string;
  readonly openssl?: string;
}

export const ianaCsvPath = fileURLToPath(new URL('./iana-tls-cipher-suites.csv', import.meta.url));
export const registryModulePath = fileURLToPath(new URL('./cipher-suite-records.ts', import.meta.url));

const row = /^"0x([0-9A-F]{2}),0x([0-9A-F]{2})",(TLS_[A-Z0-9_a-z]+),[YN]?,([YN]),(.*)$/;

/** The assigned suites of IANA's registry (tls-parameters-4.csv); ranges and reservations are skipped. */
export const parseIanaCsv = (
  csv: string,
): { code: number; name: string; recommended: boolean; reference: string }[] =>
  csv.split('\n').flatMap((line) => {
    const match = row.exec(line.trim());
    if (match === null) return [];
    const [, high = '', low = '', name = '', recommended, reference = ''] = match;
    return [{ code: Number.parseInt(high + low, 16), name, recommended: recommended === 'Y', reference }];
  });

/** `openssl ciphers -V -stdname` lines: `0xC0,0x2F - TLS_… - ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 Kx=…`. */
export const parseOpenSslCiphers = (output: string): Map<number, { standard: string; openssl: string }> =>
  new Map(
    output.split('\n').flatMap((line) => {
      const match = /^\s*0x([0-9A-F]{2}),0x([0-9A-F]{2}) - (\S+)\s+- (\S+)/.exec(line);
      if (match === null) return [];
      const [, high = '', low = '', standard = '', openssl = ''] = match;
      return [[Number.parseInt(high + low, 16), { standard, openssl }] as const];
    }),
  );

/** Every suite the local OpenSSL can name, weak and legacy ones included. */
export const openSslCipherList = async (): Promise<string> => {
  const result = await runCommand('openssl', [
    'ciphers',
    '-V',
    '-stdname',
    'ALL:COMPLEMENTOFALL:@SECLEVEL=0',
  ]);
  if (result.exitCode !== 0) throw new Error(`openssl ciphers failed: ${result.output}`);
  return result.output;
};

export const registryRecords = (csv: string, openssl: string): CipherSuiteRecord[] => {
  const names = parseOpenSslCiphers(openssl);
  return parseIanaCsv(csv).map((suite) => {
    const known = names.get(suite.code);
    return known === undefined ? suite : { ...suite, openssl: known.openssl };
  });
};

export const readIanaCsv = (): string => readFileSync(ianaCsvPath, 'utf8');
