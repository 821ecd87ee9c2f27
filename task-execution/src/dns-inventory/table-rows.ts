import { type AttributeValue, type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { addressesTable, hostsTable } from '../tables/index.ts';
import type { DnsTables } from './dns-ingest-settings.ts';
import type { AddressEntry, HostEntry, Inventory } from './inventory.ts';

type Item = Record<string, AttributeValue>;

/** The ingestor's own attributes of the hosts and addresses rows; other writers' attributes are never touched. */
export const rowAttributes = {
  addresses: 'addresses',
  hosts: 'hosts',
  zones: 'zones',
  private: 'private',
  ingestId: 'ingestId',
  ingestedAt: 'ingestedAt',
} as const;

/** A string set, or nothing: DynamoDB has no empty sets. */
export const stringSet = (values: Iterable<string>): AttributeValue | undefined => {
  const list = [...values].sort();
  return list.length === 0 ? undefined : { SS: list };
};

const scanAll = async (dynamodb: DynamoDBClient, table: string, attributes: readonly string[]) => {
  const items: Item[] = [];
  let startKey: Item | undefined;
  do {
    const page = await dynamodb.send(
      new ScanCommand({
        TableName: table,
        ConsistentRead: true,
        ProjectionExpression: attributes.map((_, index) => `#a${index}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((name, index) => [`#a${index}`, name])),
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return items;
};

const setOf = (value: AttributeValue | undefined): Set<string> => new Set(value?.SS ?? []);

export const readCurrentHosts = async (
  dynamodb: DynamoDBClient,
  tables: DnsTables,
): Promise<Map<string, HostEntry>> => {
  const items = await scanAll(dynamodb, tables.hosts, [
    hostsTable.hashKey,
    rowAttributes.addresses,
    rowAttributes.zones,
    rowAttributes.private,
  ]);
  return new Map(
    items.map((item) => [
      item[hostsTable.hashKey]?.S ?? '',
      {
        addresses: setOf(item[rowAttributes.addresses]),
        zones: setOf(item[rowAttributes.zones]),
        private: item[rowAttributes.private]?.BOOL === true,
      },
    ]),
  );
};

export const readCurrentAddresses = async (
  dynamodb: DynamoDBClient,
  tables: DnsTables,
): Promise<Map<string, AddressEntry>> => {
  const items = await scanAll(dynamodb, tables.addresses, [
    addressesTable.hashKey,
    rowAttributes.hosts,
    rowAttributes.zones,
    rowAttributes.private,
  ]);
  return new Map(
    items.map((item) => [
      item[addressesTable.hashKey]?.S ?? '',
      {
        hosts: setOf(item[rowAttributes.hosts]),
        zones: setOf(item[rowAttributes.zones]),
        private: item[rowAttributes.private]?.BOOL === true,
      },
    ]),
  );
};

/**
 * What the tables hold now, each side read from its own rows, so that a side left behind by a write that failed
 * half-way is diffed (and repaired) as it is.
 */
export const readCurrentInventory = async (
  dynamodb: DynamoDBClient,
  tables: DnsTables,
): Promise<Inventory> => {
  const [hosts, addresses] = await Promise.all([
    readCurrentHosts(dynamodb, tables),
    readCurrentAddresses(dynamodb, tables),
  ]);
  return { hosts, addresses };
};
