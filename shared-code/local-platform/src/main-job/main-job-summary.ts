import type { SearchClient as Client } from './search-reads.ts';
import { changeIndex, deadLetterIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import type { Deployment } from '../deployment/index.ts';
import { queueDepths } from '../platform/index.ts';
import { nmapTask } from './cycle-observation.ts';
import { searchSources, sinceQuery } from './search-reads.ts';

export interface OpenPort {
  readonly port: number;
  readonly service: string;
  readonly product?: string;
  readonly version?: string;
  readonly tls: boolean;
}

export interface AddressSummary {
  readonly address: string;
  readonly hosts: readonly string[];
  readonly openPorts: readonly OpenPort[];
}

export interface TlsEndpointSummary {
  readonly address: string;
  readonly port: number;
  readonly protocols: readonly string[];
  /** nmap ssl-enum-ciphers' grade of the weakest suite offered (A to F). */
  readonly grade?: string;
  /** Where the endpoint falls short of Mozilla's intermediate profile, as nmap's findings show it. */
  readonly failures: readonly string[];
}

export interface CertificateSummary {
  readonly address: string;
  readonly port: number;
  readonly names: readonly string[];
  readonly notAfter?: string;
  readonly daysToExpiry?: number;
  /** Whether it names one of the host names that resolve to its address. */
  readonly namesMatch: boolean;
}

export interface ChangeSummary {
  readonly at: string;
  readonly task: string;
  readonly type: string;
  readonly change: string;
  readonly label: string;
  readonly field?: string;
  readonly before?: string;
  readonly after?: string;
}

export interface DeadLetterSummary {
  /** Messages in each dead-letter queue that holds any, by the queue they came from. */
  readonly queues: readonly { readonly queueName: string; readonly count: number }[];
  /** Archived dead letters, by the dead-letter queue they were taken from (or their source, when it is not named). */
  readonly archived: readonly { readonly source: string; readonly count: number }[];
}

/** Another scanner's documents (the TLS scanner's, once it is deployed): its indices and their sizes. */
export interface ScannerIndexSummary {
  readonly index: string;
  readonly documents: number;
}

export interface MainJobSummary {
  readonly addresses: readonly AddressSummary[];
  readonly tls: readonly TlsEndpointSummary[];
  readonly certificates: readonly CertificateSummary[];
  readonly tlsScannerIndices: readonly ScannerIndexSummary[];
  readonly changes: readonly ChangeSummary[];
  readonly deadLetters: DeadLetterSummary;
}

/** Days before expiry from which a certificate is reported as expiring. */
export const expiryWarningDays = 30;
/** Where the TLS scanner's documents go, by its task name: any of its snapshot indices. */
export const tlsScannerIndexPattern = 'ssl-scanner-*';

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : String(value);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : value === undefined || value === null ? [] : [String(value)];
const optional = <K extends string>(key: K, value: string | number | undefined) =>
  (value === undefined ? {} : { [key]: value }) as { [P in K]?: string | number };

/** Snapshot documents of scans since the job began: the local node keeps the indices of earlier runs. */
const current = (since: number, query: object = { match_all: {} }) => ({
  bool: { filter: [query, sinceQuery('scan.startedAt', since)] },
});

const ports = async (client: Client, since: number) =>
  searchSources(client, snapshotIndex(nmapTask, 'port'), current(since, { term: { state: 'open' } }), 2000);

const addressSummaries = async (
  client: Client,
  hostsOf: Map<string, string[]>,
  since: number,
): Promise<AddressSummary[]> => {
  const open = await ports(client, since);
  const hosts = await searchSources(client, snapshotIndex(nmapTask, 'host'), current(since), 2000);
  return hosts
    .map((host) => String(host.address))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((address) => ({
      address,
      hosts: hostsOf.get(address) ?? [],
      openPorts: open
        .filter((port) => port.address === address)
        .map((port) => ({
          port: Number(port.port),
          service: text(port.service) ?? 'unknown',
          ...(optional('product', text(port.product)) as { product?: string }),
          ...(optional('version', text(port.version)) as { version?: string }),
          tls: port.tls === true,
        }))
        .sort((a, b) => a.port - b.port),
    }));
};

/** TLS 1.2 and 1.3 only, and every suite graded A: what Mozilla's intermediate profile asks of a server. */
const tlsFailures = (protocols: readonly string[], grade: string | undefined): string[] => [
  ...protocols
    .filter((protocol) => /^(SSLv|TLSv1\.[01]$)/.test(protocol))
    .map((protocol) => `offers ${protocol}`),
  ...(grade !== undefined && grade !== 'A' ? [`weakest cipher suite graded ${grade}`] : []),
];

const tlsSummaries = async (client: Client, since: number): Promise<TlsEndpointSummary[]> =>
  (await ports(client, since))
    .filter((port) => port.tls === true)
    .map((port) => {
      const protocols = texts(port.tlsProtocols);
      const grade = text(port.tlsLeastStrength);
      return {
        address: String(port.address),
        port: Number(port.port),
        protocols,
        ...(optional('grade', grade) as { grade?: string }),
        failures: tlsFailures(protocols, grade),
      };
    });

const certificateSummaries = async (
  client: Client,
  hostsOf: Map<string, string[]>,
  since: number,
): Promise<CertificateSummary[]> =>
  (await searchSources(client, snapshotIndex(nmapTask, 'certificate'), current(since), 2000)).map((cert) => {
    const names = texts(cert.dnsNames);
    const hosts = hostsOf.get(String(cert.address)) ?? [];
    return {
      address: String(cert.address),
      port: Number(cert.port),
      names,
      ...(optional('notAfter', text(cert.notAfter)) as { notAfter?: string }),
      ...(typeof cert.daysToExpiry === 'number' ? { daysToExpiry: cert.daysToExpiry } : {}),
      namesMatch: names.some((name) => hosts.includes(name)),
    };
  });

const hostNames = async (client: Client): Promise<Map<string, string[]>> => {
  const rows = await searchSources(
    client,
    snapshotIndex('dns-addresses', 'address'),
    { match_all: {} },
    2000,
  );
  return new Map(rows.map((row) => [String(row.address), texts(row.hosts).sort()]));
};

const changeSummaries = async (client: Client, since: number): Promise<ChangeSummary[]> =>
  (
    await searchSources(client, changeIndex, sinceQuery('@timestamp', since), 500, [{ '@timestamp': 'asc' }])
  ).map((change) => ({
    at: String(change['@timestamp']),
    task: String(change.task),
    type: String(change.type),
    change: String(change.change),
    label: String(change.label),
    ...(optional('field', text(change.field)) as { field?: string }),
    ...(optional('before', text(change.before)) as { before?: string }),
    ...(optional('after', text(change.after)) as { after?: string }),
  }));

const countBy = (values: readonly string[]) =>
  [...new Set(values)].map((source) => ({
    source,
    count: values.filter((value) => value === source).length,
  }));

const deadLetters = async (
  client: Client,
  deployment: Deployment,
  since: number,
): Promise<DeadLetterSummary> => {
  const depths = await queueDepths(deployment);
  const archived = await searchSources(client, deadLetterIndex, sinceQuery('@timestamp', since), 1000);
  return {
    queues: depths
      .filter((depth) => (depth.deadLetters ?? 0) > 0)
      .map((depth) => ({ queueName: depth.queueName, count: depth.deadLetters ?? 0 })),
    archived: countBy(
      archived.map(
        (letter) =>
          text(letter.deadLetterQueue) ?? text(letter.sourceQueue) ?? text(letter.functionName) ?? 'unknown',
      ),
    ),
  };
};

const scannerIndices = async (client: Client): Promise<ScannerIndexSummary[]> => {
  const response = await client.cat.indices({ index: tlsScannerIndexPattern, format: 'json' } as never);
  const rows = response.body as unknown as { index: string; 'docs.count': string }[];
  return rows
    .map((row) => ({ index: row.index, documents: Number(row['docs.count']) }))
    .sort((a, b) => a.index.localeCompare(b.index));
};

/** What a security engineer asks of the estate scanned since `since`, read from OpenSearch and the queues. */
export const summarise = async (
  client: Client,
  deployment: Deployment,
  since: number,
): Promise<MainJobSummary> => {
  const hostsOf = await hostNames(client);
  return {
    addresses: await addressSummaries(client, hostsOf, since),
    tls: await tlsSummaries(client, since),
    certificates: await certificateSummaries(client, hostsOf, since),
    tlsScannerIndices: await scannerIndices(client),
    changes: await changeSummaries(client, since),
    deadLetters: await deadLetters(client, deployment, since),
  };
};
