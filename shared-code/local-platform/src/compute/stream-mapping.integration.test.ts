import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { DeployedStreamMapping } from '../deployment/index.ts';
import { type ComputeHandle, startCompute } from './compute.ts';
import { lastHandlerErrors } from './handler-errors.ts';
import type { StreamFailureRecord } from './stream-failure-record.ts';
import {
  deploymentOf,
  eventually,
  functionArnOf,
  receivedEvents,
  recordingHandler,
  type TestWorkspace,
  testEnvironment,
  testFunction,
  testWorkspace,
  writeFunctionPackage,
} from './test-functions.ts';

const sqs = () => awsClient(SQSClient);
const dynamodb = () => awsClient(DynamoDBClient);

/** Reports as failed, by sequence number, every record whose new image has `refuse`; or throws, in `throw` mode. */
const refusingHandler = recordingHandler(`
  const refused = event.Records.filter((record) => record.dynamodb.NewImage?.refuse !== undefined);
  if (refused.length > 0 && process.env.MODE === 'throw') throw new Error('refused on purpose');
  return { batchItemFailures: refused.map((record) => ({ itemIdentifier: record.dynamodb.SequenceNumber })) };
`);

const createTable = async (name: string): Promise<string> => {
  const { TableDescription } = await dynamodb().send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  return TableDescription?.LatestStreamArn ?? '';
};

const put = (table: string, id: string, extra: Record<string, { S: string }> = {}) =>
  dynamodb().send(new PutItemCommand({ TableName: table, Item: { id: { S: id }, ...extra } }));

const createQueue = async (name: string) => {
  const { QueueUrl = '' } = await sqs().send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  return { queueUrl: QueueUrl, queueArn: Attributes?.QueueArn ?? '' };
};

const failureRecords = async (queueUrl: string, count: number): Promise<StreamFailureRecord[]> => {
  const bodies: StreamFailureRecord[] = [];
  await eventually(`${count} on-failure record(s)`, async () => {
    const { Messages = [] } = await sqs().send(
      new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1, MaxNumberOfMessages: 10 }),
    );
    bodies.push(...Messages.map(({ Body }) => JSON.parse(Body ?? '') as StreamFailureRecord));
    return bodies.length >= count ? bodies : undefined;
  });
  return bodies;
};

const mapping = (
  functionName: string,
  streamArn: string,
  overrides: Partial<DeployedStreamMapping> = {},
): DeployedStreamMapping => ({
  address: `compute-test/stack/aws_lambda_event_source_mapping.${functionName}`,
  functionName,
  streamArn,
  startingPosition: 'TRIM_HORIZON',
  batchSize: 10,
  maximumBatchingWindowSeconds: 0,
  bisectBatchOnFunctionError: true,
  maximumRetryAttempts: 1,
  maximumRecordAgeSeconds: -1,
  reportBatchItemFailures: true,
  enabled: true,
  ...overrides,
});

/** The item ids of each invocation's batch, in order. */
const batches = (file: string): string[][] =>
  receivedEvents<DynamoDBStreamEvent>(file).map(({ Records }) =>
    Records.map((record) => record.dynamodb?.Keys?.id?.S ?? ''),
  );

describe('a DynamoDB stream event source mapping run by the platform', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let compute: ComputeHandle;
  const failures: Record<string, { queueUrl: string; queueArn: string }> = {};
  const streams: Record<string, string> = {};
  const received = (name: string) => join(workspace.dir, `${name}.jsonl`);

  beforeAll(async () => {
    workspace = await testWorkspace();
    for (const name of ['reported', 'thrown']) failures[name] = await createQueue(`${name}-failures`);
    for (const table of ['reported', 'thrown', 'latest']) streams[table] = await createTable(table);
    // Written before the mappings start: TRIM_HORIZON mappings read them, a LATEST one does not.
    for (const table of ['reported', 'thrown']) {
      await put(table, 'a');
      await put(table, 'poison', { refuse: { S: 'yes' } });
      await put(table, 'b');
    }
    await put('latest', 'before');
    const archive = await writeFunctionPackage(workspace, 'consumer', refusingHandler);
    const consumer = (name: string, environment: Record<string, string> = {}) =>
      testFunction(name, archive, { environment: { RECEIVED_FILE: received(name), ...environment } });
    compute = await startCompute(
      deploymentOf({
        functions: [consumer('reported'), consumer('thrown', { MODE: 'throw' }), consumer('latest')],
        streamMappings: [
          mapping('reported', streams.reported ?? '', {
            onFailureDestinationArn: failures.reported?.queueArn ?? '',
          }),
          mapping('thrown', streams.thrown ?? '', {
            onFailureDestinationArn: failures.thrown?.queueArn ?? '',
          }),
          mapping('latest', streams.latest ?? '', { startingPosition: 'LATEST' }),
        ],
      }),
      { stateDir: workspace.stateDir, environment: testEnvironment() },
    );
  });

  afterAll(async () => {
    await compute.stop();
    await workspace.remove();
  });

  it("invokes with Lambda's event shape, then retries from the first record reported failed until it gives up on it", async () => {
    const [failure] = await failureRecords(failures.reported?.queueUrl ?? '', 1);
    expect(batches(received('reported'))).toEqual([
      ['a', 'poison', 'b'],
      ['poison', 'b'],
    ]);
    const [event] = receivedEvents<DynamoDBStreamEvent>(received('reported'));
    const [a, poison, b] = event?.Records ?? [];
    expect(a).toEqual({
      eventID: expect.stringMatching(/^[0-9a-f]{32}$/),
      eventName: 'INSERT',
      eventVersion: expect.any(String),
      eventSource: 'aws:dynamodb',
      awsRegion: streams.reported?.split(':')[3],
      eventSourceARN: streams.reported,
      dynamodb: {
        ApproximateCreationDateTime: expect.any(Number),
        Keys: { id: { S: 'a' } },
        NewImage: { id: { S: 'a' } },
        SequenceNumber: expect.stringMatching(/^\d+$/),
        SizeBytes: expect.any(Number),
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
    expect(Number.isInteger(a?.dynamodb?.ApproximateCreationDateTime)).toBe(true);
    expect(failure).toEqual({
      requestContext: {
        requestId: expect.any(String),
        functionArn: functionArnOf('reported'),
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 2,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      version: '1.0',
      timestamp: expect.any(String),
      DDBStreamBatchInfo: {
        shardId: expect.stringMatching(/^shardId-/),
        startSequenceNumber: poison?.dynamodb?.SequenceNumber,
        endSequenceNumber: b?.dynamodb?.SequenceNumber,
        approximateArrivalOfFirstRecord: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        approximateArrivalOfLastRecord: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        batchSize: 2,
        streamArn: streams.reported,
      },
    });
    expect(compute.status().reported).toMatchObject({ errors: 0, failedRecords: 4 });
  }, 30_000);

  it('bisects a batch whose invocation fails down to the bad record, and gives up on that record alone', async () => {
    const [failure] = await failureRecords(failures.thrown?.queueUrl ?? '', 1);
    const thrownBatches = await eventually('the thrown batches', () => {
      const seen = batches(received('thrown'));
      return seen.some((batch) => batch.join() === 'b') ? seen : undefined;
    });
    expect(thrownBatches).toEqual([
      ['a', 'poison', 'b'],
      ['a', 'poison'],
      ['a'],
      ['poison'],
      ['poison'],
      ['b'],
    ]);
    const [, poison] = receivedEvents<DynamoDBStreamEvent>(received('thrown'))[0]?.Records ?? [];
    expect(failure).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 4 },
      responseContext: { functionError: 'Unhandled' },
      DDBStreamBatchInfo: {
        startSequenceNumber: poison?.dynamodb?.SequenceNumber,
        endSequenceNumber: poison?.dynamodb?.SequenceNumber,
        batchSize: 1,
        streamArn: streams.thrown,
      },
    });
    expect(await lastHandlerErrors(workspace.stateDir, 20)).toContainEqual(
      expect.objectContaining({ function: 'thrown', errorMessage: 'refused on purpose' }),
    );
  }, 30_000);

  it('moves on after a record it gave up on: later changes of every kind are delivered', async () => {
    await dynamodb().send(
      new UpdateItemCommand({
        TableName: 'reported',
        Key: { id: { S: 'a' } },
        UpdateExpression: 'SET colour = :c',
        ExpressionAttributeValues: { ':c': { S: 'blue' } },
      }),
    );
    await dynamodb().send(new DeleteItemCommand({ TableName: 'reported', Key: { id: { S: 'b' } } }));
    const later = await eventually('the update and the removal', () => {
      const events = receivedEvents<DynamoDBStreamEvent>(received('reported')).slice(2);
      const records = events.flatMap(({ Records }) => Records);
      return records.length >= 2 ? records : undefined;
    });
    expect(
      later.map(({ eventName, dynamodb }) => [eventName, dynamodb?.NewImage, dynamodb?.OldImage]),
    ).toEqual([
      ['MODIFY', { id: { S: 'a' }, colour: { S: 'blue' } }, { id: { S: 'a' } }],
      ['REMOVE', undefined, { id: { S: 'b' } }],
    ]);
  }, 30_000);

  it('starts a LATEST mapping at the end of the stream', async () => {
    await put('latest', 'after');
    const seen = await eventually('the record written after the start', () => {
      const ids = batches(received('latest')).flat();
      return ids.length > 0 ? ids : undefined;
    });
    expect(seen).toEqual(['after']);
  }, 30_000);

  it('delivers one INSERT for an UpdateItem that creates an item, as DynamoDB records it (moto records two)', async () => {
    await dynamodb().send(
      new UpdateItemCommand({
        TableName: 'latest',
        Key: { id: { S: 'created-by-update' } },
        UpdateExpression: 'SET colour = :c',
        ExpressionAttributeValues: { ':c': { S: 'green' } },
      }),
    );
    await put('latest', 'marker');
    const records = await eventually('the created item and the marker', () => {
      const all = receivedEvents<DynamoDBStreamEvent>(received('latest')).flatMap(({ Records }) => Records);
      return all.some((record) => record.dynamodb?.Keys?.id?.S === 'marker') ? all : undefined;
    });
    expect(
      records
        .filter((record) => record.dynamodb?.Keys?.id?.S === 'created-by-update')
        .map(({ eventName, dynamodb }) => [eventName, dynamodb?.NewImage]),
    ).toEqual([['INSERT', { id: { S: 'created-by-update' }, colour: { S: 'green' } }]]);
  }, 30_000);
});
