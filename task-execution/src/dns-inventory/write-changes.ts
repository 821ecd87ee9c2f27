import {
  type AttributeValue,
  type DynamoDBClient,
  UpdateItemCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { mapConcurrently } from '@sec-an/runtime/concurrency';
import { addressesTable, dnsHistoryTable, hostsTable } from '../tables/index.ts';
import { batchWrite } from './batch-write.ts';
import type { Changes, HistoryEntry } from './diff.ts';
import type { DnsTables } from './dns-ingest-settings.ts';
import { rowAttributes, stringSet } from './table-rows.ts';

/** Which ingest writes, and the time that orders its rows (the sync's temporal attribute, the history's key). */
export interface IngestStamp {
  readonly ingestId: string;
  readonly ingestedAt: number;
}

/** UpdateItems in flight: DynamoDB takes many more, this bounds the function's sockets. */
const updatesInFlight = 16;

const historyItem = (entry: HistoryEntry, stamp: IngestStamp): Record<string, AttributeValue> => {
  const sets = {
    current: stringSet(entry.current),
    added: stringSet(entry.added),
    removed: stringSet(entry.removed),
  };
  return {
    [dnsHistoryTable.hashKey]: { S: entry.name },
    [dnsHistoryTable.rangeKey]: { N: String(stamp.ingestedAt) },
    ingestId: { S: stamp.ingestId },
    kind: { S: entry.kind },
    change: { S: entry.change },
    ...Object.fromEntries(
      Object.entries(sets).filter((pair): pair is [string, AttributeValue] => pair[1] !== undefined),
    ),
  };
};

interface RowUpdate {
  readonly key: Record<string, AttributeValue>;
  /** `addresses` (of a host) or `hosts` (of an address), and `zones`. */
  readonly sets: readonly (readonly [string, ReadonlySet<string>])[];
  readonly private: boolean;
}

/**
 * SET (and REMOVE, for an empty set: DynamoDB has none) of the ingestor's own attributes only: the planner, the
 * initiator and the scanners write other attributes of the same addresses rows.
 */
const updateRow = (dynamodb: DynamoDBClient, table: string, row: RowUpdate, stamp: IngestStamp) => {
  const names: Record<string, string> = {
    '#private': rowAttributes.private,
    '#ingestId': rowAttributes.ingestId,
    '#ingestedAt': rowAttributes.ingestedAt,
  };
  const values: Record<string, AttributeValue> = {
    ':private': { BOOL: row.private },
    ':ingestId': { S: stamp.ingestId },
    ':ingestedAt': { N: String(stamp.ingestedAt) },
  };
  const set = ['#private = :private', '#ingestId = :ingestId', '#ingestedAt = :ingestedAt'];
  const remove: string[] = [];
  row.sets.forEach(([attribute, members], index) => {
    names[`#s${index}`] = attribute;
    const value = stringSet(members);
    if (value === undefined) {
      remove.push(`#s${index}`);
    } else {
      values[`:s${index}`] = value;
      set.push(`#s${index} = :s${index}`);
    }
  });
  return dynamodb.send(
    new UpdateItemCommand({
      TableName: table,
      Key: row.key,
      UpdateExpression: `SET ${set.join(', ')}${remove.length === 0 ? '' : ` REMOVE ${remove.join(', ')}`}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
};

const deleteRequest = (hashKey: string, value: string): WriteRequest => ({
  DeleteRequest: { Key: { [hashKey]: { S: value } } },
});

/**
 * Writes an ingest's changes: history first (so that a change is never made without its record; a write that
 * fails after it is made again, and recorded again, by the next ingest), then the new and changed rows, then the
 * deletion of the rows that are gone.
 */
export const writeChanges = async (
  dynamodb: DynamoDBClient,
  tables: DnsTables,
  changes: Changes,
  stamp: IngestStamp,
): Promise<void> => {
  await batchWrite(
    dynamodb,
    tables.history,
    changes.history.map((entry) => ({ PutRequest: { Item: historyItem(entry, stamp) } })),
  );
  const updates: [string, RowUpdate][] = [
    ...[...changes.hostWrites].map(([host, entry]): [string, RowUpdate] => [
      tables.hosts,
      {
        key: { [hostsTable.hashKey]: { S: host } },
        sets: [
          [rowAttributes.addresses, entry.addresses],
          [rowAttributes.zones, entry.zones],
        ],
        private: entry.private,
      },
    ]),
    ...[...changes.addressWrites].map(([address, entry]): [string, RowUpdate] => [
      tables.addresses,
      {
        key: { [addressesTable.hashKey]: { S: address } },
        sets: [
          [rowAttributes.hosts, entry.hosts],
          [rowAttributes.zones, entry.zones],
        ],
        private: entry.private,
      },
    ]),
  ];
  await mapConcurrently(updates, updatesInFlight, ([table, row]) => updateRow(dynamodb, table, row, stamp));
  await batchWrite(
    dynamodb,
    tables.hosts,
    changes.hostDeletes.map((host) => deleteRequest(hostsTable.hashKey, host)),
  );
  await batchWrite(
    dynamodb,
    tables.addresses,
    changes.addressDeletes.map((address) => deleteRequest(addressesTable.hashKey, address)),
  );
};
