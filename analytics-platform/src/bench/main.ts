import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@opensearch-project/opensearch';
import { documentTypeTemplate } from '@sec-an/contracts/search-index';
import { benchLine } from '@sec-an/local-platform/bench';
import { localLambdaContext } from '@sec-an/local-platform/event-sources';
import { startOpenSearch } from '@sec-an/local-platform/opensearch';
import { instanceDir } from '@sec-an/local-platform/paths';
import { findFreePort } from '@sec-an/local-platform/ports';
import { stopProcess } from '@sec-an/local-platform/processes';
import { openSearchClient, searchEndpointVariable } from '@sec-an/runtime/opensearch';
import { ingestBatchSize } from '../ingest/ingest-settings.ts';
import { probeHostType, probePortType, probeTemplates, putTemplates } from '../ingest/test-fixtures.ts';
import { scanWorkload } from './bench-workload.ts';
import {
  concurrentRequests,
  ingestEvents,
  perDocument,
  plainBulk,
  throughHandler,
} from './ingest-throughput.ts';

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const referenceTask = 'bench-reference';
const perDocumentTask = 'bench-per-document';
/** One full batch of the ingest function per concurrent invocation, so none waits on a short tail. */
const subjects = concurrentRequests * ingestBatchSize;
const portsPerSubject = 24;
/**
 * The node compiles its hot code for some twenty rounds: measured from the seventh round, its compiler threads still
 * took a third of a core, more of it while the handler ran (mget, versioned writes, deletes are code the plain
 * `_bulk` never reaches). A deployed domain has long compiled it all: the rounds measured are those after.
 */
const warmUpRounds = Array.from({ length: 20 }, (_, round) => round);
/** Nine, alternating which side goes first: a run's time varies by a fifth from one round to the next on this machine. */
const measuredRounds = Array.from({ length: 9 }, (_, i) => warmUpRounds.length + i);
/** One request per document is slow enough that a sample gives its rate. */
const perDocumentSubjects = 40;

interface NodeStats {
  readonly nodes: Record<string, { readonly indices: { readonly merges: { readonly current: number } } }>;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Waits until the node has written and merged what earlier runs sent, so that each run pays for its own merges
 * and not for those the run before it started.
 */
const settle = async (client: Client): Promise<void> => {
  await client.indices.refresh({ index: '_all' });
  await client.indices.flush({ index: '_all' });
  for (;;) {
    const response = await client.nodes.stats({ metric: ['indices'], index_metric: ['merge'] });
    const nodes = Object.values((response.body as NodeStats).nodes);
    if (nodes.every((node) => node.indices.merges.current === 0)) return;
    await sleep(100);
  }
};

const timed = async (run: () => Promise<void>): Promise<number> => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
};

/**
 * Ingest throughput (documents/s) through the real handler into a real node, against a plain `_bulk` of the
 * same documents (the engine's limit here) and against one request per document, all in this run. Each is
 * measured on a rescan of an estate already ingested once, so snapshots are replaced as they are every day.
 */
const benchIngest = async (endpoint: string): Promise<void> => {
  const client = openSearchClient({ endpoint, auth: 'none' });
  const twin = (task: string) =>
    [probeHostType, probePortType].map((type) => documentTypeTemplate({ ...type, task }));
  await putTemplates(client, [...probeTemplates, ...twin(referenceTask), ...twin(perDocumentTask)]);
  process.env[searchEndpointVariable] = endpoint;
  process.env.SEC_AN_OPENSEARCH_AUTH = 'none';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const { handler } = await import('../handlers/ingest.ts');
  const context = localLambdaContext({
    functionName: 'bench-ingest',
    region: 'eu-west-2',
    accountId: '123456789012',
    timeoutMs: 900_000,
  });

  const scanAt = (round: number) =>
    scanWorkload(
      subjects,
      portsPerSubject,
      // A day apart, as a daily rescan is.
      new Date(Date.UTC(2026, 9, 1 + round, 1)).toISOString(),
      round,
    );
  const handlerRun = async (round: number) => {
    const events = ingestEvents(scanAt(round).results);
    await settle(client);
    return timed(() => throughHandler(handler, context, events));
  };
  const bulkRun = async (round: number) => {
    const { results } = scanAt(round);
    await settle(client);
    return timed(() => plainBulk(client, results, referenceTask));
  };
  // Unmeasured rounds: the first fills the indices, the others warm both JITs and the node's caches.
  for (const round of warmUpRounds) {
    await handlerRun(round);
    await bulkRun(round);
  }
  const handlerTimes: number[] = [];
  const bulkTimes: number[] = [];
  for (const round of measuredRounds) {
    // Alternating which goes first, so neither always finds the node after the other's merges.
    const pair = round % 2 === 0 ? [handlerRun, bulkRun] : [bulkRun, handlerRun];
    for (const run of pair) (run === handlerRun ? handlerTimes : bulkTimes).push(await run(round));
  }
  const documents = scanAt(warmUpRounds.length).documents;
  const bulkSeconds = median(bulkTimes);
  const handlerSeconds = median(handlerTimes);
  const sample = scanWorkload(perDocumentSubjects, portsPerSubject, '2026-11-20T01:00:00.000Z', 0);
  const perDocumentSeconds = await timed(() => perDocument(client, sample.results, perDocumentTask));

  const bulk = { id: 'ingest.plain-bulk', value: documents / bulkSeconds };
  const perDoc = { id: 'ingest.one-request-per-document', value: sample.documents / perDocumentSeconds };
  const throughput = documents / handlerSeconds;
  print(benchLine({ ...bulk, unit: 'docs/s' }));
  print(benchLine({ ...perDoc, unit: 'docs/s' }));
  print(benchLine({ id: 'ingest.handler', value: throughput, unit: 'docs/s', reference: bulk }));
  print(
    benchLine({ id: 'ingest.handler.vs-per-document', value: throughput, unit: 'docs/s', reference: perDoc }),
  );
};

// Under the platform's state folder, which the node's service user can reach (a temporary folder may not be).
const stateDir = instanceDir('bench-analytics');
const node = await startOpenSearch({
  stateDir,
  httpPort: await findFreePort(),
  transportPort: await findFreePort(),
  readyTimeoutMs: 180_000,
  fresh: true,
});
try {
  await benchIngest(node.endpoint);
} finally {
  await stopProcess(node.process);
}
