import {
  type AttributeValue,
  ConditionalCheckFailedException,
  DynamoDBClient,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { forEachConcurrently } from './concurrently.ts';
import type { EstateAddress } from './estate.ts';

/** What the planner says about an address: out of scope and why, or in scope and when it is scanned. */
export type AddressMark =
  | { readonly address: string; readonly scope: 'out-of-scope'; readonly scopeReason: string }
  | {
      readonly address: string;
      readonly scope: 'in-scope';
      readonly scopeReason: string;
      readonly plannedAt: number;
      readonly planId: string;
    };

/** True when the row already says it, so planning again writes nothing. */
export const markIsWritten = (row: EstateAddress, mark: AddressMark): boolean =>
  row.scope === mark.scope &&
  row.scopeReason === mark.scopeReason &&
  (mark.scope === 'in-scope'
    ? row.plannedAt === mark.plannedAt && row.planId === mark.planId
    : row.plannedAt === undefined && row.planId === undefined);

const names = {
  '#address': 'address',
  '#scope': 'scope',
  '#scopeReason': 'scopeReason',
  '#plannedAt': 'plannedAt',
  '#planId': 'planId',
};

const update = (mark: AddressMark) => {
  const values: Record<string, AttributeValue> = {
    ':scope': { S: mark.scope },
    ':reason': { S: mark.scopeReason },
  };
  if (mark.scope === 'out-of-scope') {
    // A plan time left from an earlier plan would say the address is still going to be scanned.
    return {
      UpdateExpression: 'SET #scope = :scope, #scopeReason = :reason REMOVE #plannedAt, #planId',
      ExpressionAttributeValues: values,
    };
  }
  return {
    UpdateExpression:
      'SET #scope = :scope, #scopeReason = :reason, #plannedAt = :plannedAt, #planId = :planId',
    ExpressionAttributeValues: {
      ...values,
      ':plannedAt': { N: String(mark.plannedAt) },
      ':planId': { S: mark.planId },
    },
  };
};

/** Writes one mark; false when the row is gone (an ingest removed the address meanwhile). */
const writeMark = async (table: string, mark: AddressMark): Promise<boolean> => {
  try {
    await awsClient(DynamoDBClient).send(
      new UpdateItemCommand({
        TableName: table,
        Key: { address: { S: mark.address } },
        ...update(mark),
        ExpressionAttributeNames: names,
        // Never bring back, as a row of planner attributes only, an address the ingestor has deleted.
        ConditionExpression: 'attribute_exists(#address)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

/**
 * Writes the planner's attributes of each address row with UpdateItem (SET/REMOVE of its own attributes only,
 * so the ingestor's, the initiator's and the scanners' stay). Returns how many rows were gone.
 */
export const writeAddressMarks = async (
  table: string,
  marks: readonly AddressMark[],
  concurrency: number,
): Promise<number> => {
  let gone = 0;
  await forEachConcurrently(marks, concurrency, async (mark) => {
    if (!(await writeMark(table, mark))) gone += 1;
  });
  return gone;
};
