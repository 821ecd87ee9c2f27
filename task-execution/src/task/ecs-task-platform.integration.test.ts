import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeTasksCommand,
  ECSClient,
  type Task as EcsRunningTask,
  ListTasksCommand,
} from '@aws-sdk/client-ecs';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table/index.js';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { App } from '@sec-an/constructs/cdktf';
import { publishParameter } from '@sec-an/constructs/parameters';
import { ServiceQueue } from '@sec-an/constructs/service-queue';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import { ServiceTopic } from '@sec-an/constructs/service-topic';
import { deadLetterRecordV1 } from '@sec-an/contracts/dead-letter';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { type ScanResult, scanResultV1 } from '@sec-an/contracts/scan-result';
import { backendsEnvironment } from '@sec-an/local-platform/backends';
import { type ComputeHandle, startCompute } from '@sec-an/local-platform/compute';
import { repositoryRoot } from '@sec-an/local-platform/paths';
import {
  type AppliedResource,
  provision,
  publishedValue,
  synthesizeStacks,
} from '@sec-an/local-platform/provisioning';
import { allStacks, projectAt, synthesizeAll } from '@sec-an/local-platform/synth';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { publishMessages, readMessage } from '@sec-an/runtime/sns';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import type { ScanRequest } from '../task-runtime/index.ts';
import { EcsTask } from './ecs-task.ts';
import { Task } from './task.ts';

const stage = 'test';
const prefix = `sec-an-${stage}`;
const clusterName = `${prefix}-task-execution-scanning`;
const addressesTableName = `${prefix}-task-execution-addresses`;
const probeEntry = (name: string) => fileURLToPath(new URL(`./test-handlers/${name}.ts`, import.meta.url));
const parameter = (project: string, thing: string, attribute: string) =>
  `/sec-an/${stage}/${project}/${thing}/${attribute}`;

/** What task-execution's stacks publish for scanners: the topic, cluster, addresses table, scope and subnet tier. */
class TaskExecutionStandIn extends ServiceStack {
  readonly scanRequests: ServiceTopic;

  constructor(scope: App) {
    super(scope, 'task-execution-stand-in', { project: 'task-execution', stage });
    this.scanRequests = new ServiceTopic(this, 'scan-requests', { name: 'scan-request-topic' });
    this.scanRequests.publishArn();
    const cluster = new EcsCluster(this, 'cluster', { name: clusterName });
    publishParameter(this, 'cluster', 'arn', cluster.arn);
    const addresses = new DynamodbTable(this, 'addresses', {
      name: addressesTableName,
      hashKey: 'address',
      attribute: [{ name: 'address', type: 'S' }],
      billingMode: 'PAY_PER_REQUEST',
    });
    publishParameter(this, 'addresses-table', 'arn', addresses.arn);
    publishParameter(this, 'addresses-table', 'name', addresses.name);
    publishParameter(
      this,
      'scan-scope',
      'definition',
      JSON.stringify({ allow: { cidrs: ['192.0.2.0/24'], suffixes: [] }, deny: { cidrs: [], suffixes: [] } }),
    );
    publishParameter(this, 'task-subnets', 'tier', 'private');
  }
}

/** analytics-platform's ingest queue, unconsumed here, so the test reads what reaches it. */
class IngestQueueStandIn extends ServiceStack {
  constructor(scope: App) {
    super(scope, 'ingest-stand-in', { project: 'analytics-platform', stage });
    const queue = new ServiceQueue(this, 'ingest-queue', { name: 'ingest-queue' });
    queue.allowTopicsMatching(this.arn('sns', `${this.naming.app}-${this.naming.stage}-*`));
    queue.publishArn();
    queue.publishUrl();
  }
}

/**
 * Scanners declared as scanner projects will: a Fargate task for IPv4 addresses, whose container's command is a
 * Node script of the host (the local platform runs a task's command as a child process instead of its image),
 * and a scan function for IPv6 ones.
 */
class ProbeScannerStack extends ServiceStack {
  constructor(scope: App) {
    super(scope, 'probe-scanner', { project: 'probe-scanner', stage });
    new EcsTask(this, 'probe', {
      name: 'probe',
      input: { filterPolicy: { addressType: ['ipv4'] } },
      parser: { entry: probeEntry('probe-parser') },
      container: { image: 'probe:local', command: [process.execPath, probeEntry('probe-container')] },
      cpu: 256,
      memoryMiB: 512,
    });
    new Task(this, 'probe-fn', {
      name: 'probe-fn',
      input: { filterPolicy: { addressType: ['ipv6'] } },
      scan: { entry: probeEntry('probe-scan') },
      parser: { entry: probeEntry('probe-parser') },
    });
  }
}

const eventually = async <T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
};

const requestFor = (requestId: string, address: string, hosts: readonly string[]): ScanRequest => ({
  contract: 'scan-request',
  version: 1,
  requestId,
  target: { address, hosts: [...hosts] },
  origin: 'on-demand',
  requestedAt: new Date().toISOString(),
});

const ecs = () => awsClient(ECSClient);

const tasksStartedBy = async (requestId: string): Promise<EcsRunningTask[]> => {
  const arns: string[] = [];
  for (const desiredStatus of ['RUNNING', 'STOPPED'] as const) {
    const { taskArns = [] } = await ecs().send(
      new ListTasksCommand({ cluster: clusterName, startedBy: requestId, desiredStatus }),
    );
    arns.push(...taskArns);
  }
  if (arns.length === 0) return [];
  const { tasks = [] } = await ecs().send(new DescribeTasksCommand({ cluster: clusterName, tasks: arns }));
  return tasks;
};

describe('an EcsTask and a Task on the local platform (the container image is not run: the host runs its command)', () => {
  useCleanBackends();
  let workspace: string;
  let compute: ComputeHandle;
  let resources: Record<string, AppliedResource>;
  const results = new Map<string, ScanResult>();

  /** The result of `task` for `requestId`, once the ingest queue has received it. */
  const ingested = async (task: string, requestId: string): Promise<ScanResult | undefined> => {
    const queueUrl = publishedValue(resources, parameter('analytics-platform', 'ingest-queue', 'url'));
    const { Messages = [] } = await awsClient(SQSClient).send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
      }),
    );
    for (const received of Messages) {
      const { message } = await readMessage(scanResultV1, {
        body: received.Body ?? '',
        messageAttributes: Object.fromEntries(
          Object.entries(received.MessageAttributes ?? {}).map(([name, value]) => [
            name,
            { dataType: value.DataType ?? 'String', stringValue: value.StringValue },
          ]),
        ),
      });
      results.set(`${message.task}/${message.requestId}`, message);
      await awsClient(SQSClient).send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: received.ReceiptHandle }),
      );
    }
    return results.get(`${task}/${requestId}`);
  };

  const publish = (...requests: ScanRequest[]) =>
    publishMessages(
      publishedValue(resources, parameter('task-execution', 'scan-request-topic', 'arn')),
      scanRequestV1,
      requests,
    );

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'sec-an-ecs-task-'));
    const sharedInfra = await synthesizeAll({
      projects: [projectAt(join(repositoryRoot, 'shared-infra'))],
      outdir: join(workspace, 'synth'),
      environment: { SEC_AN_STAGE: stage },
    });
    const stacks = synthesizeStacks((app) => {
      new TaskExecutionStandIn(app);
      new IngestQueueStandIn(app);
      new ProbeScannerStack(app);
    });
    const provisioned = await provision([...allStacks(sharedInfra), ...stacks]);
    resources = provisioned.resources;
    compute = await startCompute(provisioned.deployment, {
      stateDir: join(workspace, 'state'),
      environment: { ...backendsEnvironment(testBackends()), POWERTOOLS_LOG_LEVEL: 'WARN' },
      ecsPollIntervalMs: 200,
    });
    await awsClient(DynamoDBClient).send(
      new PutItemCommand({
        TableName: addressesTableName,
        Item: { address: { S: '192.0.2.10' }, hosts: { SS: ['www.example.org'] } },
      }),
    );
  }, 300_000);

  afterAll(async () => {
    await compute?.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  it('takes a scan request from the topic to a Fargate task, its raw output, the parser and the results topic', async () => {
    const requestId = '7d0c9a52-4f1e-4a8e-9a43-0f2d8c5b1e01';
    const ipv6RequestId = '7d0c9a52-4f1e-4a8e-9a43-0f2d8c5b1e02';
    await publish(
      requestFor(ipv6RequestId, '2001:db8::10', ['www.example.org']),
      requestFor(requestId, '192.0.2.10', ['www.example.org', 'example.org']),
    );

    const result = await eventually('the result on the ingest queue', () => ingested('probe', requestId));

    const bucket = publishedValue(resources, parameter('probe-scanner', 'probe-raw-results', 'name'));
    expect(result).toMatchObject({
      task: 'probe',
      requestId,
      raw: {
        bucket,
        key: expect.stringMatching(new RegExp(`^raw/\\d{4}/\\d{2}/\\d{2}/${requestId}/probe\\.json$`)),
      },
      documents: {
        host: [
          { fields: { address: '192.0.2.10', hosts: ['www.example.org', 'example.org'], staged: false } },
        ],
      },
    });
    const raw = await awsClient(S3Client).send(
      new GetObjectCommand({ Bucket: bucket, Key: result.raw?.key }),
    );
    expect(JSON.parse((await raw.Body?.transformToString()) ?? '')).toMatchObject({
      task: 'probe',
      execution: 'AWS_ECS_FARGATE',
      request: { requestId, target: { address: '192.0.2.10' } },
    });
    const [task] = await eventually('the stopped task', async () => {
      const tasks = await tasksStartedBy(requestId);
      return tasks[0]?.lastStatus === 'STOPPED' ? tasks : undefined;
    });
    expect(task?.stoppedReason).toBe(
      'Essential container in task exited: container probe exited with code 0',
    );
    const subnets = publishedValue(resources, parameter('shared-infra', 'private-subnets', 'ids')).split(',');
    const subnet = task?.attachments?.[0]?.details?.find(({ name }) => name === 'subnetId')?.value;
    expect(subnets).toContain(subnet);
    const { Item } = await awsClient(DynamoDBClient).send(
      new GetItemCommand({ TableName: addressesTableName, Key: { address: { S: '192.0.2.10' } } }),
    );
    expect(Item).toMatchObject({
      lastScanTask: { S: 'probe' },
      lastScannedAt: { N: String(Date.parse(result.endedAt)) },
      hosts: { SS: ['www.example.org'] },
    });
    expect(await tasksStartedBy(ipv6RequestId)).toEqual([]);
    expect(results.has(`probe-fn/${requestId}`)).toBe(false);
  }, 120_000);

  it('takes the request its filter policy selects to the scan function, and on to the results topic', async () => {
    const requestId = '7d0c9a52-4f1e-4a8e-9a43-0f2d8c5b1e02';

    const result = await eventually('the scan function result', () => ingested('probe-fn', requestId));

    expect(result).toMatchObject({
      task: 'probe-fn',
      raw: { bucket: publishedValue(resources, parameter('probe-scanner', 'probe-fn-raw-results', 'name')) },
      documents: { host: [{ fields: { address: '2001:db8::10', hosts: ['www.example.org'] } }] },
    });
    expect(results.has(`probe/${requestId}`)).toBe(false);
  }, 120_000);

  it('passes a request too large for RunTask through the bucket', async () => {
    const requestId = '7d0c9a52-4f1e-4a8e-9a43-0f2d8c5b1e03';
    const hosts = Array.from({ length: 400 }, (_, index) => `host-${index}.scanned.example.org`);
    await publish(requestFor(requestId, '192.0.2.11', hosts));

    const result = await eventually('the staged request result', () => ingested('probe', requestId));

    expect(result.documents.host?.[0]?.fields).toMatchObject({ address: '192.0.2.11', hosts, staged: true });
  }, 120_000);

  it('starts no task for a request out of scope, and archives it as a dead letter saying why', async () => {
    const requestId = '7d0c9a52-4f1e-4a8e-9a43-0f2d8c5b1e04';
    await publish(requestFor(requestId, '198.51.100.20', ['outside.example.net']));

    const bucket = publishedValue(resources, parameter('shared-infra', 'dead-letter-bucket', 'name'));
    const record = await eventually('the archived dead letter', async () => {
      const { Contents = [] } = await awsClient(S3Client).send(
        new ListObjectsV2Command({
          Bucket: bucket,
          Prefix: `dead-letters/${prefix}-probe-scanner-probe-queue-dlq/`,
        }),
      );
      const [first] = Contents;
      if (first === undefined) return undefined;
      const object = await awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key: first.Key }));
      return deadLetterRecordV1.schema.parse(JSON.parse((await object.Body?.transformToString()) ?? ''));
    });

    expect(record.error).toEqual({
      name: 'OutOfScopeError',
      message: `scan request ${requestId} for 198.51.100.20 is out of scope: no allow CIDR contains the address and no host is under an allow suffix`,
    });
    expect(await tasksStartedBy(requestId)).toEqual([]);
  }, 120_000);
});
