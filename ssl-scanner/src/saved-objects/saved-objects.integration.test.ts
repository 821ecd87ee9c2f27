import { beforeAll, describe, expect, it } from '@jest/globals';
import { panelsWithoutData } from '@sec-an/analytics-platform/dashboards';
import {
  countsByRowKey,
  type DashboardsShown,
  dashboardsOverResults,
  expectDashboardsToShowData,
  rowKeys,
} from '@sec-an/analytics-platform/dashboards/testing';
import { platformTemplates } from '@sec-an/analytics-platform/index-templates';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import { openSearchClient } from '@sec-an/runtime/opensearch';
import { testBackends, useCleanBackends } from '@sec-an/testing/backends';
import { sslTemplates } from '../document-types/index.ts';
import { parseTlsObservations } from '../results-parser/index.ts';
import { fixtureNames, fixtureRoots, fixtureSource, readFixture } from '../results-parser/test-fixtures.ts';
import { sslSavedObjects } from './saved-objects.ts';

const store = () => openSearchClient({ endpoint: testBackends().openSearchEndpoint, auth: 'none' });

/**
 * Every fixture's results in scan-time order, so the rotation's second scan follows its first. Chains are judged
 * against the fixtures' private root, as a deployment's store would judge a public one: trusted chains grade on
 * their merits and only the self-signed one is untrusted.
 */
const fixtureResults = (): ScanResult[] =>
  fixtureNames
    .flatMap((name) =>
      parseTlsObservations(readFixture(name), { source: fixtureSource(name), roots: fixtureRoots() }),
    )
    .sort((one, other) => Date.parse(one.endedAt) - Date.parse(other.endedAt));

const port = (name: (typeof fixtureNames)[number]) => readFixture(name).target.port;

describe("ssl-scanner's dashboards over the real fixtures' documents, ingested by the analytics ingest", () => {
  useCleanBackends();
  const objects = sslSavedObjects();
  let shown: DashboardsShown;
  const panel = (id: string) => shown.panel(id);

  beforeAll(async () => {
    shown = await dashboardsOverResults(store(), {
      templates: [...platformTemplates, ...sslTemplates],
      results: fixtureResults(),
      objects,
    });
  }, 120_000);

  it('shows data in every panel of every dashboard', async () => {
    expect(shown.dashboards.map((dashboard) => dashboard.title).sort()).toEqual([
      'Certificate expiry',
      'Certificate names and trust',
      'Mozilla profile compliance',
      'TLS certificate changes',
      'TLS grades over the estate',
      'Weak protocols and ciphers',
    ]);
    expect(panelsWithoutData(objects, shown.dashboards)).toEqual([]);
    await expectDashboardsToShowData(store(), objects, { timeRange: shown.timeRange });
  });

  it('grades the trusted endpoints A, the wrong name M and the self-signed legacy server T', () => {
    expect(countsByRowKey(panel('ssl-scanner-endpoints-by-grade').rows)).toEqual({ A: 5, M: 1, T: 1 });
    expect(rowKeys(panel('ssl-scanner-grades-ignoring-trust').rows)).toEqual(['A A', 'M A', 'T C']);
    expect(rowKeys(panel('ssl-scanner-grade-caps').rows)).toEqual(
      expect.arrayContaining(['name-mismatch M', 'self-signed T', 'no-tls12 C']),
    );
    expect(countsByRowKey(panel('ssl-scanner-endpoints-by-status').rows)).toEqual({
      scanned: 7,
      'out-of-scope': 2,
      refused: 1,
    });
  });

  it('shows the legacy server meeting no Mozilla profile and why, and who meets intermediate', () => {
    expect(countsByRowKey(panel('ssl-scanner-endpoints-by-best-profile').rows)).toEqual({
      intermediate: 3,
      none: 4,
    });
    expect(rowKeys(panel('ssl-scanner-intermediate-failures').rows)).toContain(
      `127.0.0.1 ${port('legacy-self-signed')} `,
    );
    expect(rowKeys(panel('ssl-scanner-noncompliance-reasons').rows)).toEqual(
      expect.arrayContaining(['intermediate protocol-not-allowed', 'old server-order-not-enforced']),
    );
  });

  it("shows the legacy server's TLS 1.0 and 1.1 and its weak RSA suite, and no other endpoint's", () => {
    const legacy = port('legacy-self-signed');
    expect(rowKeys(panel('ssl-scanner-weak-protocols').rows)).toEqual(['TLSv1.0', 'TLSv1.1']);
    expect(rowKeys(panel('ssl-scanner-weak-protocol-endpoints').rows)).toEqual([
      `127.0.0.1 ${legacy} TLSv1.0`,
      `127.0.0.1 ${legacy} TLSv1.1`,
    ]);
    expect(rowKeys(panel('ssl-scanner-weak-ciphers').rows)).toEqual([
      'TLS_RSA_WITH_AES_128_CBC_SHA TLSv1.0',
      'TLS_RSA_WITH_AES_128_CBC_SHA TLSv1.1',
    ]);
    expect(rowKeys(panel('ssl-scanner-weak-cipher-reasons').rows).sort()).toEqual([
      'no-aead',
      'no-forward-secrecy',
    ]);
  });

  it('puts the legacy 29-day certificate between 14 and 30 days and the rest at 60 days or more', () => {
    expect(countsByRowKey(panel('ssl-scanner-certificates-by-expiry').rows)).toEqual({
      Expired: 0,
      'Within 14 days': 0,
      '14 to 30 days': 1,
      '30 to 60 days': 0,
      '60 days or more': 5,
    });
    expect(panel('ssl-scanner-certificates-expiring-soon').totalHits).toBe(1);
    expect(rowKeys(panel('ssl-scanner-expiring-certificates').rows)).toEqual([
      `legacy.example.test 29 127.0.0.1:${port('legacy-self-signed')}`,
    ]);
  });

  it('finds the name served a certificate for another, and the self-signed chain untrusted', () => {
    expect(panel('ssl-scanner-name-mismatch-count').totalHits).toBe(1);
    expect(rowKeys(panel('ssl-scanner-name-mismatches').rows)).toEqual([
      expect.stringMatching(
        new RegExp(`^wrong\\.example\\.test 127\\.0\\.0\\.1 ${port('intermediate-with-names')} `),
      ),
    ]);
    expect(rowKeys(panel('ssl-scanner-untrusted-chains-by-reason').rows)).toEqual(['self-signed']);
    expect(rowKeys(panel('ssl-scanner-untrusted-chain-endpoints').rows)).toEqual([
      `127.0.0.1 ${port('legacy-self-signed')}  self-signed`,
    ]);
  });

  it("shows the rotation's new leaf on the endpoint scanned without SNI and under its name", () => {
    const rotated = port('rotation-after');
    const changes = rowKeys(panel('ssl-scanner-leaf-certificate-changes').rows);
    expect(changes.map((key) => key.split(' ').slice(0, -2).join(' ')).sort()).toEqual([
      `127.0.0.1 ${rotated}`,
      `127.0.0.1 ${rotated} rotate.example.test`,
    ]);
    for (const key of changes) {
      const [before, after] = key.split(' ').slice(-2);
      expect(before).toMatch(/^[0-9a-f]{64}$/);
      expect(after).toMatch(/^[0-9a-f]{64}$/);
      expect(after).not.toBe(before);
    }
    expect(rowKeys(panel('ssl-scanner-tls-changes-by-kind').rows)).toContain(
      'changed tls-endpoint leafFingerprint',
    );
  });
});
