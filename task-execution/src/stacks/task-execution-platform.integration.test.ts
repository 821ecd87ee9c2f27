import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Change,
  ChangeResourceRecordSetsCommand,
  CreateHostedZoneCommand,
  Route53Client,
} from '@aws-sdk/client-route-53';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type DashboardResult,
  loadSavedObjects,
  panelsWithoutData,
  type ResultRow,
  runDashboards,
  type SavedObject,
  type VisualizationResult,
} from '@sec-an/analytics-platform/dashboards';
import { expectDashboardsToShowData } from '@sec-an/analytics-platform/dashboards/testing';
import { snapshotIndex } from '@sec-an/contracts/search-index';
import { backendsEnvironment } from '@sec-an/local-platform/backends';
import { type DeployResult, deployPlatform } from '@sec-an/local-platform/platform';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { readParameter } from '@sec-an/runtime/parameters';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { taskExecutionDirectory } from '../document-types/index.ts';
import { recordLastScan } from '../task-runtime/index.ts';

const stage = 'local';
const fn = (name: string) => `sec-an-${stage}-task-execution-${name}`;
const store = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });
const hourMs = 3_600_000;

/** What the deploy settings put in scope: the documentation ranges, less a denied internal zone. */
const scanScope = {
  allow: { cidrs: ['192.0.2.0/24', '2001:db8::/32'], suffixes: [] },
  deny: { cidrs: [], suffixes: ['internal.example.org'] },
};

const record = (action: 'CREATE' | 'DELETE', name: string, type: 'A' | 'AAAA', values: string[]): Change => ({
  Action: action,
  ResourceRecordSet: {
    Name: name,
    Type: type,
    TTL: 300,
    ResourceRecords: values.map((Value) => ({ Value })),
  },
});

/**
 * Polls `observe` until `done` holds; a timeout names what was last observed. A failed observation (a shard still
 * starting) is observed again.
 */
const eventually = async <T>(what: string, observe: () => Promise<T>, done: (seen: T) => boolean) => {
  const deadline = Date.now() + 120_000;
  let last: unknown;
  for (;;) {
    try {
      const seen = await observe();
      if (done(seen)) return seen;
      last = seen;
    } catch (error) {
      last = String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

/** An index's documents; none while the index does not exist yet. */
const sources = async (index: string, query: object) => {
  await store().indices.refresh({ index, ignore_unavailable: true });
  const response = await store().search({ index, ignore_unavailable: true, body: { query, size: 100 } });
  return response.body.hits.hits.map((hit) => hit._source as Record<string, unknown>);
};

interface EstateSeen {
  readonly hosts: Record<string, unknown>;
  readonly addresses: Record<string, { scope?: unknown; planId?: unknown; lastScannedAt?: unknown }>;
}

/** The hosts' and addresses' snapshots in OpenSearch: what the syncs and the ingest have written so far. */
const estateInStore = async (): Promise<EstateSeen> => {
  const hosts = await sources(snapshotIndex('dns-hosts', 'host'), { match_all: {} });
  const addresses = await sources(snapshotIndex('dns-addresses', 'address'), { match_all: {} });
  return {
    hosts: Object.fromEntries(hosts.map((host) => [String(host.host), host.addresses])),
    addresses: Object.fromEntries(
      addresses.map(({ address, scope, planId, lastScannedAt }) => [
        String(address),
        { scope, planId, lastScannedAt },
      ]),
    ),
  };
};

const keys = (rows: readonly ResultRow[], level = 0): string[] =>
  rows.filter((row) => row.docCount > 0).map((row) => String(row.buckets[level]?.key));

/**
 * task-execution deployed as `./sec-an up` deploys it (after shared-infra and analytics-platform), then driven as
 * on AWS: a Route53 estate read by the real ingestor, planned by the real planner, a scanner's last-scan writes,
 * a second ingest after the records change. Every row reaches OpenSearch through the real syncs and ingest, and
 * every dashboard shows it.
 */
describe('task-execution on the local platform', () => {
  useCleanBackends();
  let deployed: DeployResult | undefined;
  let dashboards: DashboardResult[];
  let objects: SavedObject[];
  const result = (): DeployResult => {
    if (deployed === undefined) throw new Error('the platform was not deployed');
    return deployed;
  };
  const invoke = async (name: string): Promise<unknown> => {
    const outcome = await result().compute.invoke(fn(name), {});
    if (!outcome.ok)
      throw new Error(`${name} failed: ${outcome.error.errorType}: ${outcome.error.errorMessage}`);
    return outcome.payload;
  };
  const panel = (id: string): VisualizationResult => {
    const found = dashboards.flatMap((dashboard) => dashboard.panels).find((each) => each.id === id);
    if (found?.type !== 'visualization') throw new Error(`no visualization panel ${id}`);
    return found.result;
  };

  beforeAll(async () => {
    const environment = {
      ...backendsEnvironment(testBackends()),
      SEC_AN_SCAN_SCOPE: JSON.stringify(scanScope),
    };
    deployed = await deployPlatform({
      instance: process.env.SEC_AN_TEST_INSTANCE ?? 'test',
      environment,
      compute: {
        stateDir: mkdtempSync(join(tmpdir(), 'sec-an-task-execution-')),
        environment: { ...environment, POWERTOOLS_LOG_LEVEL: 'WARN' },
      },
    });

    const route53 = awsClient(Route53Client);
    const { HostedZone } = await route53.send(
      new CreateHostedZoneCommand({ Name: 'example.org', CallerReference: 'task-execution-platform-test' }),
    );
    const zone = HostedZone?.Id ?? '';
    const change = (changes: Change[]) =>
      route53.send(
        new ChangeResourceRecordSetsCommand({ HostedZoneId: zone, ChangeBatch: { Changes: changes } }),
      );
    await change([
      record('CREATE', 'www.example.org', 'A', ['192.0.2.10']),
      record('CREATE', 'www.example.org', 'AAAA', ['2001:db8::1']),
      record('CREATE', 'api.example.org', 'A', ['192.0.2.11', '192.0.2.12']),
      record('CREATE', 'ftp.example.org', 'A', ['192.0.2.30']),
      record('CREATE', 'mail.example.org', 'A', ['198.51.100.5']),
      record('CREATE', 'db.internal.example.org', 'A', ['192.0.2.20']),
    ]);
    // Each step waits for the store to show the one before, as minutes pass between them on AWS: results of one
    // row that reach the ingest in two batches at once would otherwise race for its subject state.
    const settled = (what: string, done: (seen: EstateSeen) => boolean) =>
      eventually(what, estateInStore, done);
    const addressesOf = (seen: EstateSeen) => Object.keys(seen.addresses).sort();
    const inScope = (seen: EstateSeen) =>
      Object.entries(seen.addresses).filter(([, address]) => address.scope === 'in-scope');
    await invoke('dns-ingest');
    await settled(
      'the first ingest',
      (seen) => Object.keys(seen.hosts).length === 5 && addressesOf(seen).length === 7,
    );
    await invoke('plan-and-initiate');
    await settled('the first plan', (seen) =>
      Object.values(seen.addresses).every((address) => address.scope !== undefined),
    );
    // The records change: www moves to another address, api is gone.
    await change([
      record('DELETE', 'www.example.org', 'A', ['192.0.2.10']),
      record('CREATE', 'www.example.org', 'A', ['192.0.2.13']),
      record('DELETE', 'api.example.org', 'A', ['192.0.2.11', '192.0.2.12']),
    ]);
    const { ingestId } = (await invoke('dns-ingest')) as { ingestId: string };
    await settled(
      'the second ingest',
      (seen) =>
        addressesOf(seen).join() ===
        ['192.0.2.13', '192.0.2.20', '192.0.2.30', '198.51.100.5', '2001:db8::1'].sort().join(),
    );
    await invoke('plan-and-initiate');
    await settled(
      'the second plan',
      (seen) =>
        inScope(seen).length === 3 &&
        inScope(seen).every(([, { planId }]) => String(planId).startsWith(`${ingestId}@`)),
    );
    // A primary scanner's parser records its last successful scans: one long ago, one within the period.
    const scanned = async (address: string, scannedAt: number) =>
      expect(await recordLastScan({ address, scannedAt, task: 'nmap' })).toBe('recorded');
    await scanned('192.0.2.13', Date.now() - 48 * hourMs);
    await scanned('2001:db8::1', Date.now() - hourMs);
    await settled(
      'the last scans',
      (seen) =>
        Object.values(seen.addresses).filter((address) => address.lastScannedAt !== undefined).length === 2,
    );
    objects = loadSavedObjects(taskExecutionDirectory);
    dashboards = await runDashboards(store(), objects);
  }, 420_000);

  afterAll(async () => {
    await deployed?.compute.stop();
  });

  it('provisions the templates and dashboards, then ingests once on deploy', () => {
    const runs = result()
      .invocations.filter(({ address }) => address.startsWith('task-execution/'))
      .map(({ address, functionName, result: report }) => ({ address, functionName, report }));
    expect(runs).toEqual([
      {
        address: expect.stringMatching(/^task-execution\/search-content\/aws_lambda_invocation\./),
        functionName: 'sec-an-local-analytics-platform-search-setup',
        report: expect.objectContaining({
          templates: expect.objectContaining({ indexTemplates: ['dns-hosts-host', 'dns-addresses-address'] }),
        }),
      },
      {
        address: expect.stringMatching(/^task-execution\/dns-ingest\/aws_lambda_invocation\./),
        functionName: fn('dns-ingest'),
        report: expect.objectContaining({ hosts: 0, addresses: 0 }),
      },
    ]);
  });

  it('publishes the tables, the topic, the delay queue and the cluster', async () => {
    const value = (thing: string, attribute: string) =>
      readParameter({ project: 'task-execution', thing, attribute }, { maxAgeSeconds: 0 });
    expect(await value('addresses-table', 'name')).toBe(fn('addresses'));
    expect(await value('addresses-table', 'arn')).toMatch(/:table\/sec-an-local-task-execution-addresses$/);
    expect(await value('scan-request-topic', 'arn')).toMatch(
      /:sec-an-local-task-execution-scan-request-topic$/,
    );
    expect(await value('delay-queue', 'url')).toMatch(/\/sec-an-local-task-execution-delay-queue$/);
    expect(await value('cluster', 'arn')).toMatch(/:cluster\/sec-an-local-task-execution-scanning$/);
    expect(await value('task-subnets', 'tier')).toBe('public');
    expect(JSON.parse(await value('scan-scope', 'definition'))).toEqual(scanScope);
  });

  it('schedules the daily ingest and the initiator at the start of every bucket', () => {
    const schedules = Object.fromEntries(
      result()
        .deployment.schedules.filter(({ functionName }) => functionName.startsWith(fn('')))
        .map(({ functionName, scheduleExpression }) => [functionName, scheduleExpression]),
    );
    expect(schedules).toEqual({
      [fn('dns-ingest')]: expect.stringMatching(/^cron\(\d{1,2} [234] \* \* \? \*\)$/),
      [fn('plan-and-initiate')]: 'cron(0/15 * * * ? *)',
    });
  });

  it('shows data in every panel of every dashboard', async () => {
    expect(dashboards.map((dashboard) => dashboard.title).sort()).toEqual([
      'DNS changes',
      'Out-of-scope addresses',
      'Scan coverage',
      'Upcoming scans',
    ]);
    expect(panelsWithoutData(objects, dashboards)).toEqual([]);
    await expectDashboardsToShowData(store(), objects);
  });

  it('puts every visualisation on a dashboard, so none escapes this test', () => {
    const shown = new Set(dashboards.flatMap((dashboard) => dashboard.panels.map((each) => each.id)));
    const visualizations = objects
      .filter((object) => object.type === 'visualization')
      .map((object) => object.id);
    expect(visualizations.filter((id) => !shown.has(id))).toEqual([]);
  });

  it('shows the hosts and addresses that appeared, disappeared or changed, and the addresses each host gained and lost', () => {
    expect(keys(panel('task-execution-dns-changes-by-kind').rows, 1).sort()).toEqual(
      expect.arrayContaining(['appeared', 'changed', 'disappeared']),
    );
    const listed = dashboards
      .flatMap((dashboard) => dashboard.panels)
      .find((each) => each.id === 'task-execution-dns-change-list');
    const changes = listed?.type === 'search' ? listed.result.documents : [];
    const labelsOf = (kind: string) =>
      changes
        .filter(({ change }) => change === kind)
        .map(({ task, label }) => `${task} ${label}`)
        .sort();
    expect(labelsOf('disappeared')).toEqual([
      'dns-addresses 192.0.2.10',
      'dns-addresses 192.0.2.11',
      'dns-addresses 192.0.2.12',
      'dns-hosts api.example.org',
    ]);
    // Hosts only: moto (5.2.5) streams an UpdateItem that creates an item as two INSERTs, the first of the key
    // alone, and an address's state, timed by the stream, cannot tell that one from the next.
    expect(changes.filter(({ change, task }) => change === 'changed' && task === 'dns-hosts')).toEqual([
      expect.objectContaining({
        task: 'dns-hosts',
        label: 'www.example.org',
        field: 'addresses',
        before: JSON.stringify(['192.0.2.10', '2001:db8::1']),
        after: JSON.stringify(['192.0.2.13', '2001:db8::1']),
      }),
    ]);
    const pairs = (id: string) =>
      panel(id).rows.map((row) => row.buckets.map((bucket) => String(bucket.key)));
    expect(pairs('task-execution-addresses-added-to-hosts')).toEqual(
      expect.arrayContaining([['www.example.org', '192.0.2.13']]),
    );
    expect(pairs('task-execution-addresses-removed-from-hosts')).toEqual(
      expect.arrayContaining([['www.example.org', '192.0.2.10']]),
    );
  });

  it('shows the upcoming scans of the in-scope addresses only, hour by hour', () => {
    const perHour = panel('task-execution-scans-per-hour').rows;
    expect(perHour.reduce((sum, row) => sum + row.docCount, 0)).toBe(3);
    expect(panel('task-execution-upcoming-scan-count').totalHits).toBe(3);
  });

  it('shows each out-of-scope address with the rule that excluded it', () => {
    expect(keys(panel('task-execution-addresses-by-scope').rows).sort()).toEqual([
      'in-scope',
      'out-of-scope',
    ]);
    expect(panel('task-execution-out-of-scope-count').totalHits).toBe(2);
    expect(keys(panel('task-execution-out-of-scope-by-reason').rows)).toHaveLength(2);
  });

  it('tells addresses scanned within the period from those scanned before it or never', () => {
    const coverage = Object.fromEntries(
      panel('task-execution-coverage-by-last-scan').rows.map((row) => [
        String(row.buckets[0]?.key),
        row.docCount,
      ]),
    );
    expect(coverage).toEqual({
      'scanned within the period': 1,
      'last scan older than the period': 1,
      'never scanned': 1,
    });
    expect(panel('task-execution-uncovered-count').totalHits).toBe(2);
  });
});
