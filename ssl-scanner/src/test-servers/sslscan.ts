import { runCommand } from '@sec-an/local-platform/processes';
import { SaxesParser } from 'saxes';

/** What sslscan reports: enabled protocols and accepted suites per protocol (codes, sslscan's order). */
export interface SslscanReport {
  readonly protocols: readonly string[];
  readonly cipherSuites: ReadonlyMap<string, readonly number[]>;
  readonly preferred: ReadonlyMap<string, number>;
  readonly error?: string;
}

const protocolName = (type: string, version: string): string =>
  type === 'ssl' ? `SSLv${version}` : `TLSv${version}`;

/** Reads sslscan's `--xml=-` document with a real XML parser. */
export const parseSslscanXml = (xml: string): SslscanReport => {
  const protocols: string[] = [];
  const cipherSuites = new Map<string, number[]>();
  const preferred = new Map<string, number>();
  let error: string | undefined;
  let inError = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    const attribute = (name: string): string => String(tag.attributes[name] ?? '');
    if (tag.name === 'error') inError = true;
    if (tag.name === 'protocol' && attribute('enabled') === '1') {
      protocols.push(protocolName(attribute('type'), attribute('version')));
    }
    if (tag.name === 'cipher') {
      const version = attribute('sslversion');
      const code = Number.parseInt(attribute('id'), 16);
      cipherSuites.set(version, [...(cipherSuites.get(version) ?? []), code]);
      if (attribute('status') === 'preferred') preferred.set(version, code);
    }
  });
  parser.on('cdata', (text) => {
    if (inError) error = text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'error') inError = false;
  });
  parser.write(xml).close();
  return { protocols, cipherSuites, preferred, ...(error === undefined ? {} : { error }) };
};

/** sslscan on a loopback port, only the protocol and cipher tests the scanner is compared on. */
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
      '--no-groups',
      '--no-check-certificate',
      ...(serverName === undefined ? [] : [`--sni-name=${serverName}`]),
      `127.0.0.1:${port}`,
    ],
    { timeoutMs: 120_000 },
  );
  return parseSslscanXml(result.output.slice(result.output.indexOf('<?xml')));
};
