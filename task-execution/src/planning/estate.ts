import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { awsClient } from '@sec-an/runtime/aws-clients';

/** An `addresses` row as the planner sees it: the ingestor's hosts, and what the planner last wrote. */
export interface EstateAddress {
  readonly address: string;
  readonly hosts: readonly string[];
  readonly scope?: string;
  readonly scopeReason?: string;
  readonly plannedAt?: number;
  readonly planId?: string;
}

const projection = {
  ProjectionExpression: '#address, #hosts, #scope, #scopeReason, #plannedAt, #planId',
  ExpressionAttributeNames: {
    '#address': 'address',
    '#hosts': 'hosts',
    '#scope': 'scope',
    '#scopeReason': 'scopeReason',
    '#plannedAt': 'plannedAt',
    '#planId': 'planId',
  },
};

const estateAddress = (item: Record<string, AttributeValue>): EstateAddress | undefined => {
  const address = item.address?.S;
  if (address === undefined) return undefined;
  const { scope, scopeReason, plannedAt, planId } = item;
  return {
    address,
    hosts: item.hosts?.SS ?? [],
    ...(scope?.S === undefined ? {} : { scope: scope.S }),
    ...(scopeReason?.S === undefined ? {} : { scopeReason: scopeReason.S }),
    ...(plannedAt?.N === undefined ? {} : { plannedAt: Number(plannedAt.N) }),
    ...(planId?.S === undefined ? {} : { planId: planId.S }),
  };
};

const scanSegment = async (table: string, segment: number, segments: number, into: EstateAddress[]) => {
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await awsClient(DynamoDBClient).send(
      new ScanCommand({
        TableName: table,
        ...projection,
        Segment: segment,
        TotalSegments: segments,
        ConsistentRead: true,
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      }),
    );
    for (const item of page.Items ?? []) {
      const row = estateAddress(item);
      if (row !== undefined) into.push(row);
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
};

/**
 * Every row of the addresses table: the estate as the ingests left it (unchanged rows keep the ingest that last
 * changed them, so rows are not filtered by ingest). A Scan, read in parallel segments: planning reads the whole
 * table once per plan, unlike the initiator, which reads only the bucket that is due.
 */
export const readEstate = async (table: string, segments: number): Promise<EstateAddress[]> => {
  const parts = Array.from({ length: segments }, () => [] as EstateAddress[]);
  await Promise.all(parts.map((part, segment) => scanSegment(table, segment, segments, part)));
  return parts.flat();
};
