import {
  type AttributeValue,
  DynamoDBClient,
  QueryCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { batchWrite } from './batch-write.ts';
import { chunks, forEachConcurrently } from './concurrently.ts';
import { batchWriteSize } from './dynamodb-limits.ts';
import { bucketKey, type PlanPeriod } from './plan-period.ts';
import type { Placement } from './spread.ts';

const addressesInBucket = async (table: string, key: string): Promise<string[]> => {
  const addresses: string[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await awsClient(DynamoDBClient).send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: '#bucket = :bucket',
        ProjectionExpression: '#address',
        ExpressionAttributeNames: { '#bucket': 'bucket', '#address': 'address' },
        ExpressionAttributeValues: { ':bucket': { S: key } },
        ConsistentRead: true,
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      }),
    );
    for (const item of page.Items ?? []) if (item.address?.S !== undefined) addresses.push(item.address.S);
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return addresses;
};

/**
 * Deletes the rows an earlier, unfinished run of the same plan wrote that this run did not (an address that left
 * the estate or the scope in between), so that a resumed plan ends with exactly the rows of a plan written in
 * one go, even when the bucket count changed in between. Costs one Query per bucket, and only runs when a plan
 * is resumed.
 */
export const deleteStaleRows = async (
  table: string,
  period: PlanPeriod,
  earlierBuckets: number,
  placements: readonly Placement[],
  concurrency: number,
): Promise<number> => {
  const bucketOf = new Map(placements.map(({ address, bucket }) => [address, bucket]));
  const stale: WriteRequest[] = [];
  const buckets = Array.from({ length: Math.max(period.buckets, earlierBuckets) }, (_, bucket) => bucket);
  await forEachConcurrently(buckets, concurrency, async (bucket) => {
    const key = bucketKey(period.planId, bucket);
    for (const address of await addressesInBucket(table, key)) {
      if (bucketOf.get(address) !== bucket) {
        stale.push({ DeleteRequest: { Key: { bucket: { S: key }, address: { S: address } } } });
      }
    }
  });
  await batchWrite(table, chunks(stale, batchWriteSize));
  return stale.length;
};
