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
/** One request per document is slow enough that a sample gives its rate. */
const perDocumentSubjects = 40;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
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
      `2026-11-${String(10 + round).padStart(2, '0')}T01:00:00.000Z`,
      round,
    );
  const handlerRun = (round: number) => {
    const events = ingestEvents(scanAt(round).results);
    return timed(() => throughHandler(handler, context, events));
  };
  const bulkRun = (round: number) => {
    const { results } = scanAt(round);
    return timed(() => plainBulk(client, results, referenceTask));
  };
  // Two unmeasured rounds: the first fills the indices, the second warms the JIT and the node's caches.
  for (const round of [0, 1]) {
    await handlerRun(round);
    await bulkRun(round);
  }
  const handlerTimes: number[] = [];
  const bulkTimes: number[] = [];
  for (const round of [2, 3, 4, 5, 6]) {
    // Alternating which goes first, so neither always finds the node after the other's merges.
    const pair = round % 2 === 0 ? [handlerRun, bulkRun] : [bulkRun, handlerRun];
    for (const run of pair) (run === handlerRun ? handlerTimes : bulkTimes).push(await run(round));
  }
  const documents = scanAt(2).documents;
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
