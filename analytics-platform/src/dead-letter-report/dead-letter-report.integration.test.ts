import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target/index.js';
import { SqsQueue } from '@cdktf/provider-aws/lib/sqs-queue/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publishParameter } from '@sec-an/constructs/parameters';
import { ServiceStack } from '@sec-an/constructs/service-stack';
import { ContractViolationError } from '@sec-an/contracts/contract';
import { deadLetterIndex } from '@sec-an/contracts/search-index';
import { backendsEnvironment } from '@sec-an/local-platform/backends';
import { type ComputeHandle, startCompute } from '@sec-an/local-platform/compute';
import { repositoryRoot } from '@sec-an/local-platform/paths';
import { findFreePort } from '@sec-an/local-platform/ports';
import {
  type AppliedResource,
  provision,
  publishedValue,
  synthesizeStacks,
} from '@sec-an/local-platform/provisioning';
import { allStacks, projectAt, synthesizeAll } from '@sec-an/local-platform/synth';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { DependencyUnavailableError } from '@sec-an/runtime/errors';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { deadLetterMessage } from '@sec-an/runtime/sqs-handler';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import type { SQSRecord } from 'aws-lambda';
import { deadLetterTemplate } from '../index-templates/index.ts';
import { DeadLetterReportStack } from '../stacks/dead-letter-report-stack.ts';
import type { DeadLetterDocument } from './dead-letter-document.ts';
import { deadLetterDocumentId } from './document-id.ts';
import { reportDeadLetter } from './report-dead-letter.ts';

const stage = 'test';
const archivedRule = `sec-an-${stage}-analytics-platform-dead-letter-archived`;
const capturedEventsQueue = 'captured-archive-events';
const sqs = () => awsClient(SQSClient);
const search = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });

const eventually = async <T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const documentWith = async (id: string): Promise<DeadLetterDocument | undefined> => {
  const response = await search().get({ index: deadLetterIndex, id }, { ignore: [404] });
  const body = response.body as { found?: boolean; _source?: DeadLetterDocument };
  return body.found === true ? body._source : undefined;
};

const documentsWhere = async (field: string, value: string) => {
  await search().indices.refresh({ index: deadLetterIndex });
  const response = await search().search({
    index: deadLetterIndex,
    body: { query: { term: { [field]: value } } },
  });
  return response.body.hits.hits.map((hit) => ({ id: hit._id, source: hit._source as DeadLetterDocument }));
};

const queueDepth = async (queueUrl: string): Promise<number> => {
  const { Attributes = {} } = await sqs().send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(Attributes.ApproximateNumberOfMessages) + Number(Attributes.ApproximateNumberOfMessagesNotVisible)
  );
};

/** A record of the reporter's own queue, as a handler that refused it hands it to the dead-letter queue. */
const refusedRecord = (queueArn: string): SQSRecord => ({
  messageId: 'original-message',
  receiptHandle: 'r',
  body: JSON.stringify({ contract: 'scan-result', version: 1, task: 'probe' }),
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: String(Date.now()),
    SenderId: 's',
    ApproximateFirstReceiveTimestamp: String(Date.now()),
  },
  messageAttributes: {
    task: { dataType: 'String', stringValue: 'probe', stringListValues: [], binaryListValues: [] },
  },
  md5OfBody: '',
  eventSource: 'aws:sqs',
  eventSourceARN: queueArn,
  awsRegion: 'eu-west-2',
});

/**
 * shared-infra's real stacks and the reporter's stack, provisioned to moto and run by the local compute step: the
 * recorder archives, S3 tells EventBridge, the rule feeds the reporter's queue, the reporter indexes.
 */
describe('the dead-letter reporter on the local platform', () => {
  useCleanBackends();
  let workspace: string;
  let compute: ComputeHandle;
  let resources: Record<string, AppliedResource>;
  let bucket: string;
  let capturedEvents: string;

  const reportQueue = (suffix: '' | '-dlq') =>
    Object.entries(resources).find(
      ([address, resource]) =>
        address.startsWith('analytics-platform/dead-letter-report/aws_sqs_queue.') &&
        resource.attributes.name === `sec-an-${stage}-analytics-platform-dead-letter-report-queue${suffix}`,
    )?.[1].attributes as { url: string; arn: string };

  beforeAll(async () => {
    workspace = await mkdtemp(join(tmpdir(), 'sec-an-dead-letter-report-'));
    await search().indices.putIndexTemplate({
      name: deadLetterTemplate.name,
      body: deadLetterTemplate.body as never,
    });
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
      new DeadLetterReportStack(app, 'dead-letter-report', { stage });
      // A second target of the reporter's rule keeps a copy of each event, to hand the reporter again.
      const capture = new ServiceStack(app, 'capture', { project: 'event-capture', stage });
      const copies = new SqsQueue(capture, 'copies', { name: capturedEventsQueue });
      new CloudwatchEventTarget(capture, 'archived-copies', { rule: archivedRule, arn: copies.arn });
    });
    const provisioned = await provision([...allStacks(sharedInfra), ...stacks]);
    resources = provisioned.resources;
    bucket = publishedValue(resources, `/sec-an/${stage}/shared-infra/dead-letter-bucket/name`);
    capturedEvents = String(resources['event-capture/capture/aws_sqs_queue.copies']?.attributes.url);
    compute = await startCompute(provisioned.deployment, {
      stateDir: join(workspace, 'state'),
      environment: backendsEnvironment(testBackends()),
    });
  }, 240_000);

  afterAll(async () => {
    await compute?.stop();
    await rm(workspace, { recursive: true, force: true });
  });

  it('indexes what the recorder archives from a dead-letter queue', async () => {
    const { url: deadLetterUrl } = reportQueue('-dlq');
    const { arn: sourceArn } = reportQueue('');
    const sent = await sqs().send(
      new SendMessageCommand(
        deadLetterMessage(
          refusedRecord(sourceArn),
          new ContractViolationError('no such task'),
          deadLetterUrl,
        ),
      ),
    );

    const [found] = await eventually('the document of the archived dead letter', async () => {
      const hits = await documentsWhere('messageId', sent.MessageId ?? '');
      return hits.length > 0 ? hits : undefined;
    });

    expect(found?.source).toEqual({
      '@timestamp': expect.any(String),
      messageId: sent.MessageId,
      reason: 'handler-dead-lettered',
      deadLetterQueue: `sec-an-${stage}-analytics-platform-dead-letter-report-queue-dlq`,
      sourceQueue: `sec-an-${stage}-analytics-platform-dead-letter-report-queue`,
      contract: 'scan-result',
      contractVersion: 1,
      error: { name: 'ContractViolationError', message: 'no such task' },
      receiveCount: 1,
      sentAt: expect.any(String),
      archivedAt: found?.source['@timestamp'],
      size: expect.any(Number),
      object: {
        bucket,
        key: expect.stringMatching(
          new RegExp(
            `^dead-letters/sec-an-${stage}-analytics-platform-dead-letter-report-queue-dlq/\\d{4}/\\d{2}/\\d{2}/${sent.MessageId}\\.json$`,
          ),
        ),
      },
    });
    expect(found?.id).toBe(deadLetterDocumentId(found?.source.object ?? { bucket: '', key: '' }));
  }, 90_000);

  it('reports a hand-written, truncated object under dead-letters/ with why, and nothing outside it', async () => {
    const key = `dead-letters/sec-an-${stage}-elsewhere-dlq/2026/11/21/hand-written.json`;
    const s3 = awsClient(S3Client);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes/hand-written.json', Body: '{"a":' }));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: '{"messageId": "hand-wri' }));

    const document = await eventually('the document of the truncated object', () =>
      documentWith(deadLetterDocumentId({ bucket, key })),
    );

    expect(document).toEqual({
      '@timestamp': expect.any(String),
      messageId: 'hand-written',
      deadLetterQueue: `sec-an-${stage}-elsewhere-dlq`,
      size: 23,
      object: { bucket, key },
      archiveError: expect.stringMatching(/^the object is not JSON: /),
    });
    await eventually('the reporter queue to drain', async () =>
      (await queueDepth(reportQueue('').url)) === 0 ? true : undefined,
    );
    expect(await documentsWhere('object.key', 'notes/hand-written.json')).toEqual([]);
    expect(await queueDepth(reportQueue('-dlq').url)).toBe(0);
  }, 90_000);

  it('changes nothing when an event comes again, and defers it while the store is unreachable', async () => {
    const { Messages = [] } = await sqs().send(
      new ReceiveMessageCommand({ QueueUrl: capturedEvents, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    const event = Messages.map(({ Body }) => Body ?? '').find((body) => body.includes('hand-written.json'));
    if (event === undefined) throw new Error('no event of the hand-written object was captured');
    const key = `dead-letters/sec-an-${stage}-elsewhere-dlq/2026/11/21/hand-written.json`;
    const id = deadLetterDocumentId({ bucket, key });
    const before = await documentWith(id);
    const countBefore = (await documentsWhere('object.bucket', bucket)).length;

    const again = await reportDeadLetter(event, search());

    expect(again).toMatchObject({ id, outcome: 'indexed' });
    expect(await documentWith(id)).toEqual(before);
    expect((await documentsWhere('object.bucket', bucket)).length).toBe(countBefore);

    const unreachable = openSearchClient({
      endpoint: `http://127.0.0.1:${await findFreePort()}`,
      auth: 'none',
    });
    await expect(reportDeadLetter(event, unreachable)).rejects.toBeInstanceOf(DependencyUnavailableError);
  }, 60_000);
});
