import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { PlanPeriod } from './plan-period.ts';

export type PlanStatus = 'writing' | 'ready';

export interface PlanRecord {
  readonly status: PlanStatus;
  readonly addressCount?: number;
  readonly outOfScopeCount?: number;
}

export const readPlanRecord = async (table: string, planId: string): Promise<PlanRecord | undefined> => {
  const { Item } = await awsClient(DynamoDBClient).send(
    new GetItemCommand({ TableName: table, Key: { planId: { S: planId } }, ConsistentRead: true }),
  );
  if (Item === undefined) return undefined;
  const count = (name: string) => (Item[name]?.N === undefined ? {} : { [name]: Number(Item[name].N) });
  return {
    status: Item.status?.S === 'ready' ? 'ready' : 'writing',
    ...count('addressCount'),
    ...count('outOfScopeCount'),
  };
};

/**
 * A new plan, one an earlier run left `writing` (it stopped before the end; with the bucket count it was
 * written with, which the plan settings may have changed since), or one that is ready.
 */
export type PlanStart =
  | { readonly kind: 'new' }
  | { readonly kind: 'resumed'; readonly earlierBuckets: number }
  | { readonly kind: 'ready' };

/**
 * Creates the plan's row as `writing`, or finds it `writing`. A ready plan is left alone: it is never written
 * again once the initiator may follow it.
 */
export const startWritingPlan = async (table: string, period: PlanPeriod): Promise<PlanStart> => {
  try {
    const { Attributes } = await awsClient(DynamoDBClient).send(
      new UpdateItemCommand({
        TableName: table,
        Key: { planId: { S: period.planId } },
        UpdateExpression:
          'SET ingestId = :ingestId, startsAt = :startsAt, endsAt = :endsAt, periodSeconds = :periodSeconds, ' +
          'buckets = :buckets, bucketSeconds = :bucketSeconds, #status = :writing',
        ConditionExpression: 'attribute_not_exists(planId) OR #status = :writing',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':ingestId': { S: period.ingestId },
          ':startsAt': { N: String(period.startsAt) },
          ':endsAt': { N: String(period.endsAt) },
          ':periodSeconds': { N: String((period.endsAt - period.startsAt) / 1000) },
          ':buckets': { N: String(period.buckets) },
          ':bucketSeconds': { N: String(period.bucketMs / 1000) },
          ':writing': { S: 'writing' },
        },
        ReturnValues: 'ALL_OLD',
      }),
    );
    if (Attributes === undefined) return { kind: 'new' };
    return { kind: 'resumed', earlierBuckets: Number(Attributes.buckets?.N ?? period.buckets) };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return { kind: 'ready' };
    throw error;
  }
};

/** Every row is written: the initiator may follow the plan from now on. */
export const markPlanReady = async (
  table: string,
  planId: string,
  counts: { readonly addressCount: number; readonly outOfScopeCount: number },
): Promise<void> => {
  await awsClient(DynamoDBClient).send(
    new UpdateItemCommand({
      TableName: table,
      Key: { planId: { S: planId } },
      UpdateExpression:
        'SET #status = :ready, addressCount = :addressCount, outOfScopeCount = :outOfScopeCount',
      ConditionExpression: '#status = :writing',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':ready': { S: 'ready' },
        ':writing': { S: 'writing' },
        ':addressCount': { N: String(counts.addressCount) },
        ':outOfScopeCount': { N: String(counts.outOfScopeCount) },
      },
    }),
  );
};
