import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { historyIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { readParameter } from '@sec-an/runtime/parameters';
import { publishMessages } from '@sec-an/runtime/sns';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { backendsEnvironment } from '../backends/index.ts';
import { type ComputeHandle, startCompute } from '../compute/index.ts';
import type { Deployment } from '../deployment/index.ts';
import { deployPlatform } from '../platform/index.ts';
import { withChangedFunction } from './changed-parser-package.ts';
import { reingest } from './reingest.ts';
import type { ReingestResult } from './reingest-result.ts';
import { totalsOf } from './reingest-result.ts';

/** nmap-scanner's task, whose name is also its results' `task`. */
const task = { project: 'nmap-scanner', task: 'nmap-scanner' };
const estate = { service: '127.63.0.1', empty: '127.63.0.2' } as const;
const ports = { banner: 47310, closed: 47311 } as const;
const scanProfile = {
  ports: Object.values(ports).join(','),
  timing: 5,
  versionIntensity: 0,
  scripts: [],
  hostDiscovery: false,
  reverseDns: false,
  hostTimeoutSeconds: 60,
  overallTimeoutSeconds: 120,
};
const scanScope = { allow: { cidrs: ['127.63.0.0/24'], suffixes: [] }, deny: { cidrs: [], suffixes: [] } };

/** The parser fix the second replay deploys: a new version, and one field of the host document made differently. */
const parserFix = [
  { from: /"1\.0\.0"/, to: '"1.0.1-reingest-test"' },
  { from: /statusReason:([\w$]+)\.reason,/, to: 'statusReason:"reingest-test "+$1.reason,' },
];

const store = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });

interface Stored {
  readonly location: string;
  readonly source: Record<string, unknown>;
}

/** Every document of the index pattern, by `index/id`. */
const documentsOf = async (index: string): Promise<Stored[]> => {
  await store().indices.refresh({ index, ignore_unavailable: true });
  const response = await store().search({ index, ignore_unavailable: true, body: { size: 1000 } });
  return response.body.hits.hits
    .map((hit) => ({ location: `${hit._index}/${hit._id}`, source: hit._source as Record<string, unknown> }))
    .sort((a, b) => (a.location < b.location ? -1 : 1));
};

const eventually = async <T>(what: string, observe: () => Promise<T>, done: (seen: T) => boolean) => {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const seen = await observe();
    if (done(seen)) return seen;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(seen)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

const listening = (server: Server, port: number, host: string): Promise<Server> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });

/** A plain TCP service: a banner, then it hangs up. */
const bannerService = (sockets: Set<Socket>): Server =>
  createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.end('sec-an reingest estate\r\n');
  });

const today = (): { since: Date; until: Date } => {
  const since = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`);
  return { since, until: new Date(since.getTime() + 86_400_000) };
};

const replay = (): Promise<ReingestResult> =>
  reingest({ task, window: today(), dryRun: false, timeoutSeconds: 120 });

describe('reingest: a day of raw nmap scans replayed through the deployed parser', () => {
  useCleanBackends();
  const work = mkdtempSync(join(tmpdir(), 'reingest-'));
  const sockets = new Set<Socket>();
  const server = bannerService(sockets);
  let deployment: Deployment;
  let compute: ComputeHandle | undefined;
  let computeOptions: Parameters<typeof startCompute>[1];

  const publishScan = async (address: string): Promise<void> => {
    await publishMessages(
      await readParameter({ project: 'task-execution', thing: 'scan-request-topic', attribute: 'arn' }),
      scanRequestV1,
      [
        {
          contract: 'scan-request',
          version: 1,
          requestId: randomUUID(),
          target: { address, hosts: [] },
          origin: 'on-demand',
          requestedAt: new Date().toISOString(),
        },
      ],
    );
  };

  beforeAll(async () => {
    await listening(server, ports.banner, estate.service);
    const environment = {
      ...backendsEnvironment(testBackends()),
      SEC_AN_SCAN_SCOPE: JSON.stringify(scanScope),
      SEC_AN_NMAP_SCAN_PROFILE: JSON.stringify(scanProfile),
    };
    computeOptions = {
      stateDir: join(work, 'state'),
      environment: { ...environment, POWERTOOLS_LOG_LEVEL: 'WARN' },
      ecsPollIntervalMs: 200,
    };
    const deployed = await deployPlatform({
      instance: process.env.SEC_AN_TEST_INSTANCE ?? 'test',
      environment,
      compute: computeOptions,
    });
    deployment = deployed.deployment;
    compute = deployed.compute;
    await publishScan(estate.service);
    await publishScan(estate.empty);
    await eventually(
      'both scans in the host history',
      () => documentsOf(historyIndex(task.task, 'host')),
      (seen) => seen.length === 2,
    );
  }, 480_000);

  afterAll(async () => {
    await compute?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('with the parser unchanged, indexes every document again identically and leaves the snapshots as they were', async () => {
    const history = await documentsOf(historyIndex('*', '*'));
    const snapshots = await documentsOf(snapshotIndex(task.task, '*'));

    const result = await replay();

    // Each scan's two files: its metadata (the parser reads it with the XML, producing nothing) and its XML.
    expect(result.objects.map(({ object }) => object.key.split('/').at(-1)).sort()).toEqual([
      'metadata.json',
      'metadata.json',
      'nmap.xml.gz',
      'nmap.xml.gz',
    ]);
    const xml = result.objects.filter(({ documentsBefore }) => documentsBefore > 0);
    expect(xml).toHaveLength(2);
    expect(totalsOf(result)).toEqual({ identical: history.length, changed: 0, added: 0, notProduced: 0 });
    for (const { comparison, documentsBefore } of xml) {
      expect(comparison?.identical).toHaveLength(documentsBefore);
      expect(comparison?.parserVersions).toEqual({ before: ['1.0.0'], after: ['1.0.0'] });
    }
    expect(result.deadLetters).toEqual([]);
    // Written again (their sequence numbers moved), yet the same ids and contents.
    expect(await documentsOf(historyIndex('*', '*'))).toEqual(history);
    expect(await documentsOf(snapshotIndex(task.task, '*'))).toEqual(snapshots);
  }, 180_000);

  it('with a changed parser, reports exactly the documents it makes differently, and the field', async () => {
    const hosts = await documentsOf(historyIndex(task.task, 'host'));
    await compute?.stop();
    const parser = deployment.functions.find(
      ({ project, functionName }) => project === task.project && functionName.endsWith('-parser'),
    );
    if (parser === undefined) throw new Error('nmap-scanner deploys no parser');
    compute = await startCompute(
      await withChangedFunction(deployment, parser.functionName, parserFix, work),
      computeOptions,
    );

    const result = await replay();

    const changed = result.objects.flatMap(({ comparison }) => comparison?.changed ?? []);
    expect(changed.map(({ index, id, fields }) => [`${index}/${id}`, fields]).sort()).toEqual(
      hosts.map(({ location }) => [location, ['statusReason']]),
    );
    const totals = totalsOf(result);
    expect(totals).toMatchObject({ changed: hosts.length, added: 0, notProduced: 0 });
    for (const { comparison } of result.objects.filter(({ documentsBefore }) => documentsBefore > 0)) {
      expect(comparison?.parserVersions).toEqual({ before: ['1.0.0'], after: ['1.0.1-reingest-test'] });
    }
    expect(result.deadLetters).toEqual([]);
  }, 240_000);
});
