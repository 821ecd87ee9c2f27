import type { DynamoDbSyncProps } from '@sec-an/analytics-platform/dynamodb-sync';
import { addressesTable, hostsTable } from '../tables/index.ts';
import { addressDocumentType } from './dns-addresses.ts';
import { hostDocumentType } from './dns-hosts.ts';

/** How one table reaches the analytics store: everything its `DynamoDbSync` is told but the table itself. */
export type TableSync = Omit<DynamoDbSyncProps, 'table'>;

/**
 * Only the DNS ingestor writes a host's row, once per ingest: its ingest time (milliseconds) is the time the
 * state was observed, and orders the history exactly.
 */
export const hostsSync: TableSync = {
  name: hostDocumentType.task,
  documentType: hostDocumentType,
  keyAttributes: [hostsTable.hashKey],
  temporalAttribute: 'ingestedAt',
  setAttributes: ['addresses'],
  epochAttributes: { ingestedAt: 'milliseconds' },
};

/**
 * An address's row has four writers at different times (ingestor, planner, initiator, scanners' parsers), so its
 * states are ordered by when the stream recorded each change rather than by the ingest time, which the later
 * writers leave unchanged: each state is then its own version in the history, where one shared ingest time would
 * make each writer's state replace the one before.
 */
export const addressesSync: TableSync = {
  name: addressDocumentType.task,
  documentType: addressDocumentType,
  keyAttributes: [addressesTable.hashKey],
  setAttributes: ['hosts'],
  epochAttributes: {
    ingestedAt: 'milliseconds',
    plannedAt: 'milliseconds',
    queuedAt: 'milliseconds',
    lastScannedAt: 'milliseconds',
  },
};
