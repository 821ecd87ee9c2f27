import { randomUUID, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { portFindingV1Example } from '@sec-an/contracts/port-finding';
import { scanRequestV1Example } from '@sec-an/contracts/scan-request';
import { tlsScanRequestV1Example } from '@sec-an/contracts/tls-scan-request';
import { pollQueueOnce } from '@sec-an/local-platform/event-sources';
import { loopback } from '@sec-an/local-platform/ports';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { type ParameterAddress, parameterName } from '@sec-an/runtime/parameters';
import { scanScopeParameter } from '@sec-an/runtime/scan-scope';
import { deadLetterAttributes } from '@sec-an/runtime/sqs-handler';
import { addressesTable } from '@sec-an/task-execution/tables';
import { addressesTableNameParameter, readRawResult } from '@sec-an/task-execution/task-runtime';
import { useCleanBackends } from '@sec-an/testing/backends';
import { handler } from '../handlers/tls-scan.ts';
import {
  closedPort,
  type RunningServer,
  selfSignedCertificate,
  startOpenSslServer,
} from '../test-servers/index.ts';
import { handleTlsScanRecord } from './handle-record.ts';
import { decodeTlsObservations, type TlsObservations } from './tls-observations.ts';

const bucket = 'ssl-scanner-task-test-raw';
const addressesTableName = 'ssl-scanner-task-test-addresses';
/** In the loopback range but outside the scope, which allows 127.0.0.1 only. */
const outOfScopeAddress = '127.0.0.2';
const workDir = mkdtempSync(join(tmpdir(), 'sec-an-ssl-task-'));

const putParameter = (address: Omit<ParameterAddress, 'app' | 'stage'>, value: string) =>
  awsClient(SSMClient).send(
    new PutParameterCommand({ Name: parameterName(address), Value: value, Type: 'String', Overwrite: true }),
  );

const portFinding = (address: string, port: number, hosts: string[]) => ({
  ...portFindingV1Example,
  requestId: randomUUID(),
  address,
  port,
  hosts,
});

/** What the function gets from its queue: the message as raw delivery puts it in the body. */
const handled = (message: object) =>
  handleTlsScanRecord(
    { body: JSON.stringify(message) },
    { remainingTimeMs: 120_000, environment: { SEC_AN_RESULTS_BUCKET: bucket } },
  );

/** The raw object as the parser will read it: through the task runtime, then the format's own decoder. */
const rawObject = async (key: string) => {
  const raw = await readRawResult({ bucket, key, size: 0 });
  return { metadata: raw.metadata, observations: decodeTlsObservations(raw.body, key) };
};

const scansOf = (observations: TlsObservations) =>
  observations.observations.map(({ serverName, status }) => ({ serverName, status }));

let server: RunningServer | undefined;
let certificateDer: Uint8Array = new Uint8Array();
let connectionsOutOfScope = 0;
const watcher: Server = createServer((socket) => {
  connectionsOutOfScope += 1;
  socket.destroy();
});
let watchedPort = 0;

describe('the TLS scan task against openssl s_server (moto)', () => {
  useCleanBackends();

  beforeAll(async () => {
    process.env.POWERTOOLS_PARAMETERS_MAX_AGE = '0';
    const keyPair = await selfSignedCertificate(workDir, 'served', 'tls.test');
    certificateDer = new Uint8Array(new X509Certificate(readFileSync(keyPair.certificate)).raw);
    server = await startOpenSslServer({ keyPair, protocols: ['-no_ssl3', '-no_tls1', '-no_tls1_1'] });
    watchedPort = await new Promise((resolve) =>
      watcher.listen(0, outOfScopeAddress, () => resolve((watcher.address() as { port: number }).port)),
    );
    await awsClient(S3Client).send(new CreateBucketCommand({ Bucket: bucket }));
    await putParameter(
      scanScopeParameter,
      JSON.stringify({
        allow: { cidrs: [`${loopback}/32`], suffixes: [] },
        deny: { cidrs: [], suffixes: [] },
      }),
    );
    await putParameter(addressesTableNameParameter, addressesTableName);
    await awsClient(DynamoDBClient).send(
      new CreateTableCommand({
        TableName: addressesTableName,
        KeySchema: [{ AttributeName: addressesTable.hashKey, KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: addressesTable.hashKey, AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await awsClient(DynamoDBClient).send(
      new PutItemCommand({
        TableName: addressesTableName,
        Item: { address: { S: loopback }, hosts: { SS: ['inventory.tls.test', 'tls.test'] } },
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
    await new Promise((resolve) => watcher.close(resolve));
    rmSync(workDir, { recursive: true, force: true });
  });

  it('writes one raw object for a port finding: the scan without SNI and one per host name', async () => {
    const finding = portFinding(loopback, server?.port ?? 0, ['www.tls.test', 'tls.test', 'TLS.test']);
    const stored = await handled(finding);

    expect(stored.key).toMatch(
      new RegExp(
        `^raw/\\d{4}/\\d{2}/\\d{2}/${finding.requestId}/tls-observations-${finding.port}\\.json\\.gz$`,
      ),
    );
    const { metadata, observations } = await rawObject(stored.key);
    expect(metadata).toEqual({
      requestId: finding.requestId,
      startedAt: observations.startedAt,
      endedAt: observations.endedAt,
    });
    expect(observations).toMatchObject({
      format: 'tls-observations',
      version: 1,
      scanner: { name: 'ssl-scanner' },
      request: { contract: 'port-finding', message: finding },
      target: { address: loopback, port: finding.port },
      names: { scanned: ['tls.test', 'www.tls.test'], omitted: [], fromInventory: [] },
      scope: { inScope: true, reason: `address is in allow CIDR ${loopback}/32` },
    });
    expect(scansOf(observations)).toEqual([
      { serverName: undefined, status: 'scanned' },
      { serverName: 'tls.test', status: 'scanned' },
      { serverName: 'www.tls.test', status: 'scanned' },
    ]);
    for (const observation of observations.observations) {
      const offered = observation.protocols.filter((protocol) => protocol.offered);
      expect(offered.map((protocol) => protocol.version)).toEqual(['TLSv1.2', 'TLSv1.3']);
      // The first bytes of each kept flight are a TLS handshake record of the protocol's record version.
      for (const protocol of offered) {
        expect(Buffer.from(protocol.serverFlight ?? '', 'base64').subarray(0, 2)).toEqual(
          Buffer.from([0x16, 0x03]),
        );
      }
      expect(observation.certificates).toEqual([Buffer.from(certificateDer).toString('base64')]);
    }
  }, 120_000);

  it('adds the inventory names of the address to the names of a direct request', async () => {
    const request = {
      ...tlsScanRequestV1Example,
      requestId: randomUUID(),
      target: { address: loopback, port: server?.port ?? 0, hosts: ['tls.test'] },
    };
    const { observations } = await rawObject((await handled(request)).key);
    expect(observations.names).toMatchObject({
      scanned: ['inventory.tls.test', 'tls.test'],
      fromInventory: ['inventory.tls.test'],
    });
    expect(scansOf(observations).map(({ serverName }) => serverName)).toEqual([
      undefined,
      'inventory.tls.test',
      'tls.test',
    ]);
  }, 120_000);

  it('records an out-of-scope address with the reason and never connects to it', async () => {
    const finding = portFinding(outOfScopeAddress, watchedPort, ['tls.test']);
    const { observations } = await rawObject((await handled(finding)).key);

    const reason = 'no allow CIDR contains the address and no host is under an allow suffix';
    expect(observations.scope).toEqual({ inScope: false, reason });
    expect(observations.observations).toEqual([
      { status: 'out-of-scope', detail: reason, elapsedMs: 0, protocols: [], certificates: [] },
      {
        serverName: 'tls.test',
        status: 'out-of-scope',
        detail: reason,
        elapsedMs: 0,
        protocols: [],
        certificates: [],
      },
    ]);
    expect(connectionsOutOfScope).toBe(0);
  });

  it('records a closed port of an address without names as one scan, refused within a second', async () => {
    const finding = portFinding(loopback, await closedPort(), []);
    const { observations } = await rawObject((await handled(finding)).key);
    expect(observations.observations).toEqual([
      expect.objectContaining({ status: 'refused', detail: 'ECONNREFUSED', protocols: [], certificates: [] }),
    ]);
    expect(observations.observations[0]?.elapsedMs).toBeLessThan(1_000);
  });
});

const sqs = () => awsClient(SQSClient);

const queueWithDeadLetters = async (name: string) => {
  const deadLetterQueueUrl =
    (await sqs().send(new CreateQueueCommand({ QueueName: `${name}-dlq` }))).QueueUrl ?? '';
  const { Attributes } = await sqs().send(
    new GetQueueAttributesCommand({ QueueUrl: deadLetterQueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueUrl =
    (
      await sqs().send(
        new CreateQueueCommand({
          QueueName: name,
          Attributes: {
            RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: 3 }),
          },
        }),
      )
    ).QueueUrl ?? '';
  return { queueUrl, deadLetterQueueUrl };
};

const received = async (queueUrl: string): Promise<Message[]> =>
  (
    await sqs().send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
      }),
    )
  ).Messages ?? [];

const errorOf = (message: Message) =>
  `${message.MessageAttributes?.[deadLetterAttributes.errorName]?.StringValue}: ${message.MessageAttributes?.[deadLetterAttributes.errorMessage]?.StringValue}`;

describe('the tls-scan handler on a queue (moto)', () => {
  it('dead-letters a body that is not JSON, another contract and an endpoint it cannot scan, each with its error', async () => {
    const { queueUrl, deadLetterQueueUrl } = await queueWithDeadLetters('tls-scan-bad-input');
    const bodies = [
      '{"contract": "port-finding", ',
      JSON.stringify(scanRequestV1Example),
      JSON.stringify({ ...portFindingV1Example, protocol: 'udp' }),
    ];
    await sqs().send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: bodies.map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );

    const result = await pollQueueOnce({ queueUrl, handler, batchSize: 10, maximumBatchingWindowSeconds: 1 });

    expect(result.kind).toBe('handled');
    expect((await received(deadLetterQueueUrl)).map(errorOf).sort()).toEqual([
      expect.stringMatching(/^ContractViolationError: message body is not JSON/),
      'ContractViolationError: message declares scan-request v1; accepted: port-finding v1, tls-scan-request v1',
      'NoScannableTargetError: port finding 198.51.100.7:443/udp of nmap-scanner/0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11/198.51.100.7: the TLS scanner scans TCP ports only',
    ]);
    expect(await received(queueUrl)).toEqual([]);
  }, 60_000);
});
