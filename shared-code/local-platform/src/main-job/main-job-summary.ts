import { changeIndex, deadLetterIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import type { Deployment } from '../deployment/index.ts';
import { queueDepths } from '../platform/index.ts';
import type { SearchClient as Client } from './search-reads.ts';
import { searchSources, sinceQuery } from './search-reads.ts';
import { nmapTask } from './task-names.ts';
import { type TlsScanSummary, tlsSummaries } from './tls-summary.ts';

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

export interface MainJobSummary {
  readonly addresses: readonly AddressSummary[];
  /** Every TLS scan, per endpoint and name: the TLS scanner's judgement, nmap's where it has none. */
  readonly tls: readonly TlsScanSummary[];
  readonly changes: readonly ChangeSummary[];
  readonly deadLetters: DeadLetterSummary;
}

/** Days before expiry from which a certificate is reported as expiring. */
export const expiryWarningDays = 30;

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
    changes: await changeSummaries(client, since),
    deadLetters: await deadLetters(client, deployment, since),
  };
};
