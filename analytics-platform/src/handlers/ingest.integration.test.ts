import type { Message } from '@aws-sdk/client-sqs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { entityKey } from '@sec-an/contracts/entity-key';
import { scanResultV1 } from '@sec-an/contracts/scan-result';
import { snapshotIndex } from '@sec-an/contracts/search-index';
import { pollQueueOnce } from '@sec-an/local-platform/event-sources';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { deadLetterAttributes } from '@sec-an/runtime/sqs-handler';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { probeResult, probeTask, probeTemplates, putTemplates } from '../ingest/test-fixtures.ts';
import { handler } from './ingest.ts';
import { drain, ingestQueues, sendBodies } from './ingest-queue.test-fixtures.ts';

const client = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });
const at = '2026-11-21T08:00:00.000Z';
const ssh = { port: 22, service: 'ssh' };

const errorOf = (message: Message) =>
  `${message.MessageAttributes?.[deadLetterAttributes.errorName]?.StringValue}: ${message.MessageAttributes?.[deadLetterAttributes.errorMessage]?.StringValue}`;

describe('the ingest handler on a queue (moto and real OpenSearch)', () => {
  useCleanBackends();
  beforeAll(async () => putTemplates(client(), probeTemplates));

  it('dead-letters each bad message and bad document with its precise error, and ingests every valid one', async () => {
    const { queueUrl, deadLetterQueueUrl } = await ingestQueues('ingest-bad-input', {
      maxReceiveCount: 3,
      visibilitySeconds: 30,
    });
    const valid = probeResult('192.0.2.1', at, [ssh]);
    const withoutKey = probeResult('192.0.2.2', at, [ssh]) as unknown as { documents: { port: object[] } };
    withoutKey.documents.port = [{ fields: { port: 22 } }];
    const conflicting = probeResult('192.0.2.3', at, [
      ssh,
      { port: 80, service: 'http', state: { open: true } },
    ]);
    const untemplated = probeResult('192.0.2.4', at, [ssh], {
      documents: { banner: [{ key: entityKey({ banner: 1 }), fields: { text: 'hello' } }] },
    });
    await sendBodies(queueUrl, [
      JSON.stringify(valid),
      '{"contract": "scan-result", "version": 1, ',
      JSON.stringify({ ...valid, version: 2 }),
      JSON.stringify(withoutKey),
      JSON.stringify(conflicting),
      JSON.stringify(untemplated),
    ]);

    const result = await pollQueueOnce({ queueUrl, handler, batchSize: 10, maximumBatchingWindowSeconds: 1 });
    expect(result.kind).toBe('handled');
    const deadLetters = await drain(deadLetterQueueUrl);
    expect(deadLetters.map(errorOf).sort()).toEqual(
      [
        expect.stringMatching(/^ContractViolationError: message body is not JSON/),
        expect.stringMatching(
          /^ContractViolationError: message declares scan-result v2; accepted: scan-result v1/,
        ),
        expect.stringMatching(
          /^ContractViolationError: message is not a valid scan-result v1:\n.*documents\.port\[0\]\.key/s,
        ),
        expect.stringMatching(
          /^DocumentRefusedError: probe-scanner-port-(history|snapshot): (mapper|document)_parsing_exception/,
        ),
        expect.stringMatching(/^MissingTemplateError: no index template "probe-scanner-banner"/),
      ].sort((a, b) => String(a).localeCompare(String(b))),
    );
    const part = deadLetters.find((message) => errorOf(message).startsWith('DocumentRefusedError'));
    const redrivable = scanResultV1.schema.parse(JSON.parse(part?.Body ?? '{}'));
    expect(redrivable.coverage).toBe('partial');
    expect(redrivable.documents.port?.map((document) => document.fields.port)).toEqual([80]);

    await client().indices.refresh({ index: snapshotIndex(probeTask, 'port') });
    const ports = await client().search({
      index: snapshotIndex(probeTask, 'port'),
      body: { query: { match_all: {} }, size: 100 },
    });
    expect(ports.body.hits.hits.map((hit) => `${hit._source?.address} ${hit._source?.port}`).sort()).toEqual([
      '192.0.2.1 22',
      '192.0.2.3 22',
    ]);
    expect(await drain(queueUrl)).toEqual([]);
  });
});
