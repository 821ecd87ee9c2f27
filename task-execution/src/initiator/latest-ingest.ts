import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { CompleteIngest } from './plan-decision.ts';

/**
 * The latest ingest that completed, by its end. The ingest log has one small row per ingest and no key to ask
 * "latest" by, so this reads it whole (projected to three attributes, usually one page); it is the run's only
 * Scan, and it never touches the plan.
 */
export const latestCompleteIngest = async (table: string): Promise<CompleteIngest | undefined> => {
  let latest: CompleteIngest | undefined;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await awsClient(DynamoDBClient).send(
      new ScanCommand({
        TableName: table,
        ProjectionExpression: 'ingestId, endedAt',
        FilterExpression: '#status = :complete',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':complete': { S: 'complete' } },
        ConsistentRead: true,
        ...(startKey === undefined ? {} : { ExclusiveStartKey: startKey }),
      }),
    );
    for (const item of page.Items ?? []) {
      const ingestId = item.ingestId?.S;
      const endedAt = Number(item.endedAt?.N);
      if (ingestId === undefined || !Number.isFinite(endedAt)) continue;
      if (latest === undefined || endedAt > latest.endedAt) latest = { ingestId, endedAt };
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey !== undefined);
  return latest;
};
