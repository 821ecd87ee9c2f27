/**
 * The DynamoDB tables of task-execution: their names inside the project, keys and attributes. The stacks create
 * them from this, the handlers read their physical names from the environment variable of each (set by the stack),
 * and scanner projects read the addresses table's name and ARN from SSM.
 *
 * Times are epoch milliseconds (N) everywhere, declared as such to the OpenSearch sync.
 */
/** DynamoDB's scalar key types: string or number. */
export type KeyType = 'S' | 'N';

export interface TableModel {
  /** The table's name inside the project: `{app}-{stage}-task-execution-{name}`. */
  readonly name: string;
  readonly hashKey: string;
  readonly hashKeyType: KeyType;
  readonly rangeKey?: string;
  readonly rangeKeyType?: KeyType;
  /** The environment variable that gives a handler the physical name. */
  readonly nameVariable: string;
}

/**
 * One row per host name the last DNS ingest found: `host` (S, no trailing dot), `addresses` (SS), `zones` (SS,
 * zone ids), `private` (BOOL, in a private zone), `ingestId` (S), `ingestedAt` (N). Deleted when the host is gone.
 * Streamed to OpenSearch (task `dns-hosts`, set attribute `addresses`).
 */
export const hostsTable = {
  name: 'hosts',
  hashKey: 'host',
  hashKeyType: 'S',
  nameVariable: 'SEC_AN_HOSTS_TABLE',
} as const satisfies TableModel;

/**
 * The current row of each address the last DNS ingest found: `address` (S), `hosts` (SS), `zones` (SS),
 * `private` (BOOL), `ingestId` (S), `ingestedAt` (N), written by the ingestor; `scope` (S: `in-scope` |
 * `out-of-scope`) and `scopeReason` (S), `plannedAt` (N) and `planId` (S), written by the planner (and the scope
 * by the initiator, when its re-check refuses an address); `queuedAt` (N)
 * by the initiator; `lastScannedAt` (N) and `lastScanTask` (S) by the primary scanners' parsers, for coverage.
 * Deleted when no host resolves to it. Streamed to OpenSearch (task `dns-addresses`, set attribute `hosts`).
 */
export const addressesTable = {
  name: 'addresses',
  hashKey: 'address',
  hashKeyType: 'S',
  nameVariable: 'SEC_AN_ADDRESSES_TABLE',
} as const satisfies TableModel;

/**
 * The host <-> address history, one row per name and ingest where something changed: `name` (S: `host:<host>` or
 * `address:<address>`), `ingestedAt` (N), `ingestId` (S), `kind` (S: host | address), `change` (S: appeared | changed | disappeared), `current` (SS: the
 * addresses of a host, the hosts of an address; absent once gone), `added` (SS), `removed` (SS).
 */
export const dnsHistoryTable = {
  name: 'dns-history',
  hashKey: 'name',
  hashKeyType: 'S',
  rangeKey: 'ingestedAt',
  rangeKeyType: 'N',
  nameVariable: 'SEC_AN_DNS_HISTORY_TABLE',
} as const satisfies TableModel;

/**
 * One row per DNS ingest: `ingestId` (S), `startedAt`/`endedAt` (N), `status` (S: running | complete | failed),
 * counts and the zones read, the error of a failed one. The planner plans from the latest complete ingest.
 */
export const dnsIngestsTable = {
  name: 'dns-ingests',
  hashKey: 'ingestId',
  hashKeyType: 'S',
  nameVariable: 'SEC_AN_DNS_INGESTS_TABLE',
} as const satisfies TableModel;

/**
 * The day plan, one row per planned scan, partitioned by bucket so that the initiator reads a due bucket with one
 * Query: `bucket` (S: `<planId>#<bucket index, 5 digits>`), `address` (S), `plannedAt` (N), `requestId` (S, a
 * UUID derived from the plan id and address), `hosts` (SS), `status` (S: planned | queued | out-of-scope, the
 * last with `scopeReason` when the initiator's scope re-check refused it), `queuedAt` (N), `expiresAt` (N, epoch
 * seconds: the table's TTL attribute).
 */
export const scanPlanTable = {
  name: 'scan-plan',
  hashKey: 'bucket',
  hashKeyType: 'S',
  rangeKey: 'address',
  rangeKeyType: 'S',
  nameVariable: 'SEC_AN_SCAN_PLAN_TABLE',
} as const satisfies TableModel;

/**
 * The plans: `planId` (S: `<ingestId>@<period start ISO>`), `ingestId`, `startsAt` and `endsAt` (N),
 * `periodSeconds`, `buckets`, `bucketSeconds`, `addressCount`, `outOfScopeCount`, `status` (S: writing | ready), and the initiator's cursor `initiatedThrough` (N, the
 * last bucket index sent); plus one row `planId = current` naming the plan the initiator follows (`currentPlanId`, `switchedAt`).
 */
export const scanPlansTable = {
  name: 'scan-plans',
  hashKey: 'planId',
  hashKeyType: 'S',
  nameVariable: 'SEC_AN_SCAN_PLANS_TABLE',
} as const satisfies TableModel;

export const taskExecutionTables = [
  hostsTable,
  addressesTable,
  dnsHistoryTable,
  dnsIngestsTable,
  scanPlanTable,
  scanPlansTable,
] as const;
