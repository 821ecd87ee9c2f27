import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { unlessGone } from './conditional-update.ts';
import type { PlannedScan } from './planned-scan.ts';

export interface MarkTables {
  readonly scanPlanTable: string;
  readonly addressesTable: string;
}

/** UpdateItem calls in flight at once: enough to mark a bucket of thousands in seconds without throttling. */
const concurrency = 16;

const dynamodb = () => awsClient(DynamoDBClient);

const markPlanRow = (table: string, scan: PlannedScan, now: number) =>
  dynamodb().send(
    new UpdateItemCommand({
      TableName: table,
      Key: marshall({ bucket: scan.bucket, address: scan.address }),
      UpdateExpression: 'SET #status = :queued, queuedAt = :now',
      ConditionExpression: 'attribute_exists(#bucket)',
      ExpressionAttributeNames: { '#status': 'status', '#bucket': 'bucket' },
      ExpressionAttributeValues: marshall({ ':queued': 'queued', ':now': now }),
    }),
  );

/** Only the initiator's attribute: the ingestor and planner own the rest of the row. */
const markAddress = (table: string, scan: PlannedScan, now: number) =>
  dynamodb().send(
    new UpdateItemCommand({
      TableName: table,
      Key: marshall({ address: scan.address }),
      UpdateExpression: 'SET queuedAt = :now',
      // An address an ingest removed since the plan keeps no row: a bare queuedAt must not bring it back.
      ConditionExpression: 'attribute_exists(address)',
      ExpressionAttributeValues: marshall({ ':now': now }),
    }),
  );

const markOne = async (tables: MarkTables, scan: PlannedScan, now: number): Promise<void> => {
  await Promise.all([
    unlessGone(markPlanRow(tables.scanPlanTable, scan, now)),
    unlessGone(markAddress(tables.addressesTable, scan, now)),
  ]);
};

/**
 * Marks sent scans queued: `status` and `queuedAt` of their plan rows, `queuedAt` of their addresses. A row that
 * is gone (expired, or an address no longer resolved) is left gone.
 */
export const markQueued = async (
  tables: MarkTables,
  scans: readonly PlannedScan[],
  now: number,
): Promise<void> => {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let index = next++; index < scans.length; index = next++) {
      await markOne(tables, scans[index] as PlannedScan, now);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, scans.length) }, worker));
};
