import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { parameterName } from '@sec-an/runtime/parameters';
import { useCleanBackends } from '@sec-an/testing/backends';
import { recordLastScan } from './last-scan.ts';
import { addressesTableNameParameter } from './task-settings.ts';

const tableName = 'sec-an-local-task-execution-addresses';
const dynamodb = () => awsClient(DynamoDBClient);

const row = async (address: string) =>
  (await dynamodb().send(new GetItemCommand({ TableName: tableName, Key: { address: { S: address } } })))
    .Item;

describe('recordLastScan (moto)', () => {
  useCleanBackends();

  beforeAll(async () => {
    await dynamodb().send(
      new CreateTableCommand({
        TableName: tableName,
        KeySchema: [{ AttributeName: 'address', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'address', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await awsClient(SSMClient).send(
      new PutParameterCommand({
        Name: parameterName(addressesTableNameParameter),
        Value: tableName,
        Type: 'String',
        Overwrite: true,
      }),
    );
    await dynamodb().send(
      new PutItemCommand({
        TableName: tableName,
        Item: { address: { S: '192.0.2.1' }, hosts: { SS: ['a.example.org'] }, planId: { S: 'plan-1' } },
      }),
    );
  }, 60_000);

  it('sets the last scan on a known address and touches nothing else of its row', async () => {
    expect(await recordLastScan({ address: '192.0.2.1', scannedAt: 2_000, task: 'nmap' })).toBe('recorded');

    expect(await row('192.0.2.1')).toEqual({
      address: { S: '192.0.2.1' },
      hosts: { SS: ['a.example.org'] },
      planId: { S: 'plan-1' },
      lastScannedAt: { N: '2000' },
      lastScanTask: { S: 'nmap' },
    });
  });

  it('keeps a later scan when an earlier one arrives after it, and takes a later one', async () => {
    expect(await recordLastScan({ address: '192.0.2.1', scannedAt: 1_000, task: 'older' })).toBe(
      'newer-recorded',
    );
    expect(await recordLastScan({ address: '192.0.2.1', scannedAt: 2_000, task: 'same-time' })).toBe(
      'newer-recorded',
    );
    expect((await row('192.0.2.1'))?.lastScanTask).toEqual({ S: 'nmap' });

    expect(await recordLastScan({ address: '192.0.2.1', scannedAt: 3_000, task: 'later' })).toBe('recorded');
    expect((await row('192.0.2.1'))?.lastScannedAt).toEqual({ N: '3000' });
  });

  it('creates no row for an address no ingest knows', async () => {
    expect(await recordLastScan({ address: '192.0.2.99', scannedAt: 1_000, task: 'nmap' })).toBe(
      'address-unknown',
    );
    expect(await row('192.0.2.99')).toBeUndefined();
  });

  it('refuses a time that is not epoch milliseconds', async () => {
    await expect(
      recordLastScan({ address: '192.0.2.1', scannedAt: Number.NaN, task: 'nmap' }),
    ).rejects.toThrow('last scan of 192.0.2.1: scannedAt NaN is not epoch ms');
  });
});
