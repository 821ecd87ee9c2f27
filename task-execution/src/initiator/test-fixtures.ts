import { CreateTableCommand, DynamoDBClient, type ScalarAttributeType } from '@aws-sdk/client-dynamodb';
import type { ResourceRecordSet } from '@aws-sdk/client-route-53';
import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { parameterName } from '@sec-an/runtime/parameters';
import { type ScanScopeDefinition, scanScopeParameter } from '@sec-an/runtime/scan-scope';
import { ingestDns } from '../dns-inventory/index.ts';
import { changeRecords, createZone, route53In, tableResolver } from '../dns-inventory/test-fixtures.ts';
import { planBucketsParameter, planPeriodParameter } from '../planning/index.ts';
import { type TableModel, taskExecutionTables } from '../tables/index.ts';
import { delayQueueUrlVariable, type InitiatorSettings } from './initiator-settings.ts';

/** Key attributes that hold numbers; every other key is a string. */
const numericKeys = new Set(['ingestedAt']);

const keyType = (name: string): ScalarAttributeType => (numericKeys.has(name) ? 'N' : 'S');

const createTable = async (table: TableModel, name: string): Promise<void> => {
  const keys = [table.hashKey, ...(table.rangeKey === undefined ? [] : [table.rangeKey])];
  await awsClient(DynamoDBClient).send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: keys.map((key) => ({ AttributeName: key, AttributeType: keyType(key) })),
      KeySchema: keys.map((key, index) => ({ AttributeName: key, KeyType: index === 0 ? 'HASH' : 'RANGE' })),
    }),
  );
};

/**
 * The task-execution tables and the delay queue, as the stack makes them, named after `prefix`; their names are
 * put in the environment variables the handlers read.
 */
export const createInitiatorResources = async (prefix: string): Promise<InitiatorSettings> => {
  const names = Object.fromEntries(
    taskExecutionTables.map((table) => [table.name, `${prefix}-${table.name}`]),
  );
  for (const table of taskExecutionTables) {
    await createTable(table, names[table.name] as string);
    process.env[table.nameVariable] = names[table.name];
  }
  const queue = await awsClient(SQSClient).send(new CreateQueueCommand({ QueueName: `${prefix}-delay` }));
  process.env[delayQueueUrlVariable] = queue.QueueUrl;
  return {
    delayQueueUrl: queue.QueueUrl as string,
    addressesTable: names.addresses as string,
    dnsIngestsTable: names['dns-ingests'] as string,
    scanPlanTable: names['scan-plan'] as string,
    scanPlansTable: names['scan-plans'] as string,
  };
};

const putParameter = (name: string, value: string) =>
  awsClient(SSMClient).send(
    new PutParameterCommand({ Name: name, Value: value, Type: 'String', Overwrite: true }),
  );

export const putScanScope = (definition: ScanScopeDefinition) =>
  putParameter(parameterName(scanScopeParameter), JSON.stringify(definition));

export const putPlanSettings = async (periodSeconds: number, buckets: number): Promise<void> => {
  await putParameter(parameterName(planPeriodParameter), String(periodSeconds));
  await putParameter(parameterName(planBucketsParameter), String(buckets));
};

/** A message as the test saw it arrive, at the moment it did. */
export interface Received {
  readonly body: Record<string, unknown>;
  readonly attributes: Record<string, string>;
  readonly receivedAt: number;
}

const receivedOf = (message: Message, receivedAt: number): Received => ({
  body: JSON.parse(message.Body ?? '{}') as Record<string, unknown>,
  attributes: Object.fromEntries(
    Object.entries(message.MessageAttributes ?? {}).map(([name, value]) => [name, value.StringValue ?? '']),
  ),
  receivedAt,
});

/** One short poll: what is visible now, taken off the queue. */
export const receiveVisible = async (queueUrl: string): Promise<Received[]> => {
  const received: Received[] = [];
  for (;;) {
    const response = await awsClient(SQSClient).send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        MessageAttributeNames: ['All'],
        WaitTimeSeconds: 0,
      }),
    );
    const messages = response.Messages ?? [];
    if (messages.length === 0) return received;
    const at = Date.now();
    received.push(...messages.map((message) => receivedOf(message, at)));
    await awsClient(SQSClient).send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle as string,
        })),
      }),
    );
  }
};

/** `h<i>.<zone>` resolving to the i-th address, IPv4 and IPv6 mixed. */
export const estateRecords = (addresses: readonly string[], zone: string): ResourceRecordSet[] =>
  addresses.map((address, index) => ({
    Name: `h${index}.${zone}`,
    Type: address.includes(':') ? 'AAAA' : 'A',
    TTL: 300,
    ResourceRecords: [{ Value: address }],
  }));

/** Route53 takes at most 1,000 changes a call. */
const changesPerCall = 500;

/** A public zone holding one host per address, in the account of the default credentials. */
export const createEstateZone = async (zone: string, addresses: readonly string[]): Promise<string> => {
  const route53 = route53In();
  const zoneId = await createZone(route53, zone);
  const records = estateRecords(addresses, zone);
  for (let start = 0; start < records.length; start += changesPerCall) {
    await changeRecords(
      route53,
      zoneId,
      records
        .slice(start, start + changesPerCall)
        .map((set) => ({ Action: 'UPSERT', ResourceRecordSet: set })),
    );
  }
  return zoneId;
};

/** A DNS ingest of what Route53 holds now, with no name resolved outside the zones. */
export const ingestEstate = () => ingestDns({ resolver: tableResolver({}).resolver });
