import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteItemCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { marshall } from '@aws-sdk/util-dynamodb';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publishParameter } from '@sec-an/constructs/parameters';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import { deadLetterRecordV1 } from '@sec-an/contracts/dead-letter';
import { entityKey } from '@sec-an/contracts/entity-key';
import {
  changeIndex,
  type DocumentType,
  documentTypeTemplate,
  historyIndex,
  snapshotIndex,
} from '@sec-an/contracts/search-index';
import { backendsEnvironment } from '@sec-an/local-platform/backends';
import { type ComputeHandle, startCompute } from '@sec-an/local-platform/compute';
import type { Deployment } from '@sec-an/local-platform/deployment';
import { repositoryRoot } from '@sec-an/local-platform/paths';
import {
  type AppliedResource,
  provision,
  publishedValue,
  synthesizeStacks,
} from '@sec-an/local-platform/provisioning';
import { allStacks, projectAt, synthesizeAll } from '@sec-an/local-platform/synth';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { platformTemplates } from '../index-templates/index.ts';
import { putTemplates } from '../ingest/test-fixtures.ts';
import { IngestStack } from '../stacks/ingest-stack.ts';
import { DynamoDbSync } from './dynamodb-sync.ts';

const stage = 'test';
const task = 'probe-hosts';
const tableName = `sec-an-${stage}-sync-probe-hosts`;
const search = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });
const dynamodb = () => awsClient(DynamoDBClient);
// 2026-11-21T10:00:00Z and an hour later, in epoch seconds.
const tenOClock = 1_795_255_200;
const elevenOClock = tenOClock + 3600;

const hostType: DocumentType = {
  task,
  type: 'host',
  properties: {
    Host: { type: 'keyword' },
    Addresses: { type: 'ip' },
    AddressesAdded: { type: 'ip' },
    AddressesRemoved: { type: 'ip' },
    DnsIngestTime: { type: 'date' },
  },
  changeFields: ['Addresses'],
  labelFields: ['Host'],
};

const eventually = async <T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 90_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

const sources = async (index: string, query: object = { match_all: {} }) => {
  await search().indices.refresh({ index });
  const response = await search().search({
    index,
    body: { query, size: 100, sort: [{ '@timestamp': 'asc' }] },
  });
  return response.body.hits.hits.map((hit) => hit._source as Record<string, unknown>);
};

const put = (item: Record<string, unknown>) =>
  dynamodb().send(new PutItemCommand({ TableName: tableName, Item: marshall(item) }));

/** A project's stack with one table and its sync, as task-execution declares its history tables. */
class SyncProbeStack extends ServiceStack {
  constructor(scope: ConstructorParameters<typeof ServiceStack>[0], id: string) {
    super(scope, id, { project: 'sync-probe', stage });
    const table = new DynamodbTable(this, 'hosts', {
      name: tableName,
      hashKey: 'Host',
      attribute: [{ name: 'Host', type: 'S' }],
      billingMode: 'PAY_PER_REQUEST',
      streamEnabled: true,
      streamViewType: 'NEW_AND_OLD_IMAGES',
    });
    new DynamoDbSync(this, 'hosts-sync', {
      table,
      name: task,
      documentType: hostType,
      keyAttributes: ['Host'],
      temporalAttribute: 'DnsIngestTime',
      setAttributes: ['Addresses'],
      epochAttributes: { DnsIngestTime: 'seconds' },
      // One retry, so that the poison record reaches the archive within seconds.
      stream: { batchSize: 10, maximumRetryAttempts: 1 },
    });
  }
}

/**
 * shared-infra's real stacks, analytics-platform's real ingest stack and a project with a synced table, provisioned
 * to moto and run by the local compute step: the table's stream drives the sync, the sync feeds the ingest queue,
 * the ingest writes OpenSearch, and what the sync gives up on goes through its failures queue to the archive.
 */
describe('a DynamoDB table synced to OpenSearch on the local platform', () => {
  useCleanBackends();
  let workspace: string;
  let compute: ComputeHandle;
  let resources: Record<string, AppliedResource>;
  let deployment: Deployment;

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'sec-an-dynamodb-sync-'));
    await putTemplates(search(), [...platformTemplates, documentTypeTemplate(hostType)]);
    const sharedInfra = await synthesizeAll({
      projects: [projectAt(join(repositoryRoot, 'shared-infra'))],
      outdir: join(workspace, 'synth'),
      environment: { SEC_AN_STAGE: stage },
    });
    const stacks = synthesizeStacks((app) => {
      // What the search domain's stack publishes; the domain itself has no local counterpart.
      const domain = new ServiceStack(app, 'search-domain', { project: 'analytics-platform', stage });
      publishParameter(
        domain,
        'search-domain',
        'arn',
        `arn:aws:es:eu-west-2:123456789012:domain/sec-an-${stage}-search`,
      );
      new IngestStack(app, 'ingest', { stage });
      new SyncProbeStack(app, 'sync-probe');
    });
    const provisioned = await provision([...allStacks(sharedInfra), ...stacks]);
    resources = provisioned.resources;
    deployment = provisioned.deployment;
    compute = await startCompute(provisioned.deployment, {
      stateDir: join(workspace, 'state'),
      environment: { ...backendsEnvironment(testBackends()), POWERTOOLS_LOG_LEVEL: 'WARN' },
    });
  }, 240_000);

  afterAll(async () => {
    await compute?.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  it("records the table's stream mapping with the settings the construct synthesized", () => {
    expect(deployment.streamMappings).toEqual([
      {
        address: expect.stringMatching(/^sync-probe\/sync-probe\/aws_lambda_event_source_mapping\./),
        functionName: `sec-an-${stage}-sync-probe-${task}-sync`,
        streamArn: expect.stringMatching(
          new RegExp(`^arn:aws:dynamodb:eu-west-2:\\d+:table/${tableName}/stream/`),
        ),
        startingPosition: 'TRIM_HORIZON',
        batchSize: 10,
        maximumBatchingWindowSeconds: 0,
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 1,
        maximumRecordAgeSeconds: -1,
        reportBatchItemFailures: true,
        onFailureDestinationArn: expect.stringMatching(
          new RegExp(`:sec-an-${stage}-sync-probe-${task}-sync-stream-failures$`),
        ),
        enabled: true,
      },
    ]);
  });

  it('gives an inserted, changed and removed item its snapshot, history and change documents', async () => {
    await put({
      Host: 'www.example.org',
      Addresses: new Set(['192.0.2.1', '192.0.2.2']),
      DnsIngestTime: tenOClock,
    });
    await put({
      Host: 'www.example.org',
      Addresses: new Set(['192.0.2.2', '192.0.2.3']),
      DnsIngestTime: elevenOClock,
    });
    await put({ Host: 'old.example.org', Addresses: new Set(['192.0.2.9']), DnsIngestTime: tenOClock });
    const key = entityKey({ Host: 'www.example.org' });
    const removedKey = entityKey({ Host: 'old.example.org' });
    const history = await eventually('three history documents', async () => {
      const found = await sources(historyIndex(task, 'host'));
      return found.length >= 3 ? found : undefined;
    });
    // Removed once its insert is ingested, as a host is removed a DNS ingest later: a removal overtaking its own
    // insert on the queue is the cross-batch ordering limit of ADR 0018, not what this test is about.
    await dynamodb().send(
      new DeleteItemCommand({ TableName: tableName, Key: marshall({ Host: 'old.example.org' }) }),
    );
    const disappeared = await eventually('the removed host to disappear', async () => {
      const changes = await sources(changeIndex, { term: { 'subject.key': removedKey } });
      return changes.some((change) => change.change === 'disappeared') ? changes : undefined;
    });
    const snapshot = await sources(snapshotIndex(task, 'host'));

    expect(snapshot).toEqual([
      expect.objectContaining({
        Host: 'www.example.org',
        Addresses: ['192.0.2.2', '192.0.2.3'],
        AddressesAdded: ['192.0.2.3'],
        AddressesRemoved: ['192.0.2.1'],
        DnsIngestTime: '2026-11-21T11:00:00.000Z',
        '@timestamp': '2026-11-21T11:00:00.000Z',
        subject: { key, label: 'www.example.org' },
        entity: { key, type: 'host' },
      }),
    ]);
    expect(history.map((document) => [document.Host, document.DnsIngestTime]).sort()).toEqual([
      ['old.example.org', '2026-11-21T10:00:00.000Z'],
      ['www.example.org', '2026-11-21T10:00:00.000Z'],
      ['www.example.org', '2026-11-21T11:00:00.000Z'],
    ]);
    expect(disappeared.map((change) => change.change)).toEqual(['appeared', 'disappeared']);
    const changes = await sources(changeIndex, { term: { 'subject.key': key } });
    expect(changes.map(({ change, field }) => [change, field])).toEqual([
      ['appeared', undefined],
      ['changed', 'Addresses'],
    ]);
  }, 120_000);

  it('archives a record it cannot sync as a dead letter, and syncs the changes behind it', async () => {
    const bucket = publishedValue(resources, `/sec-an/${stage}/shared-infra/dead-letter-bucket/name`);
    await put({ Host: 'untimed.example.org', Addresses: new Set(['192.0.2.7']) });
    await put({ Host: 'after.example.org', Addresses: new Set(['192.0.2.8']), DnsIngestTime: elevenOClock });

    const failuresQueue = `sec-an-${stage}-sync-probe-${task}-sync-stream-failures`;
    const [archived] = await eventually('the archived stream failure', async () => {
      const { Contents = [] } = await awsClient(S3Client).send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: `dead-letters/${failuresQueue}/` }),
      );
      if (Contents.length === 0) return undefined;
      return Promise.all(
        Contents.map(async ({ Key }) => {
          const object = await awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key }));
          return deadLetterRecordV1.schema.parse(JSON.parse((await object.Body?.transformToString()) ?? ''));
        }),
      );
    });
    expect(archived).toMatchObject({
      reason: 'stream-retries-exhausted',
      functionArn: expect.stringMatching(new RegExp(`:function:sec-an-${stage}-sync-probe-${task}-sync$`)),
      error: {
        name: 'RetryAttemptsExhausted',
        message: expect.stringMatching(
          new RegExp(`^\\d+ record\\(s\\) of arn:aws:dynamodb:.*:table/${tableName}/stream/`),
        ),
      },
      receiveCount: 2,
    });
    const synced = await eventually('the host written after the poison record', async () => {
      const found = await sources(snapshotIndex(task, 'host'), { term: { Host: 'after.example.org' } });
      return found.length > 0 ? found : undefined;
    });
    expect(synced).toHaveLength(1);
    expect(await sources(snapshotIndex(task, 'host'), { term: { Host: 'untimed.example.org' } })).toEqual([]);
  }, 120_000);
});
