import {
  ConditionalCheckFailedException,
  DynamoDBClient,
  GetItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { MalformedPlanError, type PlanRecord, parsePlanRecord } from './plan-record.ts';

/** The `scan-plans` row that names the plan the initiator follows. */
export const currentPlanKey = 'current';

/** The attribute of the `current` row holding the followed plan's id. */
export const currentPlanAttribute = 'currentPlanId';

const dynamodb = () => awsClient(DynamoDBClient);

const getItem = async (table: string, planId: string): Promise<Record<string, unknown> | undefined> => {
  const response = await dynamodb().send(
    new GetItemCommand({ TableName: table, Key: marshall({ planId }), ConsistentRead: true }),
  );
  return response.Item === undefined ? undefined : unmarshall(response.Item);
};

export const readPlan = async (table: string, planId: string): Promise<PlanRecord | undefined> => {
  const item = await getItem(table, planId);
  return item === undefined ? undefined : parsePlanRecord(item);
};

/** The plan the initiator follows, or undefined before the first plan. */
export const readCurrentPlan = async (table: string): Promise<PlanRecord | undefined> => {
  const pointer = await getItem(table, currentPlanKey);
  if (pointer === undefined) return undefined;
  const planId = pointer[currentPlanAttribute];
  if (typeof planId !== 'string') {
    throw new MalformedPlanError(`scan-plans row ${currentPlanKey} has no ${currentPlanAttribute}`);
  }
  const plan = await readPlan(table, planId);
  if (plan === undefined) {
    throw new MalformedPlanError(
      `scan-plans row ${currentPlanKey} names plan ${planId}, which does not exist`,
    );
  }
  return plan;
};

const isConditionFailure = (error: unknown): boolean => error instanceof ConditionalCheckFailedException;

/**
 * Makes `next` the followed plan, if `previous` still is (or there was none): of two runs that planned at once,
 * one switches and the other is told so by a false.
 */
export const switchCurrentPlan = async (
  table: string,
  previous: string | undefined,
  next: string,
  now: number,
): Promise<boolean> => {
  try {
    await dynamodb().send(
      new UpdateItemCommand({
        TableName: table,
        Key: marshall({ planId: currentPlanKey }),
        UpdateExpression: 'SET #current = :next, switchedAt = :now',
        ConditionExpression:
          previous === undefined ? 'attribute_not_exists(#current)' : '#current = :previous',
        ExpressionAttributeNames: { '#current': currentPlanAttribute },
        ExpressionAttributeValues: marshall({
          ':next': next,
          ':now': now,
          ...(previous === undefined ? {} : { ':previous': previous }),
        }),
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * Records that every bucket through `bucket` is sent and marked. The cursor never moves back, so a late run
 * cannot undo a later one's progress.
 */
export const advanceCursor = async (table: string, planId: string, bucket: number): Promise<void> => {
  try {
    await dynamodb().send(
      new UpdateItemCommand({
        TableName: table,
        Key: marshall({ planId }),
        UpdateExpression: 'SET initiatedThrough = :bucket',
        ConditionExpression:
          'attribute_exists(planId) AND (attribute_not_exists(initiatedThrough) OR initiatedThrough < :bucket)',
        ExpressionAttributeValues: marshall({ ':bucket': bucket }),
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
};
