import type { DynamodbTableConfig } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { addressesTable, hostsTable, scanPlanTable, type TableModel } from '../tables/index.ts';

/** Tables whose changes reach the analytics store: their streams carry both images for the sync. */
const streamedTables: ReadonlySet<TableModel> = new Set([hostsTable, addressesTable]);

/** Tables whose rows expire, by the attribute holding when (epoch seconds, as DynamoDB's TTL reads it). */
const expiringTables: ReadonlyMap<TableModel, string> = new Map([[scanPlanTable, 'expiresAt']]);

/** The parts of a table's configuration that follow from its model. */
export type TableShape = Pick<
  DynamodbTableConfig,
  'hashKey' | 'rangeKey' | 'attribute' | 'streamEnabled' | 'streamViewType' | 'ttl'
>;

const rangeAttribute = (table: TableModel): { name: string; type: string }[] => {
  if (table.rangeKey === undefined) return [];
  if (table.rangeKeyType === undefined) {
    throw new Error(`table ${table.name}: its range key ${table.rangeKey} has no type in the table model`);
  }
  return [{ name: table.rangeKey, type: table.rangeKeyType }];
};

export const tableShape = (table: TableModel): TableShape => {
  const ttlAttribute = expiringTables.get(table);
  return {
    hashKey: table.hashKey,
    ...(table.rangeKey === undefined ? {} : { rangeKey: table.rangeKey }),
    attribute: [{ name: table.hashKey, type: table.hashKeyType }, ...rangeAttribute(table)],
    ...(streamedTables.has(table) ? { streamEnabled: true, streamViewType: 'NEW_AND_OLD_IMAGES' } : {}),
    ...(ttlAttribute === undefined ? {} : { ttl: { attributeName: ttlAttribute, enabled: true } }),
  };
};
