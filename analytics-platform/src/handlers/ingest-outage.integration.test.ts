import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { historyIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import { testInstance } from '@sec-an/local-platform/backends';
import { startSqsEventSource } from '@sec-an/local-platform/event-sources';
import { type RunningOpenSearch, startOpenSearch } from '@sec-an/local-platform/opensearch';
import { instanceDir } from '@sec-an/local-platform/paths';
import { findFreePort } from '@sec-an/local-platform/ports';
import { stopProcess } from '@sec-an/local-platform/processes';
import { openSearchClient, searchEndpointVariable } from '@sec-an/runtime/opensearch';
import { deferralSecondsVariable } from '@sec-an/runtime/sqs-handler';
import { useCleanBackends } from '@sec-an/testing/backends';
import { probeResult, probeTask, probeTemplates, putTemplates } from '../ingest/test-fixtures.ts';
import { ingestQueues, queueDepth, sendBodies } from './ingest-queue.test-fixtures.ts';

const waitFor = async (what: string, condition: () => Promise<boolean>, timeoutMs = 90_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const addresses = (first: number, count: number) =>
  Array.from({ length: count }, (_, i) => `198.51.100.${first + i}`);
const ssh = { port: 22, service: 'ssh' };
const http = { port: 80, service: 'http' };

/** Its own node, since the test stops it: the suite's shared node stays up for the others. */
describe('the ingest through an OpenSearch outage (a real node stopped and restarted)', () => {
  useCleanBackends();
  let node: RunningOpenSearch;
  const nodeOptions = { stateDir: '', httpPort: 0, transportPort: 0, readyTimeoutMs: 120_000, heap: '512m' };
  const saved = {
    endpoint: process.env[searchEndpointVariable],
    deferral: process.env[deferralSecondsVariable],
  };
  const client = () => openSearchClient({ endpoint: node.endpoint, auth: 'none' });
  const count = async (index: string) => {
    await client().indices.refresh({ index });
    return (await client().count({ index })).body.count;
  };

  beforeAll(async () => {
    Object.assign(nodeOptions, {
      stateDir: `${instanceDir(testInstance())}/outage-node`,
      httpPort: await findFreePort(),
      transportPort: await findFreePort(),
    });
    node = await startOpenSearch({ ...nodeOptions, fresh: true });
    await putTemplates(client(), probeTemplates);
    process.env[searchEndpointVariable] = node.endpoint;
    process.env[deferralSecondsVariable] = '1';
  }, 150_000);

  afterAll(async () => {
    if (node !== undefined) await stopProcess(node.process);
    for (const [name, value] of [
      [searchEndpointVariable, saved.endpoint],
      [deferralSecondsVariable, saved.deferral],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('loses nothing and dead-letters nothing while the node is down, and ingests everything once it is back', async () => {
    // Imported after the environment points at this node and asks for short deferrals.
    const { handler } = await import('./ingest.ts');
    const { queueUrl, deadLetterQueueUrl } = await ingestQueues('ingest-outage', {
      maxReceiveCount: 2,
      visibilitySeconds: 2,
    });
    const source = startSqsEventSource({
      queueUrl,
      handler,
      batchSize: 10,
      errorBackoffMs: 200,
      onError: () => {},
    });
    try {
      const before = addresses(1, 5).map((address) =>
        probeResult(address, '2026-11-21T01:00:00.000Z', [ssh]),
      );
      await sendBodies(
        queueUrl,
        before.map((result) => JSON.stringify(result)),
      );
      // Drained, not only indexed: the subjects' states are written after the documents, and a state the outage
      // cut off would make the later results look like new subjects.
      await waitFor(
        'the first results',
        async () =>
          (await count(historyIndex(probeTask, 'port'))) === 5 && (await queueDepth(queueUrl)) === 0,
      );

      await stopProcess(node.process);
      const during = [
        ...addresses(1, 5).map((address) => probeResult(address, '2026-11-21T02:00:00.000Z', [ssh, http])),
        ...addresses(11, 5).map((address) => probeResult(address, '2026-11-21T02:00:00.000Z', [http])),
      ];
      await sendBodies(
        queueUrl,
        during.map((result) => JSON.stringify(result)),
      );
      // Long enough for every message to have been received more than maxReceiveCount times without deferral.
      await new Promise((resolve) => setTimeout(resolve, 8_000));
      expect(await queueDepth(deadLetterQueueUrl)).toBe(0);
      expect(await queueDepth(queueUrl)).toBeGreaterThan(0);

      node = await startOpenSearch({ ...nodeOptions, fresh: false });
      await waitFor('the queue to drain', async () => (await queueDepth(queueUrl)) === 0);
    } finally {
      await source.stop();
    }
    expect(await queueDepth(deadLetterQueueUrl)).toBe(0);
    expect(await count(historyIndex(probeTask, 'port'))).toBe(5 + 10 + 5);
    expect(await count(historyIndex(probeTask, 'host'))).toBe(5 + 10);
    expect(await count(snapshotIndex(probeTask, 'port'))).toBe(10 + 5);
    expect(await count('changes')).toBe(5 * 2 + 5 + 5 * 2);
  }, 240_000);
});
