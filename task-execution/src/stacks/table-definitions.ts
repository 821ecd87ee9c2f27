import type { DynamodbTableConfig } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { addressesTable, hostsTable, scanPlanTable, type TableModel } from '../tables/index.ts';

/** Key attributes that are numbers: times, in epoch milliseconds. Every other key is a string. */
const numericKeys: ReadonlySet<string> = new Set(['ingestedAt']);

/** Tables whose changes reach the analytics store: their streams carry both images for the sync. */
const streamedTables: ReadonlySet<TableModel> = new Set([hostsTable, addressesTable]);

/** Tables whose rows expire, by the attribute holding when (epoch seconds, as DynamoDB's TTL reads it). */
const expiringTables: ReadonlyMap<TableModel, string> = new Map([[scanPlanTable, 'expiresAt']]);

/** The parts of a table's configuration that follow from its model. */
export type TableShape = Pick<
  DynamodbTableConfig,
  'hashKey' | 'rangeKey' | 'attribute' | 'streamEnabled' | 'streamViewType' | 'ttl'
>;

export const tableShape = (table: TableModel): TableShape => {
  const keys = [table.hashKey, ...('rangeKey' in table ? [table.rangeKey] : [])];
  const ttlAttribute = expiringTables.get(table);
  return {
    hashKey: table.hashKey,
    ...('rangeKey' in table ? { rangeKey: table.rangeKey } : {}),
    attribute: keys.map((name) => ({ name, type: numericKeys.has(name) ? 'N' : 'S' })),
    ...(streamedTables.has(table) ? { streamEnabled: true, streamViewType: 'NEW_AND_OLD_IMAGES' } : {}),
    ...(ttlAttribute === undefined ? {} : { ttl: { attributeName: ttlAttribute, enabled: true } }),
  };
};
