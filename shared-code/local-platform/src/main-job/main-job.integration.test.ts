import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { changeIndex, deadLetterIndex, snapshotIndex } from '@sec-an/contracts/search-index';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import {
  changedEstateLayout,
  demoEstateLayout,
  type EstateLayout,
  expectedChanges,
  expectedClosedPorts,
  expectedOpenPorts,
  expectedTlsEndpoints,
} from '../demo-estate/index.ts';
import { type MainJob, nmapTask, runMainJob, summaryReport, Teardown } from './index.ts';
import { searchSources } from './search-reads.ts';

/** Its own network, apart from the command's and other tests' loopback estates. */
const layout: EstateLayout = demoEstateLayout('127.78.0');

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

  it('summarises the estate: TLS failures of the legacy server, the certificates to look at, no dead letters', async () => {
    const summary = await started().summary();
    const tls = Object.fromEntries(summary.tls.map((each) => [`${each.address}:${each.port}`, each]));
    for (const endpoint of expectedTlsEndpoints(layout)) {
      const failures = tls[`${endpoint.address}:${endpoint.port}`]?.failures ?? ['not found'];
      if (endpoint.profile === 'legacy')
        expect(failures).toEqual(expect.arrayContaining(['offers TLSv1.0', 'offers TLSv1.1']));
      else expect(failures).toEqual([]);
    }
    const flagged = summary.certificates
      .filter((cert) => !cert.namesMatch || (cert.daysToExpiry ?? 365) < 30)
      .map((cert) => `${cert.address}:${cert.port}`)
      .sort();
    expect(flagged).toEqual(
      expectedTlsEndpoints(layout)
        .filter((each) => !each.namesMatch || each.daysValid < 30)
        .map((each) => `${each.address}:${each.port}`)
        .sort(),
    );
    expect(summary.deadLetters.queues).toEqual([]);
    expect(summary.deadLetters.archived).toEqual([]);
    expect(await searchSources(started().client, deadLetterIndex, { match_all: {} }, 100)).toEqual([]);
    const report = summaryReport(summary, testBackends().openSearchEndpoint).join('\n');
    expect(report).toContain(`curl -s '${testBackends().openSearchEndpoint}/`);
    expect(lines.some((line) => line.startsWith('scans       [##############################]'))).toBe(true);
  });

  it('records exactly the changes of the estate in the next cycle: a service stopped, one started, a certificate rotated', async () => {
    const changed = changedEstateLayout(layout);
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
            .map(({ label, field }) => `${endpointOf(label)} ${field}`),
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
  }, 600_000);
});
