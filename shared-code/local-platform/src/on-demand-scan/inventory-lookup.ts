import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { type ParameterAddress, readOptionalParameter } from '@sec-an/runtime/parameters';

/** task-execution's tables of the last DNS ingest, as it publishes them: `hosts` (host → addresses), `addresses`. */
const hostsTableParameter: ParameterAddress = {
  project: 'task-execution',
  thing: 'hosts-table',
  attribute: 'name',
};
const addressesTableParameter: ParameterAddress = {
  project: 'task-execution',
  thing: 'addresses-table',
  attribute: 'name',
};

/** What the DNS inventory knows: a host's addresses, an address's hosts; empty when it knows nothing. */
export interface Inventory {
  readonly addressesOf: (host: string) => Promise<readonly string[]>;
  readonly hostsOf: (address: string) => Promise<readonly string[]>;
}

const setAttribute = async (table: string | undefined, key: Record<string, string>, attribute: string) => {
  if (table === undefined) return [];
  const response = await awsClient(DynamoDBClient).send(
    new GetItemCommand({
      TableName: table,
      Key: Object.fromEntries(Object.entries(key).map(([name, value]) => [name, { S: value }])),
      ProjectionExpression: '#a',
      ExpressionAttributeNames: { '#a': attribute },
    }),
  );
  return [...(response.Item?.[attribute]?.SS ?? [])].sort();
};

/**
 * The inventory through the tables task-execution publishes in SSM. A stage whose task-execution is not deployed
 * has no inventory: every name is then resolved by DNS, every address scanned without names.
 */
export const dnsInventory = async (): Promise<Inventory> => {
  const [hostsTable, addressesTable] = await Promise.all([
    readOptionalParameter(hostsTableParameter),
    readOptionalParameter(addressesTableParameter),
  ]);
  return {
    addressesOf: (host) => setAttribute(hostsTable, { host }, 'addresses'),
    hostsOf: (address) => setAttribute(addressesTable, { address }, 'hosts'),
  };
};
