import { cipherSuiteRecords } from './cipher-suite-records.ts';
import type { CipherSuiteRecord } from './registry-sources.ts';
import { type SuiteStrength, suiteStrength } from './strength.ts';
import { type SuiteAttributes, suiteAttributes } from './suite-attributes.ts';

export interface CipherSuite extends CipherSuiteRecord, SuiteAttributes {
  readonly strength: SuiteStrength;
  /** A signalling value (renegotiation info, fallback), never chosen by a server. */
  readonly signalling: boolean;
}

const signallingCodes = new Set([0x00ff, 0x5600]);

const toSuite = (record: CipherSuiteRecord): CipherSuite => {
  const attributes = suiteAttributes(record.name);
  return {
    ...record,
    ...attributes,
    strength: suiteStrength(attributes),
    signalling: signallingCodes.has(record.code),
  };
};

/** IANA's TLS cipher suites with their attributes, in code order. */
export const cipherSuites: readonly CipherSuite[] = cipherSuiteRecords.map(toSuite);

const byCode = new Map(cipherSuites.map((suite) => [suite.code, suite]));

export const cipherSuiteByCode = (code: number): CipherSuite | undefined => byCode.get(code);

/** `0xC02F`, the way sslscan and testssl.sh write a code. */
export const cipherCodeHex = (code: number): string =>
  `0x${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** The five suites RFC 8446 defines for TLS 1.3. */
export const tls13SuiteCodes: readonly number[] = [0x1301, 0x1302, 0x1303, 0x1304, 0x1305];

/** Every suite a TLS 1.2-or-older server could choose: all but TLS 1.3's and the signalling values. */
export const legacySuiteCodes: readonly number[] = cipherSuites
  .filter((suite) => !suite.tls13 && !suite.signalling && suite.code !== 0x0000)
  .map((suite) => suite.code);
