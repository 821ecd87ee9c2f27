import {
  type BatchWriteItemCommandInput,
  type BatchWriteItemCommandOutput,
  DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { useCleanBackends } from '@sec-an/testing/backends';
import { batchWrite } from './batch-write.ts';
import type { DnsTables } from './dns-ingest-settings.ts';
import { DnsTableWriteError } from './errors.ts';
import { createDnsTables, readRows } from './test-fixtures.ts';

/**
 * moto processes every item of a BatchWriteItem. This real client sends only the first half of each of its first
 * `times` batches to moto and reports the other half unprocessed, as DynamoDB does when a partition is busy.
 */
const clientLeavingHalfUnprocessed = (times: number) => {
  const client = new DynamoDBClient({});
  const state = { injected: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'BatchWriteItemCommand' || state.injected >= times) return next(args);
      state.injected += 1;
      const input = args.input as BatchWriteItemCommandInput;
      const [table, requests] = Object.entries(input.RequestItems ?? {})[0] as [string, WriteRequest[]];
      const half = Math.ceil(requests.length / 2);
      const result = await next({
        ...args,
        input: { ...input, RequestItems: { [table]: requests.slice(0, half) } },
      });
      const output = result.output as BatchWriteItemCommandOutput;
      return { ...result, output: { ...output, UnprocessedItems: { [table]: requests.slice(half) } } };
    },
    { step: 'initialize', name: 'leaveHalfUnprocessed' },
  );
  return { client, state };
};

const puts = (count: number): WriteRequest[] =>
  Array.from({ length: count }, (_, index) => ({
    PutRequest: { Item: { name: { S: `host:h${index}.example.com` }, ingestedAt: { N: '1' } } },
  }));

const deletes = (count: number): WriteRequest[] =>
  Array.from({ length: count }, (_, index) => ({
    DeleteRequest: { Key: { host: { S: `h${index}.example.com` } } },
  }));

describe('batch writes (moto, unprocessed items injected)', () => {
  useCleanBackends();
  let tables: DnsTables;

  beforeAll(async () => {
    tables = await createDnsTables('batch-write');
  }, 60_000);

  it('sends unprocessed items again, with backoff, until every item is written', async () => {
    const { client, state } = clientLeavingHalfUnprocessed(4);
    const delays: number[] = [];
    await batchWrite(client, tables.history, puts(60), {
      maxAttempts: 6,
      baseDelayMs: 10,
      maxDelayMs: 100,
      random: () => 1,
      sleep: async (ms) => void delays.push(ms),
    });
    expect(await readRows(tables.history)).toHaveLength(60);
    expect(state.injected).toBe(4);
    expect(delays.length).toBeGreaterThanOrEqual(2);
    expect(delays.every((delay) => delay > 0 && delay <= 100)).toBe(true);
  }, 30_000);

  it('fails, naming the table and what is left, when items stay unprocessed past the bound', async () => {
    const { client } = clientLeavingHalfUnprocessed(1_000);
    const write = batchWrite(client, tables.hosts, deletes(8), {
      maxAttempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 1,
      sleep: async () => {},
    });
    await expect(write).rejects.toThrow(DnsTableWriteError);
    await expect(write).rejects.toThrow(
      `1 writes to table ${tables.hosts} were still unprocessed after 3 BatchWriteItem attempts`,
    );
  }, 30_000);
});
