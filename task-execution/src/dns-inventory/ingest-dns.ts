import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { changeCounts, diffInventory } from './diff.ts';
import { type DnsTables, dnsTablesFromEnvironment } from './dns-ingest-settings.ts';
import { route53Sources } from './dns-reader-role.ts';
import { DnsTableWriteError } from './errors.ts';
import { completeIngestRecord, failIngestRecord, startIngestRecord } from './ingest-record.ts';
import { type OutsideResolver, systemResolver } from './outside-resolver.ts';
import { resolveEstate } from './resolve-estate.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.ts';
import type { Route53Source } from './route53-api.ts';
import { readEstate } from './route53-reader.ts';
import { readCurrentInventory } from './table-rows.ts';
import { type IngestWarning, type WarningLog, Warnings } from './warnings.ts';
import { writeChanges } from './write-changes.ts';

export interface IngestDnsOptions {
  /** Default: from the environment (the table models' variables). */
  readonly tables?: DnsTables;
  /** Default: the DNS reader role(s) from SSM assumed, else the function's own credentials. */
  readonly sources?: () => Promise<readonly Route53Source[]>;
  /** Resolves names outside the ingested zones. Default: the system's DNS servers. */
  readonly resolver?: OutsideResolver;
  /** How throttled Route53 calls are retried. */
  readonly retry?: RetryPolicy;
  readonly zonePageSize?: number;
  readonly recordPageSize?: number;
  readonly dynamodb?: DynamoDBClient;
  /** Default: a random UUID. */
  readonly ingestId?: string;
  /** Epoch milliseconds. Default: Date.now. */
  readonly clock?: () => number;
  /** Called with each warning as it is found (the handler logs them). */
  readonly onWarning?: WarningLog;
}

export interface IngestSummary {
  readonly ingestId: string;
  /** The ingest's start, in epoch milliseconds: the time of its rows and history. */
  readonly ingestedAt: number;
  readonly zones: number;
  readonly goneZones: number;
  readonly recordSets: number;
  readonly hosts: number;
  readonly addresses: number;
  readonly hostsAdded: number;
  readonly hostsRemoved: number;
  readonly addressesAdded: number;
  readonly addressesRemoved: number;
  readonly linksAdded: number;
  readonly linksRemoved: number;
  readonly historyRows: number;
  readonly rowsWritten: number;
  readonly rowsDeleted: number;
  readonly warnings: readonly IngestWarning[];
}

type Counts = Omit<IngestSummary, 'ingestId' | 'ingestedAt' | 'warnings'>;

/** Reads the whole estate and resolves it; nothing is written before this has succeeded. */
const survey = async (options: IngestDnsOptions, warnings: Warnings) => {
  const sources = await (options.sources ?? route53Sources)();
  const estate = await readEstate(
    sources,
    {
      retry: options.retry ?? defaultRetryPolicy,
      ...(options.zonePageSize === undefined ? {} : { zonePageSize: options.zonePageSize }),
      ...(options.recordPageSize === undefined ? {} : { recordPageSize: options.recordPageSize }),
    },
    warnings,
  );
  const inventory = await resolveEstate(estate, options.resolver ?? systemResolver(), warnings);
  return { estate, inventory };
};

/**
 * One DNS ingest: an ingest row (`running`), every zone and record set read and resolved, the tables' current
 * rows read and diffed, then history, changed rows and deletions written, and the row `complete`. A failure
 * while reading writes nothing but the row, `failed`; a failure while writing leaves the row `failed` too, and
 * the next ingest, diffing against what the tables then hold, finishes the job.
 */
export const ingestDns = async (options: IngestDnsOptions = {}): Promise<IngestSummary> => {
  const tables = options.tables ?? dnsTablesFromEnvironment();
  const dynamodb = options.dynamodb ?? awsClient(DynamoDBClient);
  const clock = options.clock ?? Date.now;
  const ingestId = options.ingestId ?? randomUUID();
  const ingestedAt = clock();
  const warnings = new Warnings(options.onWarning);

  await startIngestRecord(dynamodb, tables.ingests, ingestId, ingestedAt);
  try {
    const { estate, inventory } = await survey(options, warnings);
    const changes = diffInventory(await readCurrentInventory(dynamodb, tables), inventory);
    await writeChanges(dynamodb, tables, changes, { ingestId, ingestedAt });
    const counts: Counts = {
      zones: estate.zones.length,
      goneZones: estate.goneZones.length,
      recordSets: estate.recordSets.length,
      hosts: inventory.hosts.size,
      addresses: inventory.addresses.size,
      ...changeCounts(changes),
      rowsWritten: changes.hostWrites.size + changes.addressWrites.size,
      rowsDeleted: changes.hostDeletes.length + changes.addressDeletes.length,
    };
    await completeIngestRecord(dynamodb, tables.ingests, ingestId, {
      endedAt: clock(),
      counts,
      zoneIds: estate.zones.map((zone) => zone.id),
      goneZoneIds: estate.goneZones.map((zone) => zone.id),
      warnings: warnings.list(),
    });
    return { ingestId, ingestedAt, ...counts, warnings: warnings.list() };
  } catch (error) {
    try {
      await failIngestRecord(dynamodb, tables.ingests, ingestId, clock(), error, warnings.list());
    } catch (recordError) {
      throw new DnsTableWriteError(
        `DNS ingest ${ingestId} failed (${String(error)}) and its row could not be marked failed: ${String(recordError)}`,
        { cause: error },
      );
    }
    throw error;
  }
};
