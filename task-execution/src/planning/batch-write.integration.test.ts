import {
  type BatchWriteItemCommandInput,
  type BatchWriteItemCommandOutput,
  CreateTableCommand,
  DynamoDBClient,
  ScanCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { TransientError } from '@sec-an/runtime/errors';
import { useCleanBackends } from '@sec-an/testing/backends';
import { batchWrite, defaultBatchWriteOptions } from './batch-write.ts';
import { chunks } from './concurrently.ts';
import { batchWriteSize } from './dynamodb-limits.ts';

const dynamodb = () => awsClient(DynamoDBClient);
const table = 'batch-write-test';
const faultName = 'leave-items-unprocessed';
const quick = { ...defaultBatchWriteOptions, baseDelayMs: 1, maxDelayMs: 5 };

const puts = (n: number, prefix: string): WriteRequest[] =>
  Array.from({ length: n }, (_, i) => ({ PutRequest: { Item: { id: { S: `${prefix}-${i}` } } } }));

/**
 * Makes DynamoDB (moto) leave items unprocessed as the real service does under load: the first `keep` items of a
 * call are sent, the rest are not and come back in UnprocessedItems. `calls` counts BatchWriteItem calls.
 */
const leaveUnprocessed = (keep: (call: number) => number) => {
  const calls = { count: 0 };
  dynamodb().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand') return next(args);
      calls.count += 1;
      const input = args.input as BatchWriteItemCommandInput;
      const [[name, requests = []]] = Object.entries(input.RequestItems ?? {}) as [[string, WriteRequest[]]];
      const kept = requests.slice(0, keep(calls.count));
      const left = requests.slice(kept.length);
      const result = await next({ ...args, input: { ...input, RequestItems: { [name]: kept } } });
      const output = result.output as BatchWriteItemCommandOutput;
      return {
        ...result,
        output: { ...output, UnprocessedItems: left.length === 0 ? {} : { [name]: left } },
      };
    },
    { step: 'initialize', name: faultName },
  );
  return calls;
};

const storedIds = async (): Promise<string[]> => {
  const { Items = [] } = await dynamodb().send(new ScanCommand({ TableName: table }));
  return Items.map((item) => item.id?.S ?? '').sort();
};

describe('batch writes (moto)', () => {
  useCleanBackends();
  beforeAll(async () => {
    await dynamodb().send(
      new CreateTableCommand({
        TableName: table,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      }),
    );
  });
  afterEach(() => {
    dynamodb().middlewareStack.remove(faultName);
  });

  it('sends unprocessed items again until all are written', async () => {
    // Each call gets ten items through: a batch of 25 needs three calls.
    const calls = leaveUnprocessed(() => 10);
    const requests = puts(60, 'a');
    await batchWrite(table, chunks(requests, batchWriteSize), quick);
    expect(calls.count).toBe(3 + 3 + 1);
    expect(await storedIds()).toEqual(requests.map((r) => r.PutRequest?.Item?.id?.S).sort());
  });

  it('fails, naming the table and what was left, when items stay unprocessed through every attempt', async () => {
    leaveUnprocessed((call) => (call === 1 ? 5 : 0));
    const write = batchWrite(table, chunks(puts(25, 'b'), batchWriteSize), { ...quick, maxAttempts: 3 });
    await expect(write).rejects.toThrow(TransientError);
    await expect(write).rejects.toThrow(
      `20 of 25 writes to table ${table} were still unprocessed after 3 attempts`,
    );
  });
});
