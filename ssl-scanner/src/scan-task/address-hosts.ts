import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { readParameter } from '@sec-an/runtime/parameters';
import { addressesTable } from '@sec-an/task-execution/tables';
import { addressesTableNameParameter } from '@sec-an/task-execution/task-runtime';

/**
 * The names that resolve to an address by task-execution's last DNS ingest; none when the inventory does not know
 * the address. A direct request adds them to its own, so a name it forgot is still scanned.
 */
export const currentHostsOf = async (address: string): Promise<string[]> => {
  const tableName = await readParameter(addressesTableNameParameter);
  const { Item } = await awsClient(DynamoDBClient).send(
    new GetItemCommand({
      TableName: tableName,
      Key: { [addressesTable.hashKey]: { S: address } },
      ProjectionExpression: '#hosts',
      ExpressionAttributeNames: { '#hosts': 'hosts' },
    }),
  );
  return Item?.hosts?.SS ?? [];
};
