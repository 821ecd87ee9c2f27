import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backendsEnvironment } from '@sec-an/local-platform/backends';
import { type DeployResult, deployPlatform } from '@sec-an/local-platform/platform';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { readParameter } from '@sec-an/runtime/parameters';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { subscribedQueue } from '@sec-an/testing/messaging';
import { plannedRequestId } from '../planning/index.ts';
import { scanRequestTopicArnParameter, tableParameter } from '../stacks/published-parameters.ts';
import { scanPlansTable } from '../tables/index.ts';
import { type PlanRecord, parsePlanRecord } from './plan-record.ts';
import { currentPlanAttribute, currentPlanKey } from './plans-table.ts';
import { createEstateZone, type Received, receiveVisible } from './test-fixtures.ts';

/**
 * A compressed period: two minutes in two buckets of one minute, the shortest bucket the planner accepts, so the
 * deployed settings are valid ones and the schedule fires every minute as it would every quarter of an hour.
 */
const periodSeconds = 120;
const buckets = 2;
/**
 * How late a scan may arrive. A delay is whole seconds, rounded up (up to 1 s); the glue's long poll sees a message
 * up to a second after it becomes visible; then the glue's invocation, the topic, and this test's polls. A scan
 * planned in the moment between its bucket's boundary and the run that sends it leaves with no delay. Measured
 * here: 0.9 to 3.1 s on a loaded machine; the bound leaves room for a slower one while still being a fraction of
 * the minute a scan would be late by if its bucket were sent one run late.
 */
const toleranceMs = 8_000;
const inScope = ['192.0.2.1', '192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5', '192.0.2.6'];
const outOfScope = '198.51.100.9';
const fn = (name: string) => `sec-an-local-task-execution-${name}`;

const currentPlan = async (): Promise<PlanRecord | undefined> => {
  const table = await readParameter(tableParameter(scanPlansTable, 'name'));
  const get = (planId: string) =>
    awsClient(DynamoDBClient).send(new GetItemCommand({ TableName: table, Key: { planId: { S: planId } } }));
  const pointer = (await get(currentPlanKey)).Item?.[currentPlanAttribute]?.S;
  if (pointer === undefined) return undefined;
  const { Item } = await get(pointer);
  return Item === undefined
    ? undefined
    : parsePlanRecord(
        Object.fromEntries(Object.entries(Item).map(([name, value]) => [name, value.S ?? Number(value.N)])),
      );
};

/** Polls the topic's subscriber until `done` says the scans have all arrived, noting when each arrived. */
const collect = async (queueUrl: string, done: (received: Received[]) => boolean, deadline: number) => {
  const received: Received[] = [];
  while (!done(received)) {
    if (Date.now() > deadline) return received;
    received.push(...(await receiveVisible(queueUrl)));
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return received;
};

/**
 * task-execution deployed on the local platform with a compressed period, its schedule run by the compute step on
 * the real clock: the scans of a plan leave the delay queue, through the glue and the scan-request topic, at
 * their planned moments, and an out-of-scope address never does.
 */
describe('due scans on the local platform', () => {
  useCleanBackends();
  let deployed: DeployResult | undefined;

  beforeAll(async () => {
    const environment = {
      ...backendsEnvironment(testBackends()),
      SEC_AN_SCAN_SCOPE: JSON.stringify({ allow: { cidrs: ['192.0.2.0/24'] } }),
      SEC_AN_PLAN_PERIOD_SECONDS: String(periodSeconds),
      SEC_AN_PLAN_BUCKETS: String(buckets),
    };
    deployed = await deployPlatform({
      instance: process.env.SEC_AN_TEST_INSTANCE ?? 'test',
      environment,
      compute: {
        stateDir: mkdtempSync(join(tmpdir(), 'sec-an-delay-queue-timing-')),
        environment: { ...environment, POWERTOOLS_LOG_LEVEL: 'WARN' },
      },
    });
  }, 600_000);

  afterAll(async () => {
    await deployed?.compute.stop();
  });

  it('delivers each due scan to the scan-request topic at its planned moment, and never an out-of-scope one', async () => {
    const compute = deployed?.compute;
    if (compute === undefined) throw new Error('the platform was not deployed');
    const topicArn = await readParameter(scanRequestTopicArnParameter);
    const subscriber = await subscribedQueue(topicArn, 'delay-queue-timing-subscriber', { raw: true });
    await createEstateZone('example.org', [...inScope, outOfScope]);
    const ingest = await compute.invoke(fn('dns-ingest'), {});
    expect(ingest.ok).toBe(true);
    // Planned now rather than at the next tick; the scheduled runs send it.
    const run = await compute.invoke(fn('plan-and-initiate'), {});
    expect(run.ok).toBe(true);
    const plan = await currentPlan();
    if (plan === undefined) throw new Error('no plan is followed after plan-and-initiate ran');
    expect(plan).toMatchObject({ periodSeconds, buckets });

    const periodEnds = plan.startsAt + periodSeconds * 1000;
    const ofPlan = (received: Received[]) =>
      received.filter(({ body }) => {
        const plannedAt = Date.parse(String(body.plannedAt));
        return plannedAt >= plan.startsAt && plannedAt < periodEnds;
      });
    const received = ofPlan(
      await collect(subscriber, (all) => ofPlan(all).length >= inScope.length, periodEnds + 30_000),
    );

    expect(received.map(({ body }) => body.requestId).sort()).toEqual(
      inScope.map((address) => plannedRequestId(plan.planId, address)).sort(),
    );
    const lateness = received.map(({ body, receivedAt }) => ({
      address: (body.target as { address: string }).address,
      lateMs: receivedAt - Date.parse(String(body.plannedAt)),
    }));
    expect(lateness.filter(({ lateMs }) => lateMs < 0 || lateMs > toleranceMs)).toEqual([]);
    const bucketsUsed = new Set(
      received.map(({ body }) => Math.floor((Date.parse(String(body.plannedAt)) - plan.startsAt) / 60_000)),
    );
    expect([...bucketsUsed].sort()).toEqual([0, 1]);
    const everything = [...received, ...(await receiveVisible(subscriber))];
    expect(everything.map(({ body }) => (body.target as { address: string }).address)).not.toContain(
      outOfScope,
    );
  }, 300_000);
});
