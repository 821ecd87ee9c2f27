import { gzipSync } from 'node:zlib';
import { CreateTableCommand, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { platformTemplates } from '@sec-an/analytics-platform/index-templates';
import { ingestResults } from '@sec-an/analytics-platform/ingest';
import { scanResultV1 } from '@sec-an/contracts/scan-result';
import { changeIndex, snapshotIndex, type TemplateDefinition } from '@sec-an/contracts/search-index';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { PermanentError } from '@sec-an/runtime/errors';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { readMessage } from '@sec-an/runtime/sns';
import { type RawObject, rawResultKey, writeRawResult } from '@sec-an/task-execution/task-runtime';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { sslTemplates } from '../document-types/index.ts';
import { TlsObservationsFormatError, tlsObservationsFile } from '../scan-task/index.ts';
import { certificatesTableKey } from './certificates-table.ts';
import { NotTlsObservationsError, publishTlsObservations } from './publish-observations.ts';
import { type FixtureName, fixtureBytes, readFixture } from './test-fixtures.ts';

const bucket = 'ssl-parser-test-raw';
const table = 'ssl-parser-test-certificates';
const settings = {
  taskName: 'ssl-scanner',
  resultsBucket: bucket,
  resultsTopicArn: '',
  certificatesTable: table,
};
let queueUrl = '';

const store = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });

const putTemplate = async (template: TemplateDefinition) => {
  if (template.kind === 'component') {
    // The component's body is a `template` object, which TemplateDefinition types loosely.
    await store().cluster.putComponentTemplate({
      name: template.name,
      body: template.body as { template: Record<string, unknown> },
    });
  } else {
    await store().indices.putIndexTemplate({ name: template.name, body: template.body });
  }
};

/** A fixture written to the lake as the scan task writes its raw object. */
const storeFixture = async (name: FixtureName, body: Uint8Array = fixtureBytes(name)): Promise<RawObject> => {
  const raw = readFixture(name);
  const requestId = raw.request.message.requestId;
  const key = rawResultKey(requestId, new Date(raw.startedAt), tlsObservationsFile(raw.target.port));
  await writeRawResult({
    bucket,
    key,
    body,
    contentType: 'application/gzip',
    metadata: { requestId, startedAt: raw.startedAt, endedAt: raw.endedAt },
  });
  return { bucket, key, size: body.length };
};

const drain = async () => {
  const { Messages = [] } = await awsClient(SQSClient).send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: 1,
      MessageAttributeNames: ['All'],
    }),
  );
  return Promise.all(
    Messages.map(async (message) => {
      const delivery = {
        body: message.Body ?? '',
        messageAttributes: Object.fromEntries(
          Object.entries(message.MessageAttributes ?? {}).map(([attribute, value]) => [
            attribute,
            { dataType: value.DataType ?? 'String', stringValue: value.StringValue },
          ]),
        ),
      };
      return (await readMessage(scanResultV1, delivery)).message;
    }),
  );
};

/** The parser's published results, ingested one at a time as the queue delivers them. */
const parseAndIngest = async (name: FixtureName) => {
  const outcome = await publishTlsObservations(await storeFixture(name), settings);
  const results = await drain();
  expect(results).toHaveLength(outcome.results);
  for (const result of results) {
    for (const ingested of await ingestResults(store(), [result])) expect(ingested.error).toBeUndefined();
  }
  await store().indices.refresh({ index: '_all' });
  return results;
};

const snapshot = async (type: string) => {
  const response = await store().search({ index: snapshotIndex('ssl-scanner', type), body: { size: 100 } });
  return (response.body.hits.hits as { _source: Record<string, unknown> }[]).map((hit) => hit._source);
};

const tableItems = async () =>
  (await awsClient(DynamoDBClient).send(new ScanCommand({ TableName: table }))).Items ?? [];

describe('publishTlsObservations (moto and OpenSearch: a raw object of a real scan to documents through the ingest)', () => {
  useCleanBackends();

  beforeAll(async () => {
    await awsClient(S3Client).send(new CreateBucketCommand({ Bucket: bucket }));
    const { TopicArn = '' } = await awsClient(SNSClient).send(
      new CreateTopicCommand({ Name: 'ssl-results' }),
    );
    settings.resultsTopicArn = TopicArn;
    const { QueueUrl = '' } = await awsClient(SQSClient).send(
      new CreateQueueCommand({ QueueName: 'ingest' }),
    );
    queueUrl = QueueUrl;
    const { Attributes } = await awsClient(SQSClient).send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    await awsClient(SNSClient).send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: Attributes?.QueueArn,
        Attributes: {
          RawMessageDelivery: 'true',
          FilterPolicy: JSON.stringify({ contract: ['scan-result'] }),
        },
      }),
    );
    await awsClient(DynamoDBClient).send(
      new CreateTableCommand({
        TableName: table,
        KeySchema: [{ AttributeName: certificatesTableKey, KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: certificatesTableKey, AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    for (const template of [...platformTemplates, ...sslTemplates]) await putTemplate(template);
  });

  it('indexes the endpoint, its names, protocols, suites, profiles and certificates; a rotation is a change and a new certificate', async () => {
    const before = readFixture('rotation-before');
    const after = readFixture('rotation-after');
    await parseAndIngest('rotation-before');
    const endpoints = await snapshot('tls-endpoint');
    expect(endpoints.map((document) => document.serverName).sort()).toEqual(['', 'rotate.example.test']);
    expect(endpoints[0]).toMatchObject({ status: 'scanned', protocols: ['TLSv1.2', 'TLSv1.3'] });
    expect((await snapshot('tls-compliance')).length).toBe(6);
    expect((await snapshot('tls-protocol')).length).toBe(12);
    expect((await snapshot('tls-cipher')).length).toBeGreaterThan(4);
    const oldLeaf = endpoints[0]?.leafFingerprint;
    expect((await snapshot('certificate')).map((document) => document.fingerprintSha256)).toContain(oldLeaf);

    await parseAndIngest('rotation-after');
    const rotated = await snapshot('tls-endpoint');
    const newLeaf = rotated[0]?.leafFingerprint;
    expect(newLeaf).not.toBe(oldLeaf);
    const changes = await store().search({
      index: changeIndex,
      body: { size: 100, query: { term: { change: 'changed' } } },
    });
    const leafChanges = (changes.body.hits.hits as { _source: Record<string, unknown> }[])
      .map((hit) => hit._source)
      .filter((change) => change.type === 'tls-endpoint' && change.field === 'leafFingerprint');
    expect(leafChanges).toHaveLength(2);
    expect(leafChanges[0]).toMatchObject({ task: 'ssl-scanner', '@timestamp': after.endedAt });
    expect(JSON.stringify(leafChanges[0])).toContain(String(oldLeaf));
    expect(JSON.stringify(leafChanges[0])).toContain(String(newLeaf));

    const certificates: Record<string, Record<string, unknown>> = Object.fromEntries(
      (await snapshot('certificate')).map((document) => [String(document.fingerprintSha256), document]),
    );
    expect(Object.keys(certificates)).toHaveLength(3);
    const endpoint = `127.0.0.1:${before.target.port}`;
    expect(certificates[String(oldLeaf)]).toMatchObject({
      firstSeen: before.endedAt,
      lastSeen: before.endedAt,
      endpoints: [endpoint],
      serverNames: ['rotate.example.test'],
    });
    expect(certificates[String(newLeaf)]).toMatchObject({
      firstSeen: after.endedAt,
      lastSeen: after.endedAt,
    });
    const intermediate = Object.values(certificates).find((document) => document.ca === true);
    expect(intermediate).toMatchObject({
      firstSeen: before.endedAt,
      lastSeen: after.endedAt,
      endpointCount: 1,
    });
    expect(await tableItems()).toHaveLength(3);
  }, 120_000);

  it('keeps the latest last seen when an older raw object is parsed again', async () => {
    const before = readFixture('rotation-before');
    const after = readFixture('rotation-after');
    await publishTlsObservations(await storeFixture('rotation-before'), settings);
    await drain();
    const intermediate = (await tableItems()).find(
      (item) => item.lastSeen?.S === after.endedAt && item.firstSeen?.S === before.endedAt,
    );
    expect(intermediate).toBeDefined();
  });

  it.each([
    [
      'a raw object that is not gzip',
      'tls-observations-443.json.gz',
      new TextEncoder().encode('{}'),
      TlsObservationsFormatError,
      'is not gzip',
    ],
    [
      'gzipped JSON that is not tls-observations v1',
      'tls-observations-443.json.gz',
      gzipSync('{"format":"nmap"}'),
      TlsObservationsFormatError,
      'is not tls-observations v1',
    ],
    [
      'an object the scan task never writes',
      'notes.txt',
      gzipSync('{}'),
      NotTlsObservationsError,
      'tls-observations-<port>.json.gz only',
    ],
  ])(
    'refuses %s, naming it, and writes neither a certificate nor a document',
    async (_, name, body, kind, says) => {
      const items = (await tableItems()).length;
      const key = `raw/2026/11/22/bad/${name}`;
      await writeRawResult({
        bucket,
        key,
        body,
        contentType: 'application/gzip',
        metadata: { requestId: 'bad', startedAt: '2026-11-22T00:00:00Z', endedAt: '2026-11-22T00:00:01Z' },
      });
      const attempt = publishTlsObservations({ bucket, key, size: body.length }, settings);
      await expect(attempt).rejects.toThrow(kind);
      await expect(attempt).rejects.toBeInstanceOf(PermanentError);
      await expect(attempt).rejects.toThrow(`s3://${bucket}/${key}`);
      await expect(attempt).rejects.toThrow(says);
      expect(await drain()).toEqual([]);
      expect(await tableItems()).toHaveLength(items);
    },
  );
});
