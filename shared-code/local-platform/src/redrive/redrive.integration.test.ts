import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { archiveKey, deadLetterRecordOf } from '@sec-an/constructs/dead-letter-recorder';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { deadLetterAttributes, deadLetterMessage } from '@sec-an/runtime/sqs-handler';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { SQSRecord } from 'aws-lambda';
import { testInstance } from '../backends/index.ts';
import { toSqsRecord } from '../event-sources/index.ts';
import { repositoryRoot } from '../paths/index.ts';
import { readOptionalObject } from './archive-objects.ts';
import { redrive } from './redrive.ts';
import { markerKey, type RedriveMarker } from './redrive-markers.ts';
import type { RedriveOptions } from './redrive-options.ts';
import { skipReasons } from './redrive-result.ts';

useCleanBackends();

const stage = process.env.SEC_AN_STAGE ?? '';
const bucket = `sec-an-${stage}-shared-infra-dead-letters`;
const s3 = () => awsClient(S3Client);
const sqs = () => awsClient(SQSClient);

interface TestQueue {
  readonly url: string;
  readonly arn: string;
}

const createQueue = async (name: string, attributes: Record<string, string> = {}): Promise<TestQueue> => {
  const { QueueUrl = '' } = await sqs().send(
    new CreateQueueCommand({ QueueName: name, Attributes: attributes }),
  );
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { url: QueueUrl, arn: Attributes?.QueueArn ?? '' };
};

/** A source queue that redrives to its `-dlq` after one receive, as ServiceQueue names them. */
const createSourceQueue = async (name: string) => {
  const deadLetters = await createQueue(`${name}-dlq`);
  const source = await createQueue(name, {
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: deadLetters.arn, maxReceiveCount: 1 }),
  });
  return { source, deadLetters };
};

const receiveAll = async (queueUrl: string): Promise<Message[]> => {
  const messages: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs().send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 30,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) return messages;
    messages.push(...Messages);
  }
};

const text = (stringValue: string) => ({ DataType: 'String', StringValue: stringValue });

/** The attributes a publisher put on the original message: a string, a number and a binary one. */
const originalAttributes = (task: string) => ({
  task: text(task),
  port: { DataType: 'Number', StringValue: '443' },
  fingerprint: { DataType: 'Binary', BinaryValue: Buffer.from([0xde, 0xad, 0xbe, 0xef]) },
});

/** What a handler of `source` received: the original message, as its event source hands it over. */
const receivedRecord = (source: TestQueue, body: string, task: string): SQSRecord =>
  toSqsRecord(
    {
      MessageId: `received-${task}`,
      ReceiptHandle: 'r',
      Body: body,
      MessageAttributes: originalAttributes(task),
    },
    source.arn,
  );

/**
 * Archives a dead letter as the recorder does: the handler of `source` refuses a message and sends it with its
 * error to the dead-letter queue; the recorder receives it there and writes its record, as of `archivedAt`.
 */
const archive = async (
  queues: { source: TestQueue; deadLetters: TestQueue },
  body: string,
  task: string,
  archivedAt: string,
): Promise<string> => {
  await sqs().send(
    new SendMessageCommand(
      deadLetterMessage(
        receivedRecord(queues.source, body, task),
        new ContractViolationError('refused'),
        queues.deadLetters.url,
      ),
    ),
  );
  const [message] = await receiveAll(queues.deadLetters.url);
  if (message === undefined) throw new Error('the dead letter did not arrive');
  const record = deadLetterRecordOf(toSqsRecord(message, queues.deadLetters.arn), new Date(archivedAt));
  const key = archiveKey(record);
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(record) }));
  return key;
};

const options = (overrides: Partial<RedriveOptions> = {}): RedriveOptions => ({
  origin: { kind: 'archive' },
  window: {},
  dryRun: false,
  again: false,
  backends: { kind: 'local' },
  ...overrides,
});

const ownAttributes = (message: Message) =>
  Object.fromEntries(
    Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [
      name,
      {
        DataType: value.DataType,
        ...(value.StringValue === undefined ? {} : { StringValue: value.StringValue }),
        ...(value.BinaryValue === undefined ? {} : { BinaryValue: Buffer.from(value.BinaryValue) }),
      },
    ]),
  );

const marker = async (key: string): Promise<RedriveMarker | undefined> => {
  const text = await readOptionalObject(bucket, markerKey(key));
  return text === undefined ? undefined : (JSON.parse(text) as RedriveMarker);
};

describe('sec-an redrive against moto', () => {
  let ingest: { source: TestQueue; deadLetters: TestQueue };
  let scan: { source: TestQueue; deadLetters: TestQueue };
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    await s3().send(new CreateBucketCommand({ Bucket: bucket }));
    await awsClient(SSMClient).send(
      new PutParameterCommand({
        Name: `/sec-an/${stage}/shared-infra/dead-letter-bucket/name`,
        Value: bucket,
        Type: 'String',
      }),
    );
    ingest = await createSourceQueue('redrive-test-ingest');
    scan = await createSourceQueue('redrive-test-scan');
    keys.ingestEarly = await archive(ingest, '{"n":1}', 'ingest-early', '2026-11-20T10:00:00.000Z');
    keys.ingestLate = await archive(ingest, '{"n":2}', 'ingest-late', '2026-11-21T10:00:00.000Z');
    keys.scan = await archive(scan, '{"n":3}', 'scan', '2026-11-21T10:30:00.000Z');
  }, 30_000);

  it('sends the archived letters of one source back to it with their original body and attributes', async () => {
    const result = await redrive(options({ source: 'redrive-test-ingest' }));

    const arrived = await receiveAll(ingest.source.url);
    expect(arrived.map(({ Body }) => Body).sort()).toEqual(['{"n":1}', '{"n":2}']);
    for (const message of arrived) {
      const task = message.Body === '{"n":1}' ? 'ingest-early' : 'ingest-late';
      expect(ownAttributes(message)).toEqual(originalAttributes(task));
      for (const name of Object.values(deadLetterAttributes))
        expect(message.MessageAttributes).not.toHaveProperty(name);
    }
    expect(await receiveAll(scan.source.url)).toEqual([]);
    expect(result.matched).toBe(2);
    expect([...result.sent.keys()]).toEqual(['redrive-test-ingest']);
    const sent = result.sent.get('redrive-test-ingest') ?? [];
    expect(sent.map(({ id }) => id).sort()).toEqual([keys.ingestEarly, keys.ingestLate].sort());
    expect(sent.map(({ messageId }) => messageId).sort()).toEqual(
      arrived.map(({ MessageId }) => MessageId).sort(),
    );
    expect(await marker(keys.ingestEarly ?? '')).toEqual({
      archiveKey: keys.ingestEarly,
      redrives: [
        {
          at: expect.any(String),
          sourceQueueArn: ingest.source.arn,
          messageId: sent.find(({ id }) => id === keys.ingestEarly)?.messageId,
        },
      ],
    });
    expect(await marker(keys.scan ?? '')).toBeUndefined();
  }, 30_000);

  it('sends only the letters archived in the time window', async () => {
    const result = await redrive(
      options({
        window: { since: new Date('2026-11-21T10:15:00.000Z'), until: new Date('2026-11-22T00:00:00.000Z') },
      }),
    );

    expect((await receiveAll(scan.source.url)).map(({ Body }) => Body)).toEqual(['{"n":3}']);
    expect(await receiveAll(ingest.source.url)).toEqual([]);
    expect([...result.sent.entries()]).toEqual([
      ['redrive-test-scan', [{ id: keys.scan, messageId: expect.any(String) }]],
    ]);
    // The ingest letter of the same day is outside the window, not merely redriven before.
    expect(result.skipped.size).toBe(0);
  }, 30_000);

  it('skips what it redrove before unless told again, sends nothing in a dry run, and names what it cannot send', async () => {
    await s3().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: 'dead-letters/redrive-test-ingest-dlq/notes.json',
        Body: '{"a":',
      }),
    );
    const asyncFailure = deadLetterRecordOf(
      toSqsRecord(
        {
          MessageId: 'async-1',
          Body: JSON.stringify({
            requestContext: {
              functionArn: 'arn:aws:lambda:eu-west-2:1:function:f',
              condition: 'RetriesExhausted',
              approximateInvokeCount: 3,
            },
          }),
          Attributes: { SentTimestamp: String(Date.parse('2026-11-21T11:00:00Z')) },
        },
        'arn:aws:sqs:eu-west-2:123456789012:f-async-failures',
      ),
      new Date('2026-11-21T11:00:00.000Z'),
    );
    await s3().send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: archiveKey(asyncFailure),
        Body: JSON.stringify(asyncFailure),
      }),
    );

    const second = await redrive(options());
    expect(second.sent.size).toBe(0);
    expect([...(second.skipped.get(skipReasons.alreadyRedriven) ?? [])].sort()).toEqual(
      [keys.ingestEarly, keys.ingestLate, keys.scan].sort(),
    );
    expect(second.skipped.get(skipReasons.notARecord)).toEqual([
      'dead-letters/redrive-test-ingest-dlq/notes.json',
    ]);
    expect(second.skipped.get(skipReasons.noSourceQueue)).toEqual([archiveKey(asyncFailure)]);

    const dry = await redrive(options({ source: 'redrive-test-ingest', again: true, dryRun: true }));
    expect(dry.sent.get('redrive-test-ingest')?.length).toBe(2);
    expect(await receiveAll(ingest.source.url)).toEqual([]);
    expect((await marker(keys.ingestEarly ?? ''))?.redrives).toHaveLength(1);

    const again = await redrive(
      options({
        source: 'redrive-test-ingest',
        again: true,
        window: { until: new Date('2026-11-21T00:00:00Z') },
      }),
    );
    expect(again.sent.get('redrive-test-ingest')?.map(({ id }) => id)).toEqual([keys.ingestEarly]);
    expect((await receiveAll(ingest.source.url)).map(({ Body }) => Body)).toEqual(['{"n":1}']);
    expect((await marker(keys.ingestEarly ?? ''))?.redrives).toHaveLength(2);
  }, 30_000);

  it("moves a dead-letter queue's messages back to their source, those SQS moved as well as those a handler sent", async () => {
    await sqs().send(
      new SendMessageCommand(
        deadLetterMessage(
          receivedRecord(ingest.source, '{"n":4}', 'handler-refused'),
          new ContractViolationError('refused'),
          ingest.deadLetters.url,
        ),
      ),
    );
    // Received once without a verdict: on the next receive SQS moves it to the dead-letter queue.
    await sqs().send(
      new SendMessageCommand({
        QueueUrl: ingest.source.url,
        MessageBody: '{"n":5}',
        MessageAttributes: originalAttributes('moved'),
      }),
    );
    await sqs().send(new ReceiveMessageCommand({ QueueUrl: ingest.source.url, VisibilityTimeout: 0 }));
    expect(await receiveAll(ingest.source.url)).toEqual([]);

    const dry = await redrive(
      options({ origin: { kind: 'queue', queueName: 'redrive-test-ingest-dlq' }, dryRun: true }),
    );
    expect(dry.sent.get('redrive-test-ingest')).toHaveLength(2);
    const elsewhere = await redrive(
      options({
        origin: { kind: 'queue', queueName: 'redrive-test-ingest-dlq' },
        source: 'redrive-test-scan',
      }),
    );
    expect(elsewhere.matched).toBe(0);

    const moved = await redrive(options({ origin: { kind: 'queue', queueName: 'redrive-test-ingest-dlq' } }));

    expect(moved.sent.get('redrive-test-ingest')).toHaveLength(2);
    const arrived = await receiveAll(ingest.source.url);
    expect(arrived.map(({ Body }) => Body).sort()).toEqual(['{"n":4}', '{"n":5}']);
    expect(arrived.map(ownAttributes)).toEqual(
      expect.arrayContaining([originalAttributes('handler-refused'), originalAttributes('moved')]),
    );
    expect(await receiveAll(ingest.deadLetters.url)).toEqual([]);
  }, 30_000);

  it('runs as a command of the CLI, on the running local platform or wherever the AWS SDK is pointed', () => {
    const sec = (args: readonly string[], env: NodeJS.ProcessEnv) =>
      spawnSync(
        process.execPath,
        [join(repositoryRoot, 'shared-code/local-platform/src/cli/main.ts'), 'redrive', ...args],
        {
          encoding: 'utf8',
          timeout: 60_000,
          env,
        },
      );
    const filters = ['--source', 'redrive-test-scan', '--again', '--dry-run'];
    const withoutEndpoints = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_') && !name.startsWith('SEC_AN_')),
    );

    const local = sec(filters, { ...withoutEndpoints, SEC_AN_INSTANCE: testInstance() });
    const aws = sec([...filters, '--aws', '--stage', stage], process.env);

    for (const run of [local, aws]) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout.split('\n')).toEqual([
        `redrive from the dead-letter archive s3://${bucket}/dead-letters/ (source redrive-test-scan): dry run, nothing is sent`,
        'would send 1 letter to redrive-test-scan:',
        `  ${keys.scan}`,
        'skipped 1 letter not a valid dead-letter record:',
        '  dead-letters/redrive-test-ingest-dlq/notes.json',
        'would send 1 of 1 matching dead letter',
        '',
      ]);
    }
  }, 60_000);
});
