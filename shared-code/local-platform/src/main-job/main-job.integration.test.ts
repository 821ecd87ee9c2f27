import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { changeIndex, deadLetterIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { readParameter } from '@sec-an/runtime/parameters';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { backendsEnvironment } from '../backends/index.ts';
import {
  changedEstateLayout,
  demoEstateLayout,
  type EstateLayout,
  expectedChanges,
  expectedClosedPorts,
  expectedOpenPorts,
  expectedTlsChanges,
  expectedTlsEndpoints,
  expiryBandOf,
} from '../demo-estate/index.ts';
import { scanRequestTopicParameter } from '../on-demand-scan/index.ts';
import { repositoryRoot } from '../paths/index.ts';
import { runCommand } from '../processes/index.ts';
import {
  type MainJob,
  nmapTask,
  observeCycle,
  runMainJob,
  summaryReport,
  Teardown,
  tlsTask,
} from './index.ts';
import { searchSources } from './search-reads.ts';

/** Its own network, apart from the command's and other tests' loopback estates. */
const layout: EstateLayout = demoEstateLayout('127.78.0');

/** `sec-an` as a person runs it, against the test's backends as "AWS": only the environment differs. */
const secAn = (args: readonly string[]) =>
  runCommand(
    process.execPath,
    [
      join(repositoryRoot, 'shared-code/local-platform/src/cli/main.ts'),
      ...args,
      '--aws',
      '--stage',
      'local',
    ],
    {
      env: { ...process.env, ...backendsEnvironment(testBackends()), POWERTOOLS_LOG_LEVEL: 'ERROR' },
      timeoutMs: 300_000,
    },
  );

/** A queue on the scan-request topic taking on-demand requests only, to see exactly what `scan` published. */
const watchOnDemandRequests = async (): Promise<() => Promise<Record<string, unknown>[]>> => {
  const sqs = awsClient(SQSClient);
  const { QueueUrl = '' } = await sqs.send(new CreateQueueCommand({ QueueName: 'on-demand-requests-seen' }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  await awsClient(SNSClient).send(
    new SubscribeCommand({
      TopicArn: await readParameter(scanRequestTopicParameter),
      Protocol: 'sqs',
      Endpoint: Attributes?.QueueArn,
      Attributes: { RawMessageDelivery: 'true', FilterPolicy: JSON.stringify({ origin: ['on-demand'] }) },
    }),
  );
  return async () => {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }),
    );
    return Messages.map((message) => JSON.parse(message.Body ?? '{}') as Record<string, unknown>);
  };
};

describe('the main job: the demo estate scanned through the whole local platform', () => {
  useCleanBackends();
  const work = mkdtempSync(join(tmpdir(), 'sec-an-main-job-'));
  const teardown = new Teardown();
  const lines: string[] = [];
  let job: MainJob | undefined;
  const started = (): MainJob => {
    if (job === undefined) throw new Error('the main job did not start');
    return job;
  };
  const sources = (index: string, query: object) => searchSources(started().client, index, query, 1000);
  /** Waits until no message is waiting or being worked on in any queue, twice in a row: no scan in flight. */
  const quiet = async (): Promise<void> => {
    const deadline = Date.now() + 180_000;
    let quietLooks = 0;
    while (quietLooks < 2 && Date.now() < deadline) {
      const seen = await observeCycle(started().client, started().deployed.deployment, Date.now());
      quietLooks = seen.inQueues === 0 ? quietLooks + 1 : 0;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  };
  const portStates = async (state: 'open' | 'closed') =>
    (await sources(snapshotIndex(nmapTask, 'port'), { term: { state } }))
      .map((port) =>
        state === 'open'
          ? `${port.address}:${port.port} ${port.service} ${port.tls}`
          : `${port.address}:${port.port}`,
      )
      .sort();

  beforeAll(async () => {
    job = await runMainJob({
      instance: process.env.SEC_AN_TEST_INSTANCE ?? 'test',
      backends: testBackends(),
      layout,
      // One bucket of a minute, the shortest plan there is: the command's two buckets would only make CI wait.
      plan: { periodSeconds: 60, buckets: 1 },
      estateDir: join(work, 'estate'),
      computeStateDir: join(work, 'compute'),
      teardown,
      say: (line) => lines.push(line),
    });
  }, 900_000);

  afterAll(async () => {
    await teardown.run();
    rmSync(work, { recursive: true, force: true });
  }, 60_000);

  it('finds every service of the estate, and nothing else, with its name and TLS', async () => {
    expect(started().firstCycle.inScope).toEqual(layout.addresses.map(({ address }) => address).sort());
    expect(await portStates('open')).toEqual(
      expectedOpenPorts(layout)
        .map(({ address, port, service, tls }) => `${address}:${port} ${service} ${tls}`)
        .sort(),
    );
    expect(await portStates('closed')).toEqual(
      expectedClosedPorts(layout)
        .map(({ address, port }) => `${address}:${port}`)
        .sort(),
    );
  });

  it("reads every TLS endpoint's certificate: its names, and whether it expires soon", async () => {
    const certificates = await sources(snapshotIndex(nmapTask, 'certificate'), { match_all: {} });
    const seen = certificates
      .map(
        (cert) =>
          `${cert.address}:${cert.port} ${JSON.stringify(cert.dnsNames)} ${Number(cert.daysToExpiry) < 30}`,
      )
      .sort();
    expect(seen).toEqual(
      expectedTlsEndpoints(layout)
        .map(
          (tls) => `${tls.address}:${tls.port} ${JSON.stringify(tls.certificateNames)} ${tls.daysValid < 30}`,
        )
        .sort(),
    );
  });

  it("judges every TLS endpoint, without SNI and per name, as the estate's truth says", async () => {
    const reasons = new Map(
      (await sources(snapshotIndex(tlsTask, 'tls-compliance'), { term: { profile: 'intermediate' } })).map(
        (verdict) => [
          `${verdict.address}:${verdict.port} ${verdict.serverName}`,
          [...new Set(verdict.reasonCodes as string[])].sort().join(','),
        ],
      ),
    );
    const seen = (await sources(snapshotIndex(tlsTask, 'tls-endpoint'), { match_all: {} }))
      .map((scan) => {
        const endpoint = `${scan.address}:${scan.port} ${scan.serverName}`;
        return (
          `${endpoint} ${scan.status} grade ${scan.grade} best ${scan.bestProfile} trusted ${scan.trusted} ` +
          `names ${scan.nameMatches ?? '-'} ${expiryBandOf(Number(scan.daysToExpiry))} ` +
          `intermediate [${reasons.get(endpoint) ?? 'no verdict'}]`
        );
      })
      .sort();
    expect(seen).toEqual(
      expectedTlsEndpoints(layout)
        .flatMap((tls) =>
          tls.scans.map(
            (scan) =>
              `${tls.address}:${tls.port} ${scan.serverName} scanned grade ${scan.grade} best ${tls.bestProfile} ` +
              `trusted true names ${scan.nameMatches ?? '-'} ${tls.expiry} ` +
              `intermediate [${tls.intermediateReasons.join(',')}]`,
          ),
        )
        .sort(),
    );
  });

  it('summarises the estate from the TLS scanner: grades, profile failures, the certificates to look at, no dead letters', async () => {
    const summary = await started().summary();
    expect(
      summary.tls
        .map((tls) => `${tls.source} ${tls.address}:${tls.port} ${tls.serverName} ${tls.grade}`)
        .sort(),
    ).toEqual(
      expectedTlsEndpoints(layout)
        .flatMap((tls) =>
          tls.scans.map((scan) => `ssl-scanner ${tls.address}:${tls.port} ${scan.serverName} ${scan.grade}`),
        )
        .sort(),
    );
    const flagged = summary.tls
      .filter((tls) => tls.nameMatches === false || (tls.daysToExpiry ?? 365) < 30)
      .map((tls) => `${tls.address}:${tls.port} ${tls.serverName}`)
      .sort();
    expect(flagged).toEqual(
      expectedTlsEndpoints(layout)
        .flatMap((tls) =>
          tls.scans
            .filter((scan) => scan.nameMatches === false || tls.daysValid < 30)
            .map((scan) => `${tls.address}:${tls.port} ${scan.serverName}`),
        )
        .sort(),
    );
    expect(summary.deadLetters.queues).toEqual([]);
    expect(summary.deadLetters.archived).toEqual([]);
    expect(await searchSources(started().client, deadLetterIndex, { match_all: {} }, 100)).toEqual([]);
    const report = summaryReport(summary, testBackends().openSearchEndpoint).join('\n');
    expect(report).toContain(`curl -s '${testBackends().openSearchEndpoint}/`);
    expect(report).toMatch(/does not cover the name/);
    expect(lines.some((line) => line.startsWith('scans       [##############################]'))).toBe(true);
  });

  it('scan --wait of an estate name prints its open ports, services and TLS grades; an address out of scope is refused', async () => {
    const seenRequests = await watchOnDemandRequests();
    const outOfScope = layout.network.replace(
      /^(\d+\.\d+)\.(\d+)\.0\/24$/,
      (_, head, third) => `${head}.${Number(third) + 1}.9`,
    );
    const refused = await secAn(['scan', outOfScope]);
    expect(refused.exitCode).toBe(1);
    expect(refused.output).toContain(`refused   ${outOfScope} (from ${outOfScope}): out of scope,`);
    expect(refused.output).toContain('sec-an scan: 1 of 1 address(es) out of scope were not requested');
    expect(refused.output).not.toContain('requested ');
    expect(await seenRequests()).toEqual([]);

    const [target] = expectedTlsEndpoints(layout).filter(
      (tls) => tls.namesMatch && tls.profile === 'intermediate',
    );
    const host = target?.hosts[0] ?? 'no intermediate endpoint in the layout';
    const run = await secAn(['scan', host, '--wait', '--timeout', '240']);
    expect(run.exitCode).toBe(0);
    const requestId = /request ([0-9a-f-]{36})/.exec(run.output)?.[1];
    expect(run.output).toContain(
      `requested ${target?.address} (${target?.hosts.join(', ')})  request ${requestId}`,
    );
    expect(run.output).toContain('results   1/1 requests answered');
    const printed = run.output.slice(
      run.output.indexOf(`${target?.address} (`, run.output.indexOf('results ')),
    );
    const open = [...printed.matchAll(/\n {2}open {4}(\d+)\/tcp +(\S+)/g)].map(
      ([, port, service]) => `${port} ${service}`,
    );
    expect(open.sort()).toEqual(
      expectedOpenPorts(layout)
        .filter(({ address }) => address === target?.address)
        .map(({ port, service }) => `${port} ${service}`)
        .sort(),
    );
    const grades = [
      ...printed.matchAll(/\n {2}tls {5}(\d+)\/tcp +(\(no SNI\)|\S+) +grade (\S+) +best (\S+)/g),
    ].map(([, port, name, grade, best]) => `${port} ${name} ${grade} ${best}`);
    expect(grades.sort()).toEqual(
      expectedTlsEndpoints(layout)
        .filter(({ address }) => address === target?.address)
        .flatMap((tls) =>
          tls.scans.map(
            (scan) => `${tls.port} ${scan.serverName || '(no SNI)'} ${scan.grade} ${tls.bestProfile}`,
          ),
        )
        .sort(),
    );
    const sent = await seenRequests();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ requestId, origin: 'on-demand', target: { address: target?.address } });
  }, 360_000);

  it('records exactly the changes of the estate in the next cycle: a service stopped, one started, a certificate rotated', async () => {
    const changed = changedEstateLayout(layout);
    // The rotated certificate is reloaded with its port open; the stopped and started services change as soon as
    // they are applied. Change the estate when no scan is in flight, as an operator's change window would.
    await quiet();
    const changeStart = Date.now();
    await started().estate.apply(changed);
    await started().nextCycle(Date.now());

    const changes = await sources(changeIndex, {
      bool: {
        filter: [
          { term: { task: nmapTask } },
          { range: { '@timestamp': { gte: new Date(changeStart).toISOString() } } },
        ],
      },
    });
    const expected = expectedChanges(layout, changed);
    const endpointOf = (label: unknown) => {
      const [address, port] = String(label).split(' ');
      return `${address}:${port}`;
    };
    // Every port state change and certificate change is one the estate made.
    expect(
      changes
        .filter(({ type, field }) => type === 'port' && field === 'state')
        .map(({ label, before, after }) => `${endpointOf(label)} ${before} ${after}`)
        .sort(),
    ).toEqual(
      expected
        .filter(({ kind }) => kind !== 'certificate-rotated')
        .map(
          ({ address, port, kind }) =>
            `${address}:${port} ${kind === 'opened' ? 'closed open' : 'open closed'}`,
        )
        .sort(),
    );
    expect(
      [
        ...new Set(
          changes
            .filter(({ type }) => type === 'certificate')
            .map(({ label, change, field }) => `${endpointOf(label)} ${field ?? change}`),
        ),
      ].sort(),
    ).toEqual(
      expected
        .filter(({ kind }) => kind === 'certificate-rotated')
        .flatMap(({ address, port }) => [`${address}:${port} notAfter`, `${address}:${port} sha1`]),
    );
    // And no other entity changed: only the ports and hosts the estate touched.
    const touched = new Set(expected.flatMap(({ address, port }) => [`${address}:${port}`, address]));
    const untouched = changes.filter(({ type, label }) =>
      type === 'host-summary' || type === 'host'
        ? !touched.has(String(label))
        : !touched.has(endpointOf(label)),
    );
    expect(untouched).toEqual([]);

    const tlsChanges = await sources(changeIndex, {
      bool: {
        filter: [
          { term: { task: tlsTask } },
          { range: { '@timestamp': { gte: new Date(changeStart).toISOString() } } },
        ],
      },
    });
    const expectedTls = expectedTlsChanges(layout, changed);
    // The rotated leaf, for every scan of its endpoint, and the new certificate: nothing else changed for TLS.
    expect(
      tlsChanges
        .map(({ type, change, field, label }) =>
          type === 'certificate'
            ? `certificate ${change} ${String(label).split(' ')[0]}`
            : `${type} ${change} ${field} ${label}`,
        )
        .sort(),
    ).toEqual(
      [
        ...expectedTls.leafChanges.map((label) => `tls-endpoint changed leafFingerprint ${label}`),
        ...expectedTls.newCertificates.map((name) => `certificate appeared ${name}`),
      ].sort(),
    );
  }, 600_000);
});
