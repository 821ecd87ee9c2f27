import { snapshotIndex } from '@sec-an/contracts/search-index';
import type { SearchClient as Client } from './search-reads.ts';
import { searchSources, sinceQuery } from './search-reads.ts';
import { nmapTask, tlsTask } from './task-names.ts';

/** One TLS scan of an endpoint, without SNI (`serverName` `''`) or as one of its names. */
export interface TlsScanSummary {
  readonly address: string;
  readonly port: number;
  readonly serverName: string;
  /** The TLS scanner's judgement, or nmap's ssl-enum-ciphers where the TLS scanner has nothing for the endpoint. */
  readonly source: 'ssl-scanner' | 'nmap';
  readonly status: string;
  readonly protocols: readonly string[];
  /** The SSL Labs-like grade (ssl-scanner), or the weakest suite's letter (nmap). */
  readonly grade?: string;
  /** The strictest Mozilla profile met, `none` if none (ssl-scanner only). */
  readonly bestProfile?: string;
  /** Where the endpoint falls short of Mozilla's intermediate profile: reason codes, or nmap's findings. */
  readonly intermediateFailures: readonly string[];
  readonly leafFingerprint?: string;
  readonly notAfter?: string;
  readonly daysToExpiry?: number;
  /** Whether the certificate covers the name asked for; absent without SNI. */
  readonly nameMatches?: boolean;
  readonly trusted?: boolean;
  /** Why the chain is not trusted, or does not cover the name: the chain analysis' reason codes. */
  readonly chainReasons: readonly string[];
}

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
const optional = <T>(key: string, value: T | undefined): Record<string, T> =>
  value === undefined ? {} : { [key]: value };
const endpointKey = (document: Record<string, unknown>, serverName = text(document.serverName) ?? '') =>
  `${String(document.address)} ${String(document.port)} ${serverName}`;

/** Snapshot documents of scans since the job began: the local node keeps the indices of earlier runs. */
const current = (since: number, query: object = { match_all: {} }) => ({
  bool: { filter: [query, sinceQuery('scan.startedAt', since)] },
});

const intermediateReasons = async (client: Client, since: number): Promise<Map<string, string[]>> => {
  const verdicts = await searchSources(
    client,
    snapshotIndex(tlsTask, 'tls-compliance'),
    current(since, { term: { profile: 'intermediate' } }),
    5000,
  );
  return new Map(verdicts.map((verdict) => [endpointKey(verdict), [...new Set(texts(verdict.reasonCodes))]]));
};

const scannerSummaries = async (client: Client, since: number): Promise<TlsScanSummary[]> => {
  const reasons = await intermediateReasons(client, since);
  const endpoints = await searchSources(client, snapshotIndex(tlsTask, 'tls-endpoint'), current(since), 5000);
  return endpoints.map((endpoint) => ({
    address: String(endpoint.address),
    port: Number(endpoint.port),
    serverName: text(endpoint.serverName) ?? '',
    source: 'ssl-scanner',
    status: text(endpoint.status) ?? 'unknown',
    protocols: texts(endpoint.protocols),
    ...optional('grade', text(endpoint.grade)),
    ...optional('bestProfile', text(endpoint.bestProfile)),
    intermediateFailures: (reasons.get(endpointKey(endpoint)) ?? []).sort(),
    ...optional('leafFingerprint', text(endpoint.leafFingerprint)),
    ...optional('notAfter', text(endpoint.certificateNotAfter)),
    ...optional(
      'daysToExpiry',
      typeof endpoint.daysToExpiry === 'number' ? endpoint.daysToExpiry : undefined,
    ),
    ...optional('nameMatches', typeof endpoint.nameMatches === 'boolean' ? endpoint.nameMatches : undefined),
    ...optional('trusted', typeof endpoint.trusted === 'boolean' ? endpoint.trusted : undefined),
    chainReasons: (Array.isArray(endpoint.chainReasons) ? endpoint.chainReasons : []).map((reason) =>
      String((reason as { code?: unknown }).code),
    ),
  }));
};

/** TLS 1.2 and 1.3 only, and every suite graded A: what Mozilla's intermediate profile asks of a server. */
const nmapFailures = (protocols: readonly string[], grade: string | undefined): string[] => [
  ...protocols
    .filter((protocol) => /^(SSLv|TLSv1\.[01]$)/.test(protocol))
    .map((protocol) => `offers ${protocol}`),
  ...(grade !== undefined && grade !== 'A' ? [`weakest cipher suite graded ${grade}`] : []),
];

/** nmap's view of a TLS port the TLS scanner has not judged (not deployed, or its scan still running). */
const nmapSummaries = async (client: Client, since: number): Promise<TlsScanSummary[]> => {
  const ports = await searchSources(
    client,
    snapshotIndex(nmapTask, 'port'),
    current(since, { bool: { filter: [{ term: { state: 'open' } }, { term: { tls: true } }] } }),
    2000,
  );
  const certificates = new Map(
    (await searchSources(client, snapshotIndex(nmapTask, 'certificate'), current(since), 2000)).map(
      (cert) => [`${String(cert.address)} ${String(cert.port)}`, cert],
    ),
  );
  return ports.map((port) => {
    const protocols = texts(port.tlsProtocols);
    const grade = text(port.tlsLeastStrength);
    const cert = certificates.get(`${String(port.address)} ${String(port.port)}`);
    return {
      address: String(port.address),
      port: Number(port.port),
      serverName: '',
      source: 'nmap',
      status: 'scanned',
      protocols,
      ...optional('grade', grade),
      intermediateFailures: nmapFailures(protocols, grade),
      ...optional('notAfter', text(cert?.notAfter)),
      ...optional('daysToExpiry', typeof cert?.daysToExpiry === 'number' ? cert.daysToExpiry : undefined),
      chainReasons: [],
    };
  });
};

const byEndpoint = (a: TlsScanSummary, b: TlsScanSummary): number =>
  a.address.localeCompare(b.address, 'en', { numeric: true }) ||
  a.port - b.port ||
  a.serverName.localeCompare(b.serverName);

/**
 * Every TLS scan since `since`: the TLS scanner's, per endpoint and name, and nmap's for an endpoint the TLS
 * scanner has nothing for. An index not there yet (a scanner not deployed) is an empty source, never an error.
 */
export const tlsSummaries = async (client: Client, since: number): Promise<TlsScanSummary[]> => {
  const judged = await scannerSummaries(client, since);
  const covered = new Set(judged.map(({ address, port }) => `${address} ${port}`));
  const fallback = (await nmapSummaries(client, since)).filter(
    ({ address, port }) => !covered.has(`${address} ${port}`),
  );
  return [...judged, ...fallback].sort(byEndpoint);
};
