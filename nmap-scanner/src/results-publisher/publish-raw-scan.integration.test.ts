import { readFileSync } from 'node:fs';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { portFindingV1 } from '@sec-an/contracts/port-finding';
import { scanResultV1 } from '@sec-an/contracts/scan-result';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { PermanentError } from '@sec-an/runtime/errors';
import { parameterName } from '@sec-an/runtime/parameters';
import { readMessage } from '@sec-an/runtime/sns';
import { addressesTableNameParameter, type ParserSettings } from '@sec-an/task-execution/task-runtime';
import { useCleanBackends } from '@sec-an/testing/backends';
import { rawMetadataFile, rawXmlFile } from '../nmap-run/index.ts';
import { MalformedXmlError, NotNmapXmlError } from '../results-parser/index.ts';
import { fixtureMetadata, fixtureXmlPath } from '../results-parser/test-fixtures.ts';
import { publishRawScan } from './publish-raw-scan.ts';
import { NotARawScanError, RawMetadataError } from './raw-scan-files.ts';

const bucket = 'nmap-publisher-test-raw';
const table = 'nmap-publisher-test-addresses';
const settings: ParserSettings = { taskName: 'nmap-scanner', resultsBucket: bucket, resultsTopicArn: '' };
const queues: Record<string, string> = {};

const put = (key: string, body: Uint8Array | string, requestId: string) =>
  awsClient(S3Client).send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      Metadata: {
        'request-id': requestId,
        'started-at': '2026-11-21T10:00:00Z',
        'ended-at': '2026-11-21T10:01:00Z',
      },
    }),
  );

/** A fixture scan stored as the entrypoint stores one, under `prefix`. */
const storeFixture = async (
  prefix: string,
  xml: Uint8Array = readFileSync(fixtureXmlPath('ipv4-services')),
) => {
  const metadata = fixtureMetadata('ipv4-services');
  await put(`${prefix}/${rawMetadataFile}`, JSON.stringify(metadata), metadata.requestId);
  await put(`${prefix}/${rawXmlFile}`, xml, metadata.requestId);
  return { bucket, key: `${prefix}/${rawXmlFile}`, size: xml.length };
};

const drain = async (name: string) => {
  const { Messages = [] } = await awsClient(SQSClient).send(
    new ReceiveMessageCommand({
      QueueUrl: queues[name],
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      MessageAttributeNames: ['All'],
    }),
  );
  return Messages.map((message) => ({
    body: message.Body ?? '',
    messageAttributes: Object.fromEntries(
      Object.entries(message.MessageAttributes ?? {}).map(([attribute, value]) => [
        attribute,
        { dataType: value.DataType ?? 'String', stringValue: value.StringValue },
      ]),
    ),
  }));
};

/** Subscribes a queue to the topic as the stacks do: raw delivery, filtered on message attributes. */
const subscribedQueue = async (topicArn: string, name: string, filterPolicy: object) => {
  const { QueueUrl = '' } = await awsClient(SQSClient).send(new CreateQueueCommand({ QueueName: name }));
  const { Attributes } = await awsClient(SQSClient).send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await awsClient(SNSClient).send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'sqs',
      Endpoint: Attributes?.QueueArn,
      Attributes: {
        RawMessageDelivery: 'true',
        FilterPolicy: JSON.stringify(filterPolicy),
        FilterPolicyScope: 'MessageAttributes',
      },
    }),
  );
  queues[name] = QueueUrl;
};

describe('publishRawScan (moto: a real fixture scan from the lake to the results topic)', () => {
  useCleanBackends();

  beforeAll(async () => {
    await awsClient(S3Client).send(new CreateBucketCommand({ Bucket: bucket }));
    const { TopicArn = '' } = await awsClient(SNSClient).send(
      new CreateTopicCommand({ Name: 'nmap-results' }),
    );
    Object.assign(settings, { resultsTopicArn: TopicArn });
    await subscribedQueue(TopicArn, 'ingest', { contract: ['scan-result'] });
    await subscribedQueue(TopicArn, 'tls-scanner', { contract: ['port-finding'], tls: ['true'] });
    await awsClient(DynamoDBClient).send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: 'address', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'address', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await awsClient(SSMClient).send(
      new PutParameterCommand({
        Name: parameterName(addressesTableNameParameter),
        Value: table,
        Type: 'String',
      }),
    );
    await awsClient(DynamoDBClient).send(
      new PutItemCommand({ TableName: table, Item: { address: { S: '127.61.0.1' } } }),
    );
  });

  it("publishes each host's result to the ingest, each TLS port's finding to a tls filter, and records the scans", async () => {
    const object = await storeFixture('raw/2026/11/21/good');

    const outcome = await publishRawScan(object, settings);

    expect(outcome).toEqual({
      kind: 'published',
      object: `s3://${bucket}/raw/2026/11/21/good/nmap.xml.gz`,
      results: 4,
      portFindings: 4,
      lastScans: {
        '127.61.0.1': 'recorded',
        '127.61.0.2': 'address-unknown',
        '127.61.0.3': 'address-unknown',
        '127.0.0.1': 'address-unknown',
      },
    });
    const results = await Promise.all(
      (await drain('ingest')).map((message) => readMessage(scanResultV1, message)),
    );
    expect(results.map(({ message }) => message.subject.label).sort()).toEqual([
      '127.0.0.1',
      '127.61.0.1',
      '127.61.0.2',
      '127.61.0.3',
    ]);
    for (const { message } of results) expect(message.raw).toEqual({ bucket, key: object.key });
    const findings = await Promise.all(
      (await drain('tls-scanner')).map((message) => readMessage(portFindingV1, message)),
    );
    expect(findings.map(({ message }) => `${message.address}:${message.port}`).sort()).toEqual([
      '127.61.0.1:47443',
      '127.61.0.2:47444',
    ]);
    expect(findings[0]?.message).toMatchObject({
      tls: true,
      task: 'nmap-scanner',
      raw: { bucket, key: object.key },
    });
    const { Item } = await awsClient(DynamoDBClient).send(
      new GetItemCommand({ TableName: table, Key: { address: { S: '127.61.0.1' } } }),
    );
    expect(Item?.lastScanTask).toEqual({ S: 'nmap-scanner' });
  }, 60_000);

  it('does nothing for the metadata, whose XML event follows', async () => {
    const object = await storeFixture('raw/2026/11/21/metadata');
    const outcome = await publishRawScan(
      { ...object, key: object.key.replace(rawXmlFile, rawMetadataFile) },
      settings,
    );
    expect(outcome.kind).toBe('metadata-only');
    expect(await drain('ingest')).toEqual([]);
  });

  it.each([
    [
      'an object that is not a scan file',
      'raw/2026/11/21/odd/notes.txt',
      undefined,
      NotARawScanError,
      'is not a file of a raw nmap scan',
    ],
    [
      'a raw object that is not gzip',
      'raw/2026/11/21/plain',
      new TextEncoder().encode('<html></html>'),
      NotNmapXmlError,
      'is not gzip',
    ],
    [
      'a raw object that is not nmap XML',
      'raw/2026/11/21/other',
      new Uint8Array(Buffer.from('H4sIAAAAAAAAA7PJyy/JyMxL17fjAgDTJEmoCwAAAA==', 'base64')),
      NotNmapXmlError,
      '',
    ],
  ])('refuses %s, naming it, and publishes nothing', async (_, where, xml, kind, says) => {
    const object = xml === undefined ? { bucket, key: where, size: 1 } : await storeFixture(where, xml);
    const attempt = publishRawScan(object, settings);
    await expect(attempt).rejects.toThrow(kind);
    await expect(attempt).rejects.toThrow(`s3://${bucket}/${object.key}`);
    await expect(attempt).rejects.toThrow(says);
    await expect(attempt).rejects.toBeInstanceOf(PermanentError);
    expect(await drain('ingest')).toEqual([]);
  });

  it('publishes nothing of a document that breaks XML after its first host', async () => {
    const xml = readFileSync(fixtureXmlPath('ipv4-services'));
    const { gunzipSync, gzipSync } = await import('node:zlib');
    const text = gunzipSync(xml).toString();
    const broken = text.replace('</host>', '</host><host><status state="up"></host>');
    const object = await storeFixture('raw/2026/11/21/broken', gzipSync(broken));
    await expect(publishRawScan(object, settings)).rejects.toThrow(MalformedXmlError);
    expect(await drain('ingest')).toEqual([]);
    expect(await drain('tls-scanner')).toEqual([]);
  });

  it('refuses a scan whose metadata is missing', async () => {
    const xml = readFileSync(fixtureXmlPath('ipv4-services'));
    await put('raw/2026/11/21/lonely/nmap.xml.gz', xml, fixtureMetadata('ipv4-services').requestId);
    const attempt = publishRawScan(
      { bucket, key: 'raw/2026/11/21/lonely/nmap.xml.gz', size: xml.length },
      settings,
    );
    await expect(attempt).rejects.toThrow(RawMetadataError);
    await expect(attempt).rejects.toThrow('raw/2026/11/21/lonely/metadata.json does not exist');
  });
});
