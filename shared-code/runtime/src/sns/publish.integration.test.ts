import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Message } from '@sec-an/contracts/contract';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { useCleanBackends } from '@sec-an/testing/backends';
import { createTopic, receiveMessages, subscribedQueue } from '@sec-an/testing/messaging';
import { ContractViolationError } from '../errors/index.ts';
import { fromReceivedMessage } from './delivery.ts';
import { publishMessages } from './publish.ts';
import { readMessage } from './read.ts';

type ScanRequest = Message<typeof scanRequestV1>;

const scanRequest = (index: number): ScanRequest => ({
  contract: 'scan-request',
  version: 1,
  requestId: randomUUID(),
  target:
    index % 2 === 0
      ? { address: `198.51.100.${index}`, hosts: [] }
      : { address: `2001:db8::${index}`, hosts: ['www.example.com'] },
  origin: index % 3 === 0 ? 'on-demand' : 'plan',
  requestedAt: '2026-11-21T10:00:00.000Z',
});

const requestIds = (bodies: readonly (string | undefined)[]): string[] =>
  bodies.map((body) => (JSON.parse(body ?? '{}') as { requestId: string }).requestId).sort();

describe('publishing messages to SNS', () => {
  useCleanBackends();

  it('an SNS publish with a filter policy delivers only matching messages to a subscribed SQS queue', async () => {
    const topicArn = await createTopic('scan-requests');
    const everything = await subscribedQueue(topicArn, 'everything', { raw: true });
    const onDemand = await subscribedQueue(topicArn, 'on-demand', {
      raw: true,
      filterPolicy: { origin: ['on-demand'] },
    });
    const enveloped = await subscribedQueue(topicArn, 'enveloped', { raw: false });
    // More than two batches of 10, so batching against the real API is part of what is tested.
    const requests = Array.from({ length: 23 }, (_, index) => scanRequest(index));
    const wanted = requests.filter((request) => request.origin === 'on-demand');
    expect(wanted.length).toBeGreaterThan(0);
    expect(wanted.length).toBeLessThan(requests.length);

    const messageIds = await publishMessages(topicArn, scanRequestV1, requests);

    expect(messageIds).toHaveLength(requests.length);
    expect(new Set(messageIds).size).toBe(requests.length);
    const all = await receiveMessages(everything, requests.length);
    expect(requestIds(all.map((message) => message.Body))).toEqual(
      requestIds(requests.map((r) => JSON.stringify(r))),
    );
    const filtered = await receiveMessages(onDemand, wanted.length);
    expect(requestIds(filtered.map((message) => message.Body))).toEqual(
      requestIds(wanted.map((request) => JSON.stringify(request))),
    );

    const byId = new Map(requests.map((request) => [request.requestId, request]));
    const envelopes = await receiveMessages(enveloped, requests.length);
    expect(envelopes).toHaveLength(requests.length);
    for (const received of [...envelopes, ...filtered]) {
      const read = await readMessage(scanRequestV1, fromReceivedMessage(received));
      const published = byId.get(read.message.requestId);
      expect(read.message).toEqual(published);
      expect(read.attributes).toEqual({
        addressType: published?.target.address.includes(':') ? 'ipv6' : 'ipv4',
        origin: published?.origin,
        contract: 'scan-request',
        'contract-version': 1,
      });
      expect(read.claimCheck).toBeUndefined();
    }
    expect(JSON.parse(envelopes[0]?.Body ?? '{}')).toMatchObject({ Type: 'Notification' });
  });

  it('sends nothing when any message breaks its contract', async () => {
    const topicArn = await createTopic('refused');
    const queue = await subscribedQueue(topicArn, 'refused', { raw: true });
    const invalid = { ...scanRequest(1), target: { address: 'not an address', hosts: [] } };

    await expect(publishMessages(topicArn, scanRequestV1, [scanRequest(0), invalid])).rejects.toThrow(
      ContractViolationError,
    );

    expect(await receiveMessages(queue, 0)).toEqual([]);
  });
});
