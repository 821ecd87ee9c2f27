import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  DeleteMessageCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deadLetterRecordV1 } from '@sec-an/contracts/dead-letter';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { readParameter } from '@sec-an/runtime/parameters';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { backendsEnvironment } from '../backends/index.ts';
import type { ComputeHandle } from '../compute/index.ts';
import type { Deployment } from '../deployment/index.ts';
import { probeServiceDirectory } from '../testing/probe-service/index.ts';
import { deployPlatform } from './deploy.ts';

const probe = (thing: string, attribute: string) =>
  readParameter({ project: 'probe-service', thing, attribute }, { maxAgeSeconds: 0 });

const text = (value: string) => ({ DataType: 'String', StringValue: value });

/** Receives and deletes what arrives in `queueUrl` until `done` says enough or the time is up. */
const collect = async (
  queueUrl: string,
  done: (messages: readonly Message[]) => boolean,
  timeoutMs: number,
): Promise<Message[]> => {
  const messages: Message[] = [];
  const deadline = Date.now() + timeoutMs;
  while (!done(messages) && Date.now() < deadline) {
    const { Messages = [] } = await awsClient(SQSClient).send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageAttributeNames: ['All'],
      }),
    );
    for (const message of Messages) {
      messages.push(message);
      await awsClient(SQSClient).send(
        new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
      );
    }
  }
  return messages;
};

const idOf = (message: Message): string => (JSON.parse(message.Body ?? '{}') as { id?: string }).id ?? '';

const archivedUnder = async (bucket: string, prefix: string, count: number, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Contents = [] } = await awsClient(S3Client).send(
      new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }),
    );
    if (Contents.length >= count || Date.now() > deadline) {
      return Promise.all(
        Contents.map(async ({ Key }) => {
          const object = await awsClient(S3Client).send(new GetObjectCommand({ Bucket: bucket, Key }));
          return deadLetterRecordV1.schema.parse(JSON.parse(await (object.Body?.transformToString() ?? '')));
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
};

describe('the local platform running synthesized stacks (shared-infra and the probe service)', () => {
  useCleanBackends();
  let compute: ComputeHandle | undefined;
  let deployment: Deployment;
  let observedUrl: string;
  const queueUrl = (suffix: string): string => {
    const queue = deployment.queues.find(({ queueName }) => queueName.endsWith(suffix));
    if (queue === undefined) throw new Error(`no queue ends with ${suffix}`);
    return queue.queueUrl;
  };

  beforeAll(async () => {
    const environment = backendsEnvironment(testBackends());
    const deployed = await deployPlatform({
      instance: process.env.SEC_AN_TEST_INSTANCE ?? 'test',
      environment,
      extraProjectDirectories: [probeServiceDirectory],
      compute: {
        stateDir: mkdtempSync(join(tmpdir(), 'sec-an-platform-')),
        environment: { ...environment, POWERTOOLS_LOG_LEVEL: 'WARN' },
      },
    });
    deployment = deployed.deployment;
    compute = deployed.compute;
    observedUrl = await probe('observed-queue', 'url');
  }, 180_000);

  afterAll(async () => {
    await compute?.stop();
  });

  it('delivers a published message through a matching subscription to its handler, and not a non-matching one', async () => {
    const topicArn = await probe('events-topic', 'arn');
    for (const [id, kind] of [
      ['not-for-it', 'unwanted'],
      ['for-it', 'wanted'],
    ] as const) {
      await awsClient(SNSClient).send(
        new PublishCommand({
          TopicArn: topicArn,
          Message: JSON.stringify({ id }),
          MessageAttributes: { kind: text(kind) },
        }),
      );
    }
    const observed = await collect(
      observedUrl,
      (messages) => messages.some((m) => idOf(m) === 'for-it'),
      30_000,
    );
    const late = await collect(observedUrl, () => false, 3_000);
    expect([...observed, ...late].map(idOf)).toEqual(['for-it']);
    expect(observed[0]?.MessageAttributes?.kind?.StringValue).toBe('wanted');
  }, 60_000);

  it('redelivers only the failed record of a batch, and archives it with its error and attributes after maxReceiveCount', async () => {
    const bucket = await readParameter({
      project: 'shared-infra',
      thing: 'dead-letter-bucket',
      attribute: 'name',
    });
    const wantedUrl = queueUrl('-wanted-queue');
    await awsClient(SQSClient).send(
      new SendMessageBatchCommand({
        QueueUrl: wantedUrl,
        Entries: [
          {
            Id: 'a',
            MessageBody: JSON.stringify({ id: 'good-a' }),
            MessageAttributes: { kind: text('wanted') },
          },
          {
            Id: 'r',
            MessageBody: JSON.stringify({ id: 'refused', refuse: true }),
            MessageAttributes: { kind: text('wanted'), origin: text('on-demand') },
          },
          {
            Id: 'b',
            MessageBody: JSON.stringify({ id: 'good-b' }),
            MessageAttributes: { kind: text('wanted') },
          },
        ],
      }),
    );
    const prefix = `dead-letters/${deployment.queues.find(({ queueName }) => queueName.endsWith('-wanted-queue-dlq'))?.queueName}/`;
    const [archived] = await archivedUnder(bucket, prefix, 1, 60_000);
    const observed = await collect(observedUrl, () => false, 2_000);

    expect(observed.map(idOf).sort()).toEqual(['good-a', 'good-b']);
    expect(archived).toMatchObject({
      reason: 'handler-dead-lettered',
      body: JSON.stringify({ id: 'refused', refuse: true }),
      error: { name: 'TransientError', message: 'refused on purpose by the probe' },
      receiveCount: 2,
      attributes: {
        kind: { dataType: 'String', stringValue: 'wanted' },
        origin: { dataType: 'String', stringValue: 'on-demand' },
      },
      sourceQueueArn: expect.stringMatching(/-wanted-queue$/),
    });
  }, 90_000);

  it('archives a malformed message at once, never looping on it', async () => {
    const bucket = await readParameter({
      project: 'shared-infra',
      thing: 'dead-letter-bucket',
      attribute: 'name',
    });
    await awsClient(SQSClient).send(
      new SendMessageCommand({ QueueUrl: queueUrl('-wanted-queue'), MessageBody: 'not json {' }),
    );
    const prefix = `dead-letters/${deployment.queues.find(({ queueName }) => queueName.endsWith('-wanted-queue-dlq'))?.queueName}/`;
    const records = await archivedUnder(bucket, prefix, 2, 30_000);
    const malformed = records.find((record) => record.body === 'not json {');
    expect(malformed).toMatchObject({
      reason: 'handler-dead-lettered',
      error: { name: 'ContractViolationError', message: expect.stringContaining('probe message') },
      receiveCount: 1,
    });
  }, 60_000);

  it('forwards a delayed message from the delay queue to the topic after its delay, attributes intact', async () => {
    const sentAt = Date.now();
    await awsClient(SQSClient).send(
      new SendMessageCommand({
        QueueUrl: await probe('delay-queue', 'url'),
        MessageBody: JSON.stringify({ id: 'delayed' }),
        DelaySeconds: 3,
        MessageAttributes: {
          kind: text('wanted'),
          origin: text('plan'),
          port: { DataType: 'Number', StringValue: '443' },
        },
      }),
    );
    const observed = await collect(observedUrl, (messages) => messages.length > 0, 30_000);
    const arrivedAfterMs = Date.now() - sentAt;
    expect(observed.map(idOf)).toEqual(['delayed']);
    expect(arrivedAfterMs).toBeGreaterThanOrEqual(3_000);
    expect(observed[0]?.MessageAttributes).toMatchObject({
      kind: { DataType: 'String', StringValue: 'wanted' },
      origin: { DataType: 'String', StringValue: 'plan' },
      port: { DataType: 'Number', StringValue: '443' },
    });
  }, 60_000);
});
