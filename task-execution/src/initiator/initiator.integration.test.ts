import { type AttributeValue, DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, type SendMessageBatchCommandInput, SQSClient } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { ConfigurationError, TransientError } from '@sec-an/runtime/errors';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { resetMoto } from '@sec-an/testing/reset';
import { type RequestCounter, startRequestCounter } from '../bench/request-counter.ts';
import { syntheticAddresses } from '../planning/test-estates.ts';
import { type SendBatch, sqsSendBatch } from './delay-queue.ts';
import type { InitiatorSettings } from './initiator-settings.ts';
import { planAndInitiate } from './plan-and-initiate.ts';
import { type PlanRecord, parsePlanRecord } from './plan-record.ts';
import { currentPlanAttribute, currentPlanKey } from './plans-table.ts';
import { runFailure } from './run-failure.ts';
import {
  createEstateZone,
  createInitiatorResources,
  ingestEstate,
  putPlanSettings,
  putScanScope,
  type Received,
  receiveVisible,
} from './test-fixtures.ts';

// Every read of the scope sees the parameter as it is, so that a change between two runs is seen by the second.
process.env.POWERTOOLS_PARAMETERS_MAX_AGE = '0';
// Each test makes its estate in Route53, ingests and plans it before the runs it is about.
jest.setTimeout(60_000);

const second = 1000;
const dynamodb = () => awsClient(DynamoDBClient);
const inScope = { allow: { cidrs: ['10.0.0.0/8', '2001:db8::/32'], suffixes: [] }, deny: {} };

/** Every request reaches moto through the counter, so a test can say what the initiator asked for. */
let counter: RequestCounter;
let motoEndpoint: string;
beforeAll(async () => {
  motoEndpoint = testBackends().motoEndpoint;
  counter = await startRequestCounter(motoEndpoint);
  process.env.AWS_ENDPOINT_URL = counter.endpoint;
});
afterAll(async () => {
  process.env.AWS_ENDPOINT_URL = motoEndpoint;
  await counter.stop();
});

const rowsOf = async (table: string): Promise<Record<string, unknown>[]> => {
  const rows: Record<string, unknown>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamodb().send(
      new ScanCommand({ TableName: table, ...(start === undefined ? {} : { ExclusiveStartKey: start }) }),
    );
    rows.push(...(page.Items ?? []).map((item) => unmarshall(item)));
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  return rows;
};

const itemOf = async (table: string, key: Record<string, AttributeValue>) =>
  unmarshall((await dynamodb().send(new GetItemCommand({ TableName: table, Key: key }))).Item ?? {});

const planOf = async (settings: InitiatorSettings, planId: string): Promise<PlanRecord> =>
  parsePlanRecord(await itemOf(settings.scanPlansTable, { planId: { S: planId } }));

const currentPlanId = async (settings: InitiatorSettings): Promise<unknown> =>
  (await itemOf(settings.scanPlansTable, { planId: { S: currentPlanKey } }))[currentPlanAttribute];

/** An estate of `count` addresses in Route53, ingested, with the scope allowing all of it and the plan settings. */
const estate = async (count: number, periodSeconds: number, buckets: number): Promise<InitiatorSettings> => {
  await resetMoto(motoEndpoint);
  const settings = await createInitiatorResources('initiator-test');
  await putScanScope(inScope);
  await putPlanSettings(periodSeconds, buckets);
  await createEstateZone('example.com', syntheticAddresses(count));
  await ingestEstate();
  return settings;
};

/** The first run plans (there is no plan yet) from the ingest, for the period after `at`. */
const firstPlan = async (settings: InitiatorSettings, at: number): Promise<PlanRecord> => {
  const report = await planAndInitiate(settings, { now: () => at });
  expect(report.planSwitch).toMatchObject({ reason: 'no-plan', switched: true });
  expect(report.initiations.flatMap(({ buckets }) => buckets)).toEqual([]);
  return planOf(settings, report.planSwitch?.to ?? '');
};

const requestIds = (messages: readonly Received[]): string[] =>
  messages.map(({ body }) => String(body.requestId)).sort();

/** Messages in the delay queue, visible or still delayed. */
const messagesInQueue = async (settings: InitiatorSettings): Promise<number> => {
  const { Attributes } = await awsClient(SQSClient).send(
    new GetQueueAttributesCommand({
      QueueUrl: settings.delayQueueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages) + Number(Attributes?.ApproximateNumberOfMessagesDelayed)
  );
};

/** The rows of one plan, of one status if given. */
const planRows = async (settings: InitiatorSettings, plan: PlanRecord, status?: string) =>
  (await rowsOf(settings.scanPlanTable)).filter(
    (row) =>
      String(row.bucket).startsWith(`${plan.planId}#`) && (status === undefined || row.status === status),
  );

describe('the initiator against moto', () => {
  useCleanBackends();
  const sendBatchInputs: SendMessageBatchCommandInput[] = [];

  beforeAll(() => {
    awsClient(SQSClient).middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'SendMessageBatchCommand') {
          sendBatchInputs.push(args.input as SendMessageBatchCommandInput);
        }
        return next(args);
      },
      { step: 'initialize', name: 'recordSendMessageBatch' },
    );
  });
  beforeEach(() => {
    sendBatchInputs.length = 0;
  });

  it('sends a due bucket in batches of 10, each message delayed until its planned moment, then marks it queued', async () => {
    const settings = await estate(25, 900, 1);
    const plan = await firstPlan(settings, Date.now());
    const tick = plan.startsAt + 1;
    const report = await planAndInitiate(settings, { now: () => tick });

    expect(report.initiations[0]).toMatchObject({ planId: plan.planId, initiatedThrough: 0 });
    expect(sendBatchInputs.map(({ Entries }) => Entries?.length)).toEqual([10, 10, 5]);
    const entries = sendBatchInputs.flatMap(({ Entries }) => Entries ?? []);
    for (const entry of entries) {
      const body = JSON.parse(entry.MessageBody ?? '{}');
      const plannedAt = Date.parse(body.plannedAt);
      expect(plannedAt).toBeGreaterThanOrEqual(plan.startsAt);
      expect(plannedAt).toBeLessThan(plan.startsAt + 900 * second);
      expect(entry.DelaySeconds).toBe(Math.ceil((plannedAt - tick) / second));
      expect(body).toMatchObject({
        contract: 'scan-request',
        version: 1,
        origin: 'plan',
        requestId: entry.Id,
      });
      expect(entry.MessageAttributes?.origin).toEqual({ DataType: 'String', StringValue: 'plan' });
    }
    const delayed = entries.filter(({ DelaySeconds }) => (DelaySeconds ?? 0) > 0).length;
    const { Attributes } = await awsClient(SQSClient).send(
      new GetQueueAttributesCommand({
        QueueUrl: settings.delayQueueUrl,
        AttributeNames: ['ApproximateNumberOfMessagesDelayed', 'ApproximateNumberOfMessages'],
      }),
    );
    expect(Number(Attributes?.ApproximateNumberOfMessagesDelayed)).toBe(delayed);
    expect(Number(Attributes?.ApproximateNumberOfMessages)).toBe(25 - delayed);

    const rows = await planRows(settings, plan);
    expect(rows.map(({ status, queuedAt }) => ({ status, queuedAt }))).toEqual(
      Array(25).fill({ status: 'queued', queuedAt: tick }),
    );
    const addresses = await rowsOf(settings.addressesTable);
    expect(addresses.map(({ queuedAt }) => queuedAt)).toEqual(Array(25).fill(tick));
    expect((await planOf(settings, plan.planId)).initiatedThrough).toBe(0);
  });

  it('killed after sending and before marking (the afterSend seam), sends the same request ids again on the next run', async () => {
    const settings = await estate(15, 900, 1);
    const plan = await firstPlan(settings, Date.now());
    const afterPeriod = plan.startsAt + 901 * second;
    const killed = new Error('killed after sending, before marking');
    const crashed = planAndInitiate(settings, {
      now: () => afterPeriod,
      hooks: {
        afterSend: () => {
          throw killed;
        },
      },
    });
    await expect(crashed).rejects.toBe(killed);
    const first = await receiveVisible(settings.delayQueueUrl);
    expect(first).toHaveLength(15);
    expect(await planRows(settings, plan, 'planned')).toHaveLength(15);
    expect((await planOf(settings, plan.planId)).initiatedThrough).toBeUndefined();

    await planAndInitiate(settings, { now: () => afterPeriod + second });
    const again = await receiveVisible(settings.delayQueueUrl);
    expect(requestIds(again)).toEqual(requestIds(first));
    expect(await planRows(settings, plan, 'queued')).toHaveLength(15);
    expect((await planOf(settings, plan.planId)).initiatedThrough).toBe(0);
  });

  it('does not send an address the scope put out of bounds after planning, and records why', async () => {
    const settings = await estate(12, 900, 1);
    const plan = await firstPlan(settings, Date.now());
    await putScanScope({ ...inScope, deny: { cidrs: ['10.0.0.3/32'], suffixes: ['h7.example.com'] } });
    const report = await planAndInitiate(settings, { now: () => plan.startsAt + 901 * second });

    const sent = (await receiveVisible(settings.delayQueueUrl)).map(({ body }) => body.target);
    expect(sent).toHaveLength(10);
    expect(sent).not.toContainEqual(expect.objectContaining({ address: '10.0.0.3' }));
    expect(sent).not.toContainEqual(expect.objectContaining({ address: '10.0.0.7' }));
    expect(report.initiations[0]?.buckets[0]?.outOfScope.map(({ reason }) => reason).sort()).toEqual([
      'address is in deny CIDR 10.0.0.3/32',
      'host h7.example.com is under deny suffix h7.example.com',
    ]);
    const refused = await planRows(settings, plan, 'out-of-scope');
    expect(refused.map(({ address }) => address).sort()).toEqual(['10.0.0.3', '10.0.0.7']);
    expect(await itemOf(settings.addressesTable, { address: { S: '10.0.0.3' } })).toMatchObject({
      scope: 'out-of-scope',
      scopeReason: 'address is in deny CIDR 10.0.0.3/32',
    });
    expect((await planOf(settings, plan.planId)).initiatedThrough).toBe(0);
  });

  it('reads due buckets with one Query each and never Scans the plan', async () => {
    const settings = await estate(40, 3600, 4);
    const plan = await firstPlan(settings, Date.now());
    counter.reset();
    // Buckets 0, 1 and 2 are due; the last bucket has not begun, so nothing is planned.
    const report = await planAndInitiate(settings, { now: () => plan.startsAt + 2700 * second - 1 });
    const requests = counter.requests();

    expect(report.planSwitch).toBeUndefined();
    expect(report.initiations[0]?.buckets.map(({ sent }) => sent)).toEqual([10, 10, 10]);
    const onPlan = requests.filter(({ resource }) => resource === settings.scanPlanTable);
    expect(onPlan.filter(({ operation }) => operation === 'Query')).toHaveLength(3);
    expect(requests.filter(({ operation }) => operation === 'Scan').map(({ resource }) => resource)).toEqual([
      settings.dnsIngestsTable,
    ]);
    expect(onPlan.filter(({ operation }) => operation !== 'Query' && operation !== 'UpdateItem')).toEqual([]);
  });

  it('sends again what failed on the queue side, leaves what still fails planned with the cursor behind it, and fails the run', async () => {
    const settings = await estate(20, 1800, 2);
    const plan = await firstPlan(settings, Date.now());
    const afterPeriod = plan.startsAt + 1801 * second;
    const [victim] = (await planRows(settings, plan)).filter(({ bucket }) =>
      String(bucket).endsWith('#00000'),
    );
    const attempts: string[] = [];
    const real = sqsSendBatch(settings.delayQueueUrl, () => afterPeriod);
    const failingVictim: SendBatch = async (entries) => {
      const failed = entries.filter(({ id }) => id === victim?.requestId);
      attempts.push(...failed.map(({ id }) => id));
      const failures = await real(entries.filter((entry) => !failed.includes(entry)));
      return [
        ...failures,
        ...failed.map(({ id }) => ({
          id,
          code: 'ServiceUnavailable',
          message: 'try later',
          senderFault: false,
        })),
      ];
    };
    const report = await planAndInitiate(settings, { now: () => afterPeriod, send: failingVictim });

    expect(attempts.length).toBeGreaterThan(1);
    expect(report.initiations[0]?.buckets.map(({ sent }) => sent)).toEqual([9, 10]);
    expect(report.initiations.map(({ initiatedThrough }) => initiatedThrough)).toEqual([-1]);
    expect(report.planSwitch).toBeUndefined();
    expect(runFailure(report)).toBeInstanceOf(TransientError);
    expect(runFailure(report)?.message).toContain(`${String(victim?.address)} in ${String(victim?.bucket)}`);
    expect((await planRows(settings, plan, 'planned')).map(({ address }) => address)).toEqual([
      victim?.address,
    ]);
    expect(await receiveVisible(settings.delayQueueUrl)).toHaveLength(19);

    const next = await planAndInitiate(settings, { now: () => afterPeriod + second });
    expect(requestIds(await receiveVisible(settings.delayQueueUrl))).toEqual([victim?.requestId]);
    expect(next.initiations[0]?.initiatedThrough).toBe(1);
    expect(next.planSwitch).toMatchObject({ reason: 'period-ending', from: plan.planId, switched: true });
    expect(runFailure(next)).toBeUndefined();
  });

  it('initiates the due buckets of the current plan before switching to the plan of a newer ingest', async () => {
    const settings = await estate(16, 3600, 4);
    const plan = await firstPlan(settings, Date.now());
    await planAndInitiate(settings, { now: () => plan.startsAt + 1 });
    const newer = await ingestEstate();
    const during = plan.startsAt + 1800 * second + 1;
    const report = await planAndInitiate(settings, { now: () => during });

    expect(report.initiations.map(({ planId, initiatedThrough }) => ({ planId, initiatedThrough }))).toEqual([
      { planId: plan.planId, initiatedThrough: 2 },
      { planId: expect.stringMatching(new RegExp(`^${newer.ingestId}@`)), initiatedThrough: -1 },
    ]);
    const next = await planOf(settings, report.planSwitch?.to ?? '');
    expect(report.planSwitch).toMatchObject({ reason: 'newer-ingest', from: plan.planId, switched: true });
    expect(next.startsAt).toBe(plan.startsAt + 2700 * second);
    expect(await currentPlanId(settings)).toBe(next.planId);
  });

  it('plans the next period during the last bucket, to start as the current one ends', async () => {
    const settings = await estate(8, 1800, 2);
    const plan = await firstPlan(settings, Date.now());
    const report = await planAndInitiate(settings, { now: () => plan.startsAt + 900 * second });

    expect(report.planSwitch).toMatchObject({ reason: 'period-ending', from: plan.planId, switched: true });
    const next = await planOf(settings, report.planSwitch?.to ?? '');
    expect(next.ingestId).toBe(plan.ingestId);
    expect(next.startsAt).toBe(plan.startsAt + 1800 * second);
    expect(report.initiations[0]).toMatchObject({ planId: plan.planId, initiatedThrough: 1 });
  });

  it('sends nothing while the scope parameter is malformed, and says which entry is at fault', async () => {
    const settings = await estate(6, 900, 1);
    const plan = await firstPlan(settings, Date.now());
    await putScanScope({ ...inScope, deny: { cidrs: ['10.0.0.300/32'] } });
    const run = planAndInitiate(settings, { now: () => plan.startsAt + 1 });

    await expect(run).rejects.toThrow(ConfigurationError);
    await expect(planAndInitiate(settings, { now: () => plan.startsAt + 1 })).rejects.toThrow(
      /10\.0\.0\.300/,
    );
    expect(await messagesInQueue(settings)).toBe(0);
    expect(await planRows(settings, plan, 'planned')).toHaveLength(6);
  });

  it('still sends the due buckets when plan settings out of range stop the next plan, and fails naming them', async () => {
    const settings = await estate(6, 900, 1);
    const plan = await firstPlan(settings, Date.now());
    await putPlanSettings(86_400, 24);
    const run = planAndInitiate(settings, { now: () => plan.startsAt + 1 });

    await expect(run).rejects.toThrow(/buckets of 3600 s/);
    expect(await messagesInQueue(settings)).toBe(6);
    expect(await planRows(settings, plan, 'queued')).toHaveLength(6);
    expect(await currentPlanId(settings)).toBe(plan.planId);
  });
});
