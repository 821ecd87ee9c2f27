import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { unlessGone } from './conditional-update.ts';
import type { MarkTables } from './mark-queued.ts';
import type { PlannedScan } from './planned-scan.ts';

/** A planned scan the scope no longer allows, and the rule that says so. */
export interface Refused {
  readonly scan: PlannedScan;
  readonly reason: string;
}

const dynamodb = () => awsClient(DynamoDBClient);

/** The plan row says why it was not sent, so a rerun of the bucket passes it by without asking again. */
const markPlanRow = (table: string, { scan, reason }: Refused) =>
  dynamodb().send(
    new UpdateItemCommand({
      TableName: table,
      Key: marshall({ bucket: scan.bucket, address: scan.address }),
      UpdateExpression: 'SET #status = :status, scopeReason = :reason',
      ConditionExpression: 'attribute_exists(#bucket)',
      ExpressionAttributeNames: { '#status': 'status', '#bucket': 'bucket' },
      ExpressionAttributeValues: marshall({ ':status': 'out-of-scope', ':reason': reason }),
    }),
  );

/**
 * The address row shows the verdict at once, as the planner's would, rather than calling the address in scope
 * until the next plan while nothing scans it.
 */
const markAddress = (table: string, { scan, reason }: Refused) =>
  dynamodb().send(
    new UpdateItemCommand({
      TableName: table,
      Key: marshall({ address: scan.address }),
      UpdateExpression: 'SET #scope = :scope, scopeReason = :reason',
      ConditionExpression: 'attribute_exists(address)',
      ExpressionAttributeNames: { '#scope': 'scope' },
      ExpressionAttributeValues: marshall({ ':scope': 'out-of-scope', ':reason': reason }),
    }),
  );

/** Records each refused scan as out of scope, on its plan row and its address. */
export const markOutOfScope = async (tables: MarkTables, refused: readonly Refused[]): Promise<void> => {
  for (const entry of refused) {
    await unlessGone(markPlanRow(tables.scanPlanTable, entry));
    await unlessGone(markAddress(tables.addressesTable, entry));
  }
};
