import { historyIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import type { Deployment } from '../deployment/index.ts';
import { queueDepths } from '../platform/index.ts';
import type { SearchClient as Client } from './search-reads.ts';
import { searchSources, sinceQuery } from './search-reads.ts';
import { addressesTask, nmapTask, tlsTask } from './task-names.ts';

/** Where a cycle of the platform is, read from the tables' copies in OpenSearch, the scan results and the queues. */
export interface CycleObservation {
  /** Addresses the DNS ingest found, and those the planner found in scope. */
  readonly addresses: number;
  readonly inScope: readonly string[];
  /** In-scope addresses the initiator sent to the delay queue since the cycle began. */
  readonly queued: number;
  /** In-scope addresses whose nmap result was ingested, from a scan started since the cycle began. */
  readonly scanned: readonly string[];
  /** The TLS ports nmap found open in this cycle (`address:port`), and those the TLS scanner judged for it. */
  readonly tlsEndpoints: readonly string[];
  readonly tlsJudged: readonly string[];
  /** Messages waiting or being worked on in any queue (delayed ones, future scans, are not counted). */
  readonly inQueues: number;
  readonly deadLetters: number;
}

const at = (value: unknown): number => (typeof value === 'number' ? value : Date.parse(String(value)));

const scannedSince = async (client: Client, since: number): Promise<string[]> => {
  const hosts = await searchSources(
    client,
    historyIndex(nmapTask, 'host'),
    sinceQuery('scan.startedAt', since),
    1000,
  );
  return [...new Set(hosts.map((host) => String(host.address)))].sort();
};

const texts = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/**
 * The TLS ports of this cycle's nmap results, and which of them have the TLS scanner's endpoint documents for the
 * same request (its scans are led by nmap's port findings, whose request id they carry): without SNI and under
 * every name of the address, so a summary never shows an endpoint judged under some names only.
 */
const tlsProgress = async (
  client: Client,
  since: number,
  hostsOf: ReadonlyMap<string, readonly string[]>,
): Promise<{ endpoints: string[]; judged: string[] }> => {
  const ports = await searchSources(
    client,
    snapshotIndex(nmapTask, 'port'),
    {
      bool: {
        filter: [{ term: { state: 'open' } }, { term: { tls: true } }, sinceQuery('scan.startedAt', since)],
      },
    },
    2000,
  );
  const requestIds = [
    ...new Set(ports.map((port) => String((port.scan as { requestId?: unknown }).requestId))),
  ];
  const scans =
    requestIds.length === 0
      ? []
      : await searchSources(
          client,
          historyIndex(tlsTask, 'tls-endpoint'),
          { terms: { 'scan.requestId': requestIds } },
          5000,
        );
  const seen = new Set(
    scans.map(
      (scan) =>
        `${String((scan.scan as { requestId?: unknown }).requestId)} ${String(scan.address)}:${String(scan.port)} ${String(scan.serverName)}`,
    ),
  );
  const endpointOf = (port: Record<string, unknown>) => `${String(port.address)}:${String(port.port)}`;
  const judged = ports.filter((port) =>
    ['', ...(hostsOf.get(String(port.address)) ?? [])].every((name) =>
      seen.has(`${String((port.scan as { requestId?: unknown }).requestId)} ${endpointOf(port)} ${name}`),
    ),
  );
  return { endpoints: ports.map(endpointOf).sort(), judged: judged.map(endpointOf).sort() };
};

export const observeCycle = async (
  client: Client,
  deployment: Deployment,
  since: number,
): Promise<CycleObservation> => {
  const addresses = await searchSources(
    client,
    snapshotIndex(addressesTask, 'address'),
    { match_all: {} },
    1000,
  );
  const inScope = addresses.filter((address) => address.scope === 'in-scope');
  const scanned = new Set(await scannedSince(client, since));
  const tls = await tlsProgress(
    client,
    since,
    new Map(addresses.map((address) => [String(address.address), texts(address.hosts)])),
  );
  const depths = await queueDepths(deployment);
  return {
    addresses: addresses.length,
    inScope: inScope.map((address) => String(address.address)).sort(),
    queued: inScope.filter((address) => address.queuedAt !== undefined && at(address.queuedAt) >= since)
      .length,
    scanned: inScope.map((address) => String(address.address)).filter((address) => scanned.has(address)),
    tlsEndpoints: tls.endpoints,
    tlsJudged: tls.judged,
    inQueues: depths.reduce((sum, depth) => sum + depth.visible + depth.inFlight, 0),
    deadLetters: depths.reduce((sum, depth) => sum + (depth.deadLetters ?? 0), 0),
  };
};

/** Every in-scope address has its results, every TLS port its TLS scans, and nothing is left in flight. */
export const cycleComplete = (seen: CycleObservation): boolean =>
  seen.inScope.length > 0 &&
  seen.scanned.length === seen.inScope.length &&
  seen.tlsJudged.length === seen.tlsEndpoints.length &&
  seen.inQueues === 0;
