import { asList, asRecord, asText, type ScriptValue } from './script-table.ts';

export interface TlsCipher {
  readonly name: string;
  readonly keyExchange?: string;
  readonly strength?: string;
}

export interface TlsProtocol {
  readonly protocol: string;
  readonly ciphers: readonly TlsCipher[];
  readonly compressors: readonly string[];
  readonly cipherPreference?: string;
  readonly warnings: readonly string[];
}

export interface TlsEnumeration {
  readonly protocols: readonly TlsProtocol[];
  /** The weakest grade over every cipher, as ssl-enum-ciphers states it (`least strength`). */
  readonly leastStrength?: string;
}

/** From weakest to strongest, so that protocols can be compared. */
export const tlsProtocolOrder = ['SSLv2', 'SSLv3', 'TLSv1.0', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];

const texts = (value: ScriptValue | undefined): string[] =>
  asList(value).flatMap((entry) => asText(entry) ?? []);

/** The protocols and graded ciphers in ssl-enum-ciphers' structured output. */
export const readTlsEnumeration = (value: ScriptValue): TlsEnumeration => {
  const record = asRecord(value);
  const protocols = Object.entries(record)
    .filter(([key, entry]) => key !== 'least strength' && typeof entry === 'object')
    .map(([protocol, entry]) => {
      const table = asRecord(entry);
      const cipherPreference = asText(table['cipher preference']);
      return {
        protocol,
        ciphers: asList(table.ciphers).map((cipher) => {
          const fields = asRecord(cipher);
          const keyExchange = asText(fields.kex_info);
          const strength = asText(fields.strength);
          return {
            name: asText(fields.name) ?? 'unknown',
            ...(keyExchange === undefined ? {} : { keyExchange }),
            ...(strength === undefined ? {} : { strength }),
          };
        }),
        compressors: texts(table.compressors),
        ...(cipherPreference === undefined ? {} : { cipherPreference }),
        warnings: texts(table.warnings),
      };
    });
  const leastStrength = asText(record['least strength']);
  return { protocols, ...(leastStrength === undefined ? {} : { leastStrength }) };
};

/** The oldest protocol offered, by the order above; an unknown name sorts first (it is not a modern one). */
export const lowestProtocol = (protocols: readonly string[]): string | undefined =>
  [...protocols].sort((a, b) => tlsProtocolOrder.indexOf(a) - tlsProtocolOrder.indexOf(b))[0];
