import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Message as ReceivedMessage } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { defineContract, type Message } from '@sec-an/contracts/contract';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { useCleanBackends } from '@sec-an/testing/backends';
import { createTopic, receiveMessages, subscribedQueue } from '@sec-an/testing/messaging';
import { z } from 'zod';
import { awsClient } from '../aws-clients/index.ts';
import { PermanentError } from '../errors/index.ts';
import { type ClaimCheck, claimCheckOf } from './claim-check.ts';
import { fromReceivedMessage } from './delivery.ts';
import { maxPayloadBytes } from './limits.ts';
import { publishMessages } from './publish.ts';
import { readMessage } from './read.ts';

const inventoryV1 = defineContract({
  name: 'inventory-snapshot',
  version: 1,
  shape: { snapshotId: z.uuid(), region: z.string(), hosts: z.array(z.string()) },
  attributes: (snapshot) => ({ region: snapshot.region }),
});

type Inventory = Message<typeof inventoryV1>;

const inventory = (hosts: number): Inventory => ({
  contract: 'inventory-snapshot',
  version: 1,
  snapshotId: randomUUID(),
  region: 'eu-west-2',
  hosts: Array.from(
    { length: hosts },
    (_, index) => `host-${String(index).padStart(6, '0')}.example.internal`,
  ),
});

const bucket = 'claim-checks';

const pointerOf = (received: ReceivedMessage | undefined): ClaimCheck | undefined =>
  claimCheckOf(JSON.parse(received?.Body ?? '{}'));

const overwrite = async ({ bucket: name, key }: ClaimCheck, body: string): Promise<void> => {
  await awsClient(S3Client).send(new PutObjectCommand({ Bucket: name, Key: key, Body: body }));
};

describe('the claim check', () => {
  useCleanBackends();

  let topicArn: string;
  let raw: string;
  let enveloped: string;

  beforeAll(async () => {
    await awsClient(S3Client).send(
      new CreateBucketCommand({
        Bucket: bucket,
        CreateBucketConfiguration: { LocationConstraint: process.env.AWS_REGION as 'eu-west-2' },
      }),
    );
    topicArn = await createTopic('inventory');
    raw = await subscribedQueue(topicArn, 'inventory-raw', {
      raw: true,
      filterPolicy: { region: ['eu-west-2'] },
    });
    enveloped = await subscribedQueue(topicArn, 'inventory-enveloped', { raw: false });
  });

  it('a payload above 256 KB round-trips through the claim check', async () => {
    const large = inventory(12_000);
    const small = inventory(3);
    expect(Buffer.byteLength(JSON.stringify(large))).toBeGreaterThan(maxPayloadBytes);

    await publishMessages(topicArn, inventoryV1, [large, small], { claimCheckBucket: bucket });

    // The filter policy on the region attribute let the pointer through: the attributes survived the claim check.
    const delivered = await receiveMessages(raw, 2);
    expect(delivered).toHaveLength(2);
    const pointers = delivered.filter((received) => pointerOf(received) !== undefined);
    expect(pointers).toHaveLength(1);
    const pointer = pointers[0];
    expect(Buffer.byteLength(pointer?.Body ?? '')).toBeLessThan(1_024);
    const claimCheck = pointerOf(pointer);
    const head = await awsClient(S3Client).send(
      new HeadObjectCommand({ Bucket: claimCheck?.bucket, Key: claimCheck?.key }),
    );
    expect(head.ContentLength).toBe(claimCheck?.size);

    const reads = await Promise.all(
      [...delivered, ...(await receiveMessages(enveloped, 2))].map((received) =>
        readMessage(inventoryV1, fromReceivedMessage(received)),
      ),
    );
    expect(reads).toHaveLength(4);
    for (const read of reads) {
      const published = read.message.snapshotId === large.snapshotId ? large : small;
      expect(read.message).toEqual(published);
      expect(read.attributes).toEqual({
        region: 'eu-west-2',
        contract: 'inventory-snapshot',
        'contract-version': 1,
      });
      expect(read.claimCheck === undefined).toBe(published === small);
    }
  });

  it('rejects a claim check whose object was changed after it was published', async () => {
    const large = inventory(12_000);
    await publishMessages(topicArn, inventoryV1, [large], { claimCheckBucket: bucket });
    const [received] = await receiveMessages(raw, 1);
    const claimCheck = pointerOf(received);
    if (received === undefined || claimCheck === undefined) throw new Error('no claim check was delivered');
    const delivery = fromReceivedMessage(received);
    await expect(readMessage(inventoryV1, delivery)).resolves.toMatchObject({ message: large });

    const sameSize = JSON.stringify({
      ...large,
      hosts: large.hosts.map((host) => host.replace('host', 'hxst')),
    });
    expect(Buffer.byteLength(sameSize)).toBe(claimCheck.size);
    await overwrite(claimCheck, sameSize);
    await expect(readMessage(inventoryV1, delivery)).rejects.toThrow(PermanentError);
    await expect(readMessage(inventoryV1, delivery)).rejects.toThrow(/SHA-256/);

    await overwrite(claimCheck, JSON.stringify({ ...large, hosts: [] }));
    await expect(readMessage(inventoryV1, delivery)).rejects.toThrow(/bytes; the pointer says/);
  });

  it('goes by claim check above a configured threshold, for any contract', async () => {
    const topic = await createTopic('small-threshold');
    const queue = await subscribedQueue(topic, 'small-threshold', { raw: true });
    const request: Message<typeof scanRequestV1> = {
      contract: 'scan-request',
      version: 1,
      requestId: randomUUID(),
      target: { address: '198.51.100.7', hosts: [] },
      origin: 'plan',
      requestedAt: '2026-11-21T10:00:00.000Z',
    };

    await publishMessages(topic, scanRequestV1, [request], {
      claimCheckBucket: bucket,
      claimCheckThresholdBytes: 100,
    });

    const [received] = await receiveMessages(queue, 1);
    expect(pointerOf(received)?.key).toMatch(/^claim-checks\/scan-request\/v1\/[0-9a-f]{64}\.json$/);
    const read = await readMessage([scanRequestV1], fromReceivedMessage(received ?? {}));
    expect(read.message).toEqual(request);
  });

  it('refuses a large message, sending nothing, when no bucket is configured', async () => {
    const topic = await createTopic('no-bucket');
    const queue = await subscribedQueue(topic, 'no-bucket', { raw: true });

    await expect(publishMessages(topic, inventoryV1, [inventory(1), inventory(12_000)])).rejects.toThrow(
      new PermanentError(
        '1 inventory-snapshot v1 message(s) exceed the claim check threshold and no claimCheckBucket is ' +
          'configured to hold them',
      ),
    );

    expect(await receiveMessages(queue, 0)).toEqual([]);
  });
});
