import { DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { type PlannedScan, parsePlannedScan } from './planned-scan.ts';

/** A row of the bucket that is not a planned scan: reported, never sent. */
export interface UnreadableRow {
  readonly address: string;
  readonly reason: string;
}

export interface DueScans {
  readonly scans: readonly PlannedScan[];
  readonly unreadable: readonly UnreadableRow[];
}

/**
 * The scans of one bucket not yet queued: one Query of the bucket's partition, page by page (never a table
 * Scan). Rows that an earlier run queued before it stopped short of moving the cursor are left out.
 */
export const dueScans = async (table: string, bucket: string): Promise<DueScans> => {
  const scans: PlannedScan[] = [];
  const unreadable: UnreadableRow[] = [];
  let startKey: QueryCommand['input']['ExclusiveStartKey'];
  do {
    const page = await awsClient(DynamoDBClient).send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: '#bucket = :bucket',
        FilterExpression: '#status = :planned',
        ExpressionAttributeNames: { '#bucket': 'bucket', '#status': 'status' },
        ExpressionAttributeValues: marshall({ ':bucket': bucket, ':planned': 'planned' }),
        ConsistentRead: true,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    for (const item of (page.Items ?? []).map((raw) => unmarshall(raw))) {
      const scan = parsePlannedScan(item);
      if (typeof scan === 'string') unreadable.push({ address: String(item.address), reason: scan });
      else scans.push(scan);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return { scans, unreadable };
};
