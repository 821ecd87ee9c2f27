import { ConditionalCheckFailedException, DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { PermanentError } from '@sec-an/runtime/errors';
import { readParameter } from '@sec-an/runtime/parameters';
import { addressesTable } from '../tables/index.ts';
import { addressesTableNameParameter } from './task-settings.ts';

export interface LastScan {
  /** The address scanned: the addresses table's key. */
  readonly address: string;
  /** When the scan ended, epoch milliseconds. */
  readonly scannedAt: number;
  /** The task that scanned it. */
  readonly task: string;
}

/**
 * `recorded`: the row now names this scan. `newer-recorded`: the row names a later scan already (results arrive
 * out of order), so it was left alone. `address-unknown`: no DNS ingest knows the address (any more), and a
 * parser must not create a row the ingest would not have.
 */
export type LastScanOutcome = 'recorded' | 'newer-recorded' | 'address-unknown';

/**
 * Records a primary scan on the address's row, for coverage: `lastScannedAt` and `lastScanTask` only, and only if
 * the row exists and names no later scan. Both conditions are checked by DynamoDB in the one UpdateItem, so two
 * parsers racing on one address leave the later scan, whatever their order.
 */
export const recordLastScan = async (scan: LastScan): Promise<LastScanOutcome> => {
  if (!Number.isSafeInteger(scan.scannedAt) || scan.scannedAt <= 0) {
    throw new PermanentError(`last scan of ${scan.address}: scannedAt ${scan.scannedAt} is not epoch ms`);
  }
  const tableName = await readParameter(addressesTableNameParameter);
  try {
    await awsClient(DynamoDBClient).send(
      new UpdateItemCommand({
        TableName: tableName,
        Key: { [addressesTable.hashKey]: { S: scan.address } },
        UpdateExpression: 'SET #at = :at, #task = :task',
        ConditionExpression: 'attribute_exists(#key) AND (attribute_not_exists(#at) OR #at < :at)',
        ExpressionAttributeNames: {
          '#key': addressesTable.hashKey,
          '#at': 'lastScannedAt',
          '#task': 'lastScanTask',
        },
        ExpressionAttributeValues: { ':at': { N: String(scan.scannedAt) }, ':task': { S: scan.task } },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return 'recorded';
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return error.Item === undefined ? 'address-unknown' : 'newer-recorded';
  }
};
