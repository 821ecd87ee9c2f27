import {
  type AttributeValue,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { parseScanScope } from '@sec-an/runtime/scan-scope';
import { useCleanBackends } from '@sec-an/testing/backends';
import { addressesTable, scanPlansTable, scanPlanTable, type TableModel } from '../tables/index.ts';
import { writeAddressMarks } from './address-marks.ts';
import {
  bucketAt,
  bucketKey,
  plannedRequestId,
  planPeriod,
  validatePlanSettings,
  writePlan,
} from './index.ts';

const dynamodb = () => awsClient(DynamoDBClient);
const settings = validatePlanSettings({ periodSeconds: '86400', buckets: '96' });
const firstStart = Date.UTC(2026, 10, 21);
const firstPlan = planPeriod('ingest-1', firstStart, settings);
const secondPlan = planPeriod('ingest-2', firstStart + 86_400_000, settings);

const scope = parseScanScope({
  allow: { cidrs: ['10.0.0.0/16', '2001:db8::/48'], suffixes: ['example.com'] },
  deny: { cidrs: ['10.0.9.0/24'], suffixes: ['internal.example.com'] },
});

/** The estate as an ingest leaves it, with attributes of the ingestor and of a scanner that must survive. */
const estate = [
  ...Array.from({ length: 200 }, (_, i) => ({ address: `10.0.${i % 10}.${i}`, hosts: [`h${i}.corp.net`] })),
  ...Array.from({ length: 40 }, (_, i) => ({ address: `192.0.2.${i}`, hosts: [`www${i}.example.com`] })),
  ...Array.from({ length: 40 }, (_, i) => ({ address: `2001:db8::${i + 1}`, hosts: [`v6-${i}.corp.net`] })),
  { address: '198.51.100.1', hosts: ['db.internal.example.com', 'www.example.com'] },
  { address: '198.51.100.2', hosts: ['badexample.com'] },
  { address: '2001:db8:1::1', hosts: ['elsewhere.net'] },
  { address: '203.0.113.5', hosts: ['Shop.Example.COM.'] },
];
const expectedOutOfScope = new Map([
  ...Array.from({ length: 20 }, (_, i): [string, string] => [
    `10.0.9.${i * 10 + 9}`,
    'address is in deny CIDR 10.0.9.0/24',
  ]),
  ['198.51.100.1', 'host db.internal.example.com is under deny suffix internal.example.com'],
  ['198.51.100.2', 'no allow CIDR contains the address and no host is under an allow suffix'],
  ['2001:db8:1::1', 'no allow CIDR contains the address and no host is under an allow suffix'],
]);

const createTable = (model: TableModel) =>
  dynamodb().send(
    new CreateTableCommand({
      TableName: `test-${model.name}`,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: model.hashKey, KeyType: 'HASH' },
        ...(model.rangeKey === undefined
          ? []
          : [{ AttributeName: model.rangeKey, KeyType: 'RANGE' as const }]),
      ],
      AttributeDefinitions: [
        { AttributeName: model.hashKey, AttributeType: model.hashKeyType },
        ...(model.rangeKey === undefined || model.rangeKeyType === undefined
          ? []
          : [{ AttributeName: model.rangeKey, AttributeType: model.rangeKeyType }]),
      ],
    }),
  );

const rowsOf = async (model: TableModel): Promise<Record<string, unknown>[]> => {
  const rows: Record<string, unknown>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb().send(
      new ScanCommand({
        TableName: `test-${model.name}`,
        ...(start === undefined ? {} : { ExclusiveStartKey: start }),
      }),
    );
    rows.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  const key = (row: Record<string, unknown>) => `${row[model.hashKey]} ${row[model.rangeKey ?? ''] ?? ''}`;
  return rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
};

const snapshot = async () => ({
  addresses: await rowsOf(addressesTable),
  scanPlan: await rowsOf(scanPlanTable),
  scanPlans: await rowsOf(scanPlansTable),
});

// Each test writes and reads a few hundred rows one call at a time; a busy machine makes that take seconds.
describe('writing a plan (moto DynamoDB)', () => {
  useCleanBackends();
  const saved = { ...process.env };

  beforeAll(async () => {
    for (const model of [addressesTable, scanPlanTable, scanPlansTable]) {
      await createTable(model);
      process.env[model.nameVariable] = `test-${model.name}`;
    }
    for (const { address, hosts } of estate) {
      await dynamodb().send(
        new PutItemCommand({
          TableName: 'test-addresses',
          Item: marshall({
            address,
            hosts: new Set(hosts),
            ingestId: 'ingest-1',
            ingestedAt: firstStart - 3_600_000,
            lastScannedAt: firstStart - 7_200_000,
          }),
        }),
      );
    }
  }, 60_000);
  afterAll(() => {
    process.env = { ...saved };
  });

  let afterFirst: Awaited<ReturnType<typeof snapshot>>;

  it('plans every in-scope address once, inside its bucket, and marks the others out of scope', async () => {
    const summary = await writePlan(firstPlan, scope, { scanSegments: 3 });
    const inScopeCount = estate.length - expectedOutOfScope.size;
    expect(summary).toEqual({
      planId: firstPlan.planId,
      addressCount: inScopeCount,
      outOfScopeCount: expectedOutOfScope.size,
      alreadyReady: false,
      resumed: false,
      staleRowsDeleted: 0,
      addressesGone: 0,
    });
    afterFirst = await snapshot();

    const planRows = afterFirst.scanPlan;
    expect(planRows).toHaveLength(inScopeCount);
    expect(new Set(planRows.map((row) => row.address)).size).toBe(inScopeCount);
    for (const row of planRows) {
      const address = row.address as string;
      const plannedAt = row.plannedAt as number;
      expect(expectedOutOfScope.has(address)).toBe(false);
      expect(row).toEqual({
        bucket: bucketKey(firstPlan.planId, bucketAt(firstPlan, plannedAt)),
        address,
        plannedAt,
        requestId: plannedRequestId(firstPlan.planId, address),
        hosts: new Set(estate.find((entry) => entry.address === address)?.hosts),
        status: 'planned',
        expiresAt: (firstPlan.endsAt + 86_400_000) / 1000,
      });
      expect(plannedAt).toBeGreaterThanOrEqual(firstPlan.startsAt);
      expect(plannedAt).toBeLessThan(firstPlan.endsAt);
    }

    const plannedAtOf = new Map(planRows.map((row) => [row.address, row.plannedAt]));
    for (const row of afterFirst.addresses) {
      const common = {
        ingestId: 'ingest-1',
        ingestedAt: firstStart - 3_600_000,
        lastScannedAt: firstStart - 7_200_000,
      };
      const reason = expectedOutOfScope.get(row.address as string);
      expect(row).toEqual({
        address: row.address,
        hosts: expect.any(Set),
        ...common,
        ...(reason === undefined
          ? {
              scope: 'in-scope',
              scopeReason: expect.stringMatching(
                /^(address is in allow CIDR|host .* is under allow suffix example\.com)/,
              ),
              plannedAt: plannedAtOf.get(row.address),
              planId: firstPlan.planId,
            }
          : { scope: 'out-of-scope', scopeReason: reason }),
      });
    }
    expect(afterFirst.addresses.find((row) => row.address === '203.0.113.5')?.scopeReason).toBe(
      'host shop.example.com is under allow suffix example.com',
    );

    expect(afterFirst.scanPlans).toEqual([
      {
        planId: firstPlan.planId,
        ingestId: 'ingest-1',
        startsAt: firstPlan.startsAt,
        endsAt: firstPlan.endsAt,
        periodSeconds: 86_400,
        buckets: 96,
        bucketSeconds: 900,
        status: 'ready',
        addressCount: inScopeCount,
        outOfScopeCount: expectedOutOfScope.size,
      },
    ]);
  }, 60_000);

  it('leaves every row as it was when run again for the same plan', async () => {
    const summary = await writePlan(firstPlan, scope);
    expect(summary).toMatchObject({ alreadyReady: true, addressCount: afterFirst.scanPlan.length });
    expect(await snapshot()).toEqual(afterFirst);
  }, 60_000);

  it('finishes a plan an earlier run left unfinished, with exactly the rows of a run in one go', async () => {
    await dynamodb().send(
      new UpdateItemCommand({
        TableName: 'test-scan-plans',
        Key: { planId: { S: firstPlan.planId } },
        // Written with twice the buckets, as if the plan settings had changed before this run.
        UpdateExpression: 'SET #status = :writing, buckets = :earlier REMOVE addressCount, outOfScopeCount',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':writing': { S: 'writing' }, ':earlier': { N: '192' } },
      }),
    );
    // What an earlier run might have left: rows of addresses that have since gone (one in a bucket beyond the
    // present count), and a half-written mark.
    for (const [bucket, address] of [
      [5, '10.0.200.1'],
      [150, '10.0.200.2'],
    ] as const) {
      await dynamodb().send(
        new PutItemCommand({
          TableName: 'test-scan-plan',
          Item: marshall({
            bucket: bucketKey(firstPlan.planId, bucket),
            address,
            plannedAt: 1,
            status: 'planned',
          }),
        }),
      );
    }
    await dynamodb().send(
      new UpdateItemCommand({
        TableName: 'test-addresses',
        Key: { address: { S: '10.0.0.0' } },
        UpdateExpression: 'REMOVE plannedAt',
      }),
    );
    const summary = await writePlan(firstPlan, scope);
    expect(summary).toMatchObject({ alreadyReady: false, resumed: true, staleRowsDeleted: 2 });
    expect(await snapshot()).toEqual(afterFirst);
  }, 60_000);

  it('never plans an address that left the scope, and clears the plan it had', async () => {
    const narrower = parseScanScope({
      allow: { cidrs: ['10.0.0.0/16', '2001:db8::/48'], suffixes: ['example.com'] },
      deny: { cidrs: ['10.0.9.0/24', '10.0.0.0/24'], suffixes: ['internal.example.com'] },
    });
    const summary = await writePlan(secondPlan, narrower);
    const leavers = afterFirst.addresses.filter((row) => (row.address as string).startsWith('10.0.0.'));
    expect(leavers).toHaveLength(20);
    expect(summary.outOfScopeCount).toBe(expectedOutOfScope.size + leavers.length);

    const after = await snapshot();
    const secondRows = after.scanPlan.filter((row) => (row.bucket as string).startsWith(secondPlan.planId));
    expect(secondRows).toHaveLength(summary.addressCount);
    const planned = new Set(after.scanPlan.map((row) => row.address));
    for (const address of expectedOutOfScope.keys()) expect(planned.has(address)).toBe(false);
    for (const leaver of leavers) {
      expect(secondRows.some((row) => row.address === leaver.address)).toBe(false);
      const { Item } = await dynamodb().send(
        new GetItemCommand({
          TableName: 'test-addresses',
          Key: { address: { S: leaver.address as string } },
        }),
      );
      expect(unmarshall(Item ?? {})).toEqual({
        address: leaver.address,
        hosts: leaver.hosts,
        ingestId: 'ingest-1',
        ingestedAt: firstStart - 3_600_000,
        lastScannedAt: firstStart - 7_200_000,
        scope: 'out-of-scope',
        scopeReason: 'address is in deny CIDR 10.0.0.0/24',
      });
    }
  }, 60_000);

  it('does not bring back, as a row of planner attributes, an address an ingest deleted', async () => {
    const gone = await writeAddressMarks(
      'test-addresses',
      [{ address: '10.0.250.250', scope: 'out-of-scope', scopeReason: 'the allow-list is empty' }],
      1,
    );
    expect(gone).toBe(1);
    const { Item } = await dynamodb().send(
      new GetItemCommand({ TableName: 'test-addresses', Key: { address: { S: '10.0.250.250' } } }),
    );
    expect(Item).toBeUndefined();
  }, 60_000);
});
