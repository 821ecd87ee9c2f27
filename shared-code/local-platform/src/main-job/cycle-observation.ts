import type { SearchClient as Client } from './search-reads.ts';
import { historyIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import type { Deployment } from '../deployment/index.ts';
import { queueDepths } from '../platform/index.ts';
import { searchSources, sinceQuery } from './search-reads.ts';

/** nmap-scanner's task, as its documents and indices name it (`nmap-scanner-port-snapshot`). */
export const nmapTask = 'nmap-scanner';
/** task-execution's address table, as its sync names it in OpenSearch. */
export const addressesTask = 'dns-addresses';

/** Where a cycle of the platform is, read from the tables' copies in OpenSearch, the scan results and the queues. */
export interface CycleObservation {
  /** Addresses the DNS ingest found, and those the planner found in scope. */
  readonly addresses: number;
  readonly inScope: readonly string[];
  /** In-scope addresses the initiator sent to the delay queue since the cycle began. */
  readonly queued: number;
  /** In-scope addresses whose nmap result was ingested, from a scan started since the cycle began. */
  readonly scanned: readonly string[];
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
  const depths = await queueDepths(deployment);
  return {
    addresses: addresses.length,
    inScope: inScope.map((address) => String(address.address)).sort(),
    queued: inScope.filter((address) => address.queuedAt !== undefined && at(address.queuedAt) >= since)
      .length,
    scanned: inScope.map((address) => String(address.address)).filter((address) => scanned.has(address)),
    inQueues: depths.reduce((sum, depth) => sum + depth.visible + depth.inFlight, 0),
    deadLetters: depths.reduce((sum, depth) => sum + (depth.deadLetters ?? 0), 0),
  };
};

/** Every in-scope address has its results, and nothing is left in flight behind them. */
export const cycleComplete = (seen: CycleObservation): boolean =>
  seen.inScope.length > 0 && seen.scanned.length === seen.inScope.length && seen.inQueues === 0;
