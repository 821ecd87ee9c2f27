import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { CreateQueueCommand, type Message, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { entityKey } from '@sec-an/contracts/entity-key';
import { type ScanResult, scanResultV1 } from '@sec-an/contracts/scan-result';
import { localLambdaContext, toDynamoDbStreamEvent } from '@sec-an/local-platform/event-sources';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { parameterName } from '@sec-an/runtime/parameters';
import { fromReceivedMessage, readMessage } from '@sec-an/runtime/sns';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ingestQueueUrlParameter } from './ingest-queue.ts';
import { syncSettingsVariable } from './sync-settings.ts';
import { hostSettings } from './test-records.ts';

const dynamodb = () => awsClient(DynamoDBClient);
const sqs = () => awsClient(SQSClient);
const table = 'dns-hosts';
// 2026-11-21T10:00:00Z and an hour later, in epoch seconds.
const tenOClock = 1_795_255_200;
const elevenOClock = tenOClock + 3600;

/** Every record the table's stream holds, as GetRecords returns them. */
const streamEvent = async (streamArn: string): Promise<DynamoDBStreamEvent> => {
  const streams = awsClient(DynamoDBStreamsClient);
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({
      StreamArn: streamArn,
      ShardId: StreamDescription?.Shards?.[0]?.ShardId,
      ShardIteratorType: 'TRIM_HORIZON',
    }),
  );
  const { Records = [] } = await streams.send(new GetRecordsCommand({ ShardIterator }));
  return toDynamoDbStreamEvent(Records, streamArn);
};

const drain = async (queueUrl: string): Promise<Message[]> => {
  const messages: Message[] = [];
  for (;;) {
    const { Messages = [] } = await sqs().send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 600,
        MessageAttributeNames: ['All'],
      }),
    );
    if (Messages.length === 0) return messages;
    messages.push(...Messages);
  }
};

describe('the DynamoDB sync handler on a real table stream (moto)', () => {
  useCleanBackends();
  let event: DynamoDBStreamEvent;
  let queueUrl: string;
  let sync: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  const saved = process.env[syncSettingsVariable];

  beforeAll(async () => {
    ({ QueueUrl: queueUrl = '' } = await sqs().send(new CreateQueueCommand({ QueueName: 'ingest' })));
    await awsClient(SSMClient).send(
      new PutParameterCommand({
        Name: parameterName(ingestQueueUrlParameter),
        Value: queueUrl,
        Type: 'String',
      }),
    );
    const { TableDescription } = await dynamodb().send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'Host', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'Host', AttributeType: 'S' }],
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    const put = (item: Record<string, unknown>) =>
      dynamodb().send(new PutItemCommand({ TableName: table, Item: marshall(item) }));
    await put({
      Host: 'www.example.org',
      Addresses: new Set(['192.0.2.1', '192.0.2.2']),
      DnsIngestTime: tenOClock,
    });
    await dynamodb().send(
      new UpdateItemCommand({
        TableName: table,
        Key: marshall({ Host: 'www.example.org' }),
        UpdateExpression: 'SET Addresses = :addresses, DnsIngestTime = :time',
        ExpressionAttributeValues: marshall({
          ':addresses': new Set(['192.0.2.2', '192.0.2.3']),
          ':time': elevenOClock,
        }),
      }),
    );
    await put({ Host: 'no-time.example.org', Addresses: new Set(['192.0.2.9']) });
    await dynamodb().send(
      new DeleteItemCommand({ TableName: table, Key: marshall({ Host: 'www.example.org' }) }),
    );
    event = await streamEvent(TableDescription?.LatestStreamArn ?? '');
    process.env[syncSettingsVariable] = JSON.stringify(hostSettings);
    const { handler } = await import('../handlers/dynamodb-sync.ts');
    const context = localLambdaContext({
      functionName: 'dns-hosts-sync',
      region: 'eu-west-2',
      accountId: '123456789012',
      timeoutMs: 30_000,
    });
    sync = (batch) => handler(batch, context) as Promise<DynamoDBBatchResponse>;
  });

  afterAll(() => {
    if (saved === undefined) delete process.env[syncSettingsVariable];
    else process.env[syncSettingsVariable] = saved;
  });

  it('sends one valid scan result per change and names the record it cannot sync by its sequence number', async () => {
    expect(event.Records.map(({ eventName }) => eventName)).toEqual(['INSERT', 'MODIFY', 'INSERT', 'REMOVE']);
    const response = await sync(event);
    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: event.Records[2]?.dynamodb?.SequenceNumber }],
    });
    const messages = await drain(queueUrl);
    const results = await Promise.all(
      messages.map(
        async (message) => (await readMessage(scanResultV1, fromReceivedMessage(message))).message,
      ),
    );
    const byScanId = new Map<string, ScanResult>(results.map((result) => [result.scanId, result]));
    const [inserted, modified, , removed] = event.Records.map(({ eventID }) =>
      byScanId.get(`dns-hosts/${eventID}`),
    );
    expect(results).toHaveLength(3);
    const key = entityKey({ Host: 'www.example.org' });
    expect(inserted).toMatchObject({
      endedAt: '2026-11-21T10:00:00.000Z',
      subject: { key, label: 'www.example.org' },
      documents: {
        host: [
          {
            key,
            fields: {
              Addresses: ['192.0.2.1', '192.0.2.2'],
              AddressesAdded: ['192.0.2.1', '192.0.2.2'],
              AddressesRemoved: [],
              DnsIngestTime: '2026-11-21T10:00:00.000Z',
            },
          },
        ],
      },
    });
    expect(modified?.documents.host?.[0]?.fields).toEqual({
      Host: 'www.example.org',
      Addresses: ['192.0.2.2', '192.0.2.3'],
      AddressesAdded: ['192.0.2.3'],
      AddressesRemoved: ['192.0.2.1'],
      DnsIngestTime: '2026-11-21T11:00:00.000Z',
    });
    expect(modified?.endedAt).toBe('2026-11-21T11:00:00.000Z');
    expect(removed).toMatchObject({ subject: { key }, documents: {}, coverage: 'complete' });
    expect(Date.parse(removed?.endedAt ?? '')).toBeGreaterThan(Date.parse(modified?.endedAt ?? ''));
    expect(messages[0]?.MessageAttributes?.task?.StringValue).toBe('dns-hosts');
  });

  it('sends the very same messages when the batch is retried', async () => {
    await drain(queueUrl);
    await sync(event);
    const first = (await drain(queueUrl)).map(({ Body }) => Body).sort();
    await sync(event);
    const second = (await drain(queueUrl)).map(({ Body }) => Body).sort();
    expect(second).toEqual(first);
    expect(first).toHaveLength(3);
  });
});
