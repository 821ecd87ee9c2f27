import { readScanScope, type ScanScope, scopeVerdict } from '@sec-an/runtime/scan-scope';
import { rawResultKey, writeRawResult } from '@sec-an/task-execution/task-runtime';
import { currentHostsOf } from './address-hosts.ts';
import { observeEndpoint, type ScanFunction } from './observe-endpoint.ts';
import type { TlsScanJob } from './scan-job.ts';
import { scanNames } from './scan-names.ts';
import type { ScanSettings } from './scan-settings.ts';
import { scannerVersion, tlsTask } from './task-identity.ts';
import {
  encodeTlsObservations,
  type Observation,
  observationOf,
  outOfScopeObservation,
  type TlsObservations,
  tlsObservationsFile,
} from './tls-observations.ts';

export interface ScanTlsEndpointOptions {
  /** The task's raw-results bucket. */
  readonly resultsBucket: string;
  readonly settings: ScanSettings;
  /** Epoch ms by which every scan has ended (the handler keeps time to write the raw object after it). */
  readonly deadline: number;
  /** Default: the scan scope parameter, read now. */
  readonly readScope?: () => Promise<ScanScope>;
  /** Default: task-execution's addresses table. */
  readonly currentHosts?: (address: string) => Promise<readonly string[]>;
  readonly scan?: ScanFunction;
}

/** Where a scan's raw object went, and what it holds. */
export interface StoredObservations {
  readonly bucket: string;
  readonly key: string;
  readonly observations: TlsObservations;
}

/** A direct request names what its sender knows; the inventory adds what DNS says today. */
const inventoryHostsFor = async (job: TlsScanJob, options: ScanTlsEndpointOptions): Promise<string[]> => {
  if (job.input.contract !== 'tls-scan-request') return [];
  const known = await (options.currentHosts ?? currentHostsOf)(job.endpoint.address);
  return known.filter((host) => !job.hosts.includes(host));
};

/**
 * One endpoint: its names, the scope checked with all of them before any connection, the scans (without SNI, then
 * per name) or, out of scope, one `out-of-scope` record per planned scan, and the raw object written to the lake
 * under the request's folder, whose creation triggers the parser. Every way a scan can end is a status in the
 * object; only a failure to read the scope or the inventory, or to write, throws (and is retried).
 */
export const scanTlsEndpoint = async (
  job: TlsScanJob,
  options: ScanTlsEndpointOptions,
): Promise<StoredObservations> => {
  const startedAt = new Date();
  const fromInventory = await inventoryHostsFor(job, options);
  const allHosts = [...job.hosts, ...fromInventory];
  const names = scanNames(allHosts, options.settings.maxNames);
  const scope = await (options.readScope ?? readScanScope)();
  const verdict = scopeVerdict(scope, { address: job.endpoint.address, hosts: allHosts });
  const observations: Observation[] = verdict.inScope
    ? (
        await observeEndpoint(job.endpoint, names.scanned, {
          settings: options.settings,
          deadline: options.deadline,
          ...(options.scan === undefined ? {} : { scan: options.scan }),
        })
      ).map(observationOf)
    : [undefined, ...names.scanned].map((name) => outOfScopeObservation(name, verdict.reason));
  const endedAt = new Date();
  const recorded: TlsObservations = {
    format: 'tls-observations',
    version: 1,
    scanner: { name: tlsTask, version: scannerVersion },
    request: job.input,
    target: { address: job.endpoint.address, port: job.endpoint.port },
    names: { ...names, scanned: [...names.scanned], omitted: [...names.omitted], fromInventory },
    scope: { inScope: verdict.inScope, reason: verdict.reason },
    settings: { ...options.settings },
    startedAt: startedAt.toISOString(),
    endedAt: endedAt.toISOString(),
    observations,
  };
  const key = rawResultKey(job.requestId, startedAt, tlsObservationsFile(job.endpoint.port));
  await writeRawResult({
    bucket: options.resultsBucket,
    key,
    body: encodeTlsObservations(recorded),
    contentType: 'application/gzip',
    metadata: { requestId: job.requestId, startedAt: recorded.startedAt, endedAt: recorded.endedAt },
  });
  return { bucket: options.resultsBucket, key, observations: recorded };
};
