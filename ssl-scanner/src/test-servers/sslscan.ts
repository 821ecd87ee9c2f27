import { runCommand } from '@sec-an/local-platform/processes';
import { SaxesParser } from 'saxes';

/** What sslscan reports: enabled protocols and accepted suites per protocol (codes, sslscan's order). */
export interface SslscanReport {
  readonly protocols: readonly string[];
  readonly cipherSuites: ReadonlyMap<string, readonly number[]>;
  readonly preferred: ReadonlyMap<string, number>;
  /** Key exchange groups per protocol (codes); sslscan enumerates them for TLS 1.3 only. */
  readonly groups: ReadonlyMap<string, readonly number[]>;
  /** The DH prime size per protocol and DHE suite code. */
  readonly dhBits: ReadonlyMap<string, ReadonlyMap<number, number>>;
  readonly error?: string;
}

const protocolName = (type: string, version: string): string =>
  type === 'ssl' ? `SSLv${version}` : `TLSv${version}`;

interface Collected {
  readonly protocols: string[];
  readonly cipherSuites: Map<string, number[]>;
  readonly preferred: Map<string, number>;
  readonly groups: Map<string, number[]>;
  readonly dhBits: Map<string, Map<number, number>>;
}

type Attribute = (name: string) => string;

const append = (map: Map<string, number[]>, key: string, value: number): void => {
  map.set(key, [...(map.get(key) ?? []), value]);
};

const readCipher = (collected: Collected, attribute: Attribute): void => {
  const version = attribute('sslversion');
  const code = Number.parseInt(attribute('id'), 16);
  append(collected.cipherSuites, version, code);
  if (attribute('status') === 'preferred') collected.preferred.set(version, code);
  if (attribute('dhebits') !== '') {
    const sizes = collected.dhBits.get(version) ?? new Map<number, number>();
    collected.dhBits.set(version, sizes.set(code, Number(attribute('dhebits'))));
  }
};

const readers: Readonly<Record<string, (collected: Collected, attribute: Attribute) => void>> = {
  protocol: (collected, attribute) => {
    if (attribute('enabled') === '1')
      collected.protocols.push(protocolName(attribute('type'), attribute('version')));
  },
  cipher: readCipher,
  group: (collected, attribute) =>
    append(collected.groups, attribute('sslversion'), Number.parseInt(attribute('id'), 16)),
};

/** Reads sslscan's `--xml=-` document with a real XML parser. */
export const parseSslscanXml = (xml: string): SslscanReport => {
  const collected: Collected = {
    protocols: [],
    cipherSuites: new Map(),
    preferred: new Map(),
    groups: new Map(),
    dhBits: new Map(),
  };
  let error: string | undefined;
  let inError = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'error') inError = true;
    readers[tag.name]?.(collected, (name) => String(tag.attributes[name] ?? ''));
  });
  parser.on('cdata', (text) => {
    if (inError) error = text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'error') inError = false;
  });
  parser.write(xml).close();
  return { ...collected, ...(error === undefined ? {} : { error }) };
};

/** sslscan on a loopback port, only the protocol, cipher and group tests the scanner is compared on. */
export const runSslscan = async (port: number, serverName?: string): Promise<SslscanReport> => {
  const result = await runCommand(
    'sslscan',
    [
      '--xml=-',
      '--no-colour',
      '--no-heartbleed',
      '--no-renegotiation',
      '--no-compression',
      '--no-fallback',
      '--no-check-certificate',
      ...(serverName === undefined ? [] : [`--sni-name=${serverName}`]),
      `127.0.0.1:${port}`,
    ],
    { timeoutMs: 120_000 },
  );
  return parseSslscanXml(result.output.slice(result.output.indexOf('<?xml')));
};
