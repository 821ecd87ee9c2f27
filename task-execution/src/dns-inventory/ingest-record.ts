import {
  type AttributeValue,
  type DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { dnsIngestsTable } from '../tables/index.ts';
import type { IngestWarning } from './warnings.ts';

/** The row keeps the first warnings; the log has them all, and the count says how many there were. */
export const warningsKept = 50;

const key = (ingestId: string) => ({ [dnsIngestsTable.hashKey]: { S: ingestId } });

/** A new ingest: `running`. An id used before is refused rather than overwritten. */
export const startIngestRecord = async (
  dynamodb: DynamoDBClient,
  table: string,
  ingestId: string,
  startedAt: number,
): Promise<void> => {
  await dynamodb.send(
    new PutItemCommand({
      TableName: table,
      Item: { ...key(ingestId), startedAt: { N: String(startedAt) }, status: { S: 'running' } },
      ConditionExpression: 'attribute_not_exists(#id)',
      ExpressionAttributeNames: { '#id': dnsIngestsTable.hashKey },
    }),
  );
};

const update = (
  dynamodb: DynamoDBClient,
  table: string,
  ingestId: string,
  attributes: Record<string, AttributeValue>,
) => {
  const entries = Object.entries(attributes);
  return dynamodb.send(
    new UpdateItemCommand({
      TableName: table,
      Key: key(ingestId),
      UpdateExpression: `SET ${entries.map((_, index) => `#a${index} = :a${index}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], index) => [`#a${index}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], index) => [`:a${index}`, value])),
    }),
  );
};

export interface CompletedIngest {
  readonly endedAt: number;
  readonly counts: Readonly<Record<string, number>>;
  readonly zoneIds: readonly string[];
  readonly goneZoneIds: readonly string[];
  readonly warnings: readonly IngestWarning[];
}

const warningAttributes = (warnings: readonly IngestWarning[]): Record<string, AttributeValue> => ({
  warningCount: { N: String(warnings.length) },
  warnings: { L: warnings.slice(0, warningsKept).map((warning) => ({ S: warning.message })) },
});

/** `complete`, with the counts and zones the planner and the dashboards read. */
export const completeIngestRecord = async (
  dynamodb: DynamoDBClient,
  table: string,
  ingestId: string,
  completed: CompletedIngest,
): Promise<void> => {
  await update(dynamodb, table, ingestId, {
    status: { S: 'complete' },
    endedAt: { N: String(completed.endedAt) },
    ...Object.fromEntries(
      Object.entries(completed.counts).map(([name, value]) => [name, { N: String(value) }]),
    ),
    zones: { L: completed.zoneIds.map((id) => ({ S: id })) },
    goneZones: { L: completed.goneZoneIds.map((id) => ({ S: id })) },
    ...warningAttributes(completed.warnings),
  });
};

/** `failed`, with the error that stopped it. */
export const failIngestRecord = async (
  dynamodb: DynamoDBClient,
  table: string,
  ingestId: string,
  endedAt: number,
  error: unknown,
  warnings: readonly IngestWarning[],
): Promise<void> => {
  const { name, message } = error instanceof Error ? error : { name: 'Error', message: String(error) };
  await update(dynamodb, table, ingestId, {
    status: { S: 'failed' },
    endedAt: { N: String(endedAt) },
    errorName: { S: name },
    error: { S: message },
    ...warningAttributes(warnings),
  });
};
