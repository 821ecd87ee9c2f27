import {
  type Change,
  DeleteHostedZoneCommand,
  type ResourceRecordSet,
  Route53ServiceException,
} from '@aws-sdk/client-route-53';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { useCleanBackends } from '@sec-an/testing/backends';
import { route53Sources } from './dns-reader-role.ts';
import { Route53PaginationError, Route53ReadError } from './errors.ts';
import { ingestDns } from './ingest-dns.ts';
import { ThrottledTooOftenError } from './retry-policy.ts';
import { type Route53Api, type Route53Source, route53Api } from './route53-api.ts';
import { readEstate } from './route53-reader.ts';
import {
  type AccountCredentials,
  changeRecords,
  createDnsTables,
  createRole,
  createZone,
  credentialsIn,
  instantRetry,
  readRows,
  route53In,
  setReaderRoles,
  tableResolver,
} from './test-fixtures.ts';
import { Warnings } from './warnings.ts';

const create = (set: ResourceRecordSet): Change => ({ Action: 'CREATE', ResourceRecordSet: set });
const a = (name: string, value: string, extra: Partial<ResourceRecordSet> = {}): ResourceRecordSet => ({
  Name: name,
  Type: 'A',
  TTL: 60,
  ResourceRecords: [{ Value: value }],
  ...extra,
});

/** Counts the calls a source makes, and lets a test act between them. */
const observed = (api: Route53Api, hooks: { afterListingZones?: () => Promise<void> } = {}) => {
  const calls = { listHostedZones: 0, listResourceRecordSets: 0 };
  const wrapped: Route53Api = {
    listHostedZones: async (input) => {
      calls.listHostedZones += 1;
      const page = await api.listHostedZones(input);
      await hooks.afterListingZones?.();
      return page;
    },
    listResourceRecordSets: async (input) => {
      calls.listResourceRecordSets += 1;
      return api.listResourceRecordSets(input);
    },
  };
  return { api: wrapped, calls };
};

const serviceError = (name: string, status: number) =>
  new Route53ServiceException({
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status },
    message: `${name} (injected)`,
  });

/**
 * moto never throttles: this wraps the real moto client and fails the first `failures` calls of each operation
 * with the error Route53 would send, then passes every call through.
 */
const injectingErrors = (api: Route53Api, failures: number, error: () => Error) => {
  const failed = { listHostedZones: 0, listResourceRecordSets: 0 };
  const wrapped: Route53Api = {
    listHostedZones: async (input) => {
      if (failed.listHostedZones < failures) {
        failed.listHostedZones += 1;
        throw error();
      }
      return api.listHostedZones(input);
    },
    listResourceRecordSets: async (input) => {
      if (failed.listResourceRecordSets < failures) {
        failed.listResourceRecordSets += 1;
        throw error();
      }
      return api.listResourceRecordSets(input);
    },
  };
  return { api: wrapped, failed };
};

const recordKeys = (
  sets: readonly { zoneId: string; name: string; type: string; setIdentifier?: string }[],
) => sets.map((set) => `${set.zoneId} ${set.name} ${set.type} ${set.setIdentifier ?? ''}`).sort();

describe('reading Route53 (moto)', () => {
  useCleanBackends();

  let credentials: AccountCredentials;
  let source: Route53Source;
  let bigZone = '';

  beforeAll(async () => {
    process.env.POWERTOOLS_PARAMETERS_MAX_AGE = '0';
    credentials = await credentialsIn('333333333333');
    await setReaderRoles(await createRole(credentials, 'dns-reader'));
    const route53 = route53In(credentials);
    source = { label: 'role dns-reader', api: route53Api(route53) };
    for (let index = 0; index < 7; index += 1) {
      const zone = await createZone(route53, `z${index}.pagination.test`);
      await changeRecords(route53, zone, [
        create(a(`www.z${index}.pagination.test`, `198.51.100.${index + 1}`)),
      ]);
    }
    bigZone = await createZone(route53, 'big.pagination.test');
    const plain = Array.from({ length: 130 }, (_, index) =>
      create(
        a(
          `h${String(index).padStart(3, '0')}.big.pagination.test`,
          `10.1.${Math.floor(index / 100)}.${index % 100}`,
        ),
      ),
    );
    // Groups of three sets under one name and type: page boundaries fall inside them.
    const weighted = Array.from({ length: 10 }, (_, group) =>
      [0, 1, 2].map((member) =>
        create(
          a(`w${group}.big.pagination.test`, `10.2.${group}.${member}`, {
            SetIdentifier: `w${group}-${member}`,
            Weight: member + 1,
          }),
        ),
      ),
    ).flat();
    await changeRecords(route53, bigZone, [...plain, ...weighted]);
  }, 60_000);

  it('follows every page of zones and record sets (MaxItems 2 and 7 over 8 zones and 162 record sets)', async () => {
    const small = observed(source.api);
    const paged = await readEstate(
      [{ ...source, api: small.api }],
      { retry: instantRetry, zonePageSize: 2, recordPageSize: 7 },
      new Warnings(),
    );
    const whole = await readEstate([source], { retry: instantRetry }, new Warnings());

    expect(paged.zones).toHaveLength(8);
    expect(recordKeys(paged.recordSets)).toEqual(recordKeys(whole.recordSets));
    const big = paged.recordSets.filter((set) => set.zoneId === bigZone);
    // 130 A sets, 30 weighted sets, NS and SOA.
    expect(big).toHaveLength(162);
    expect(new Set(big.filter((set) => set.name.startsWith('w')).map((set) => set.setIdentifier)).size).toBe(
      30,
    );
    expect(small.calls.listHostedZones).toBe(4);
    expect(small.calls.listResourceRecordSets).toBeGreaterThanOrEqual(7 + Math.ceil(162 / 7));
  }, 30_000);

  it('fails, naming the zone, when a next page would start where the last one did', async () => {
    // moto ignores StartRecordIdentifier: three sets of one name and type cannot be paged two at a time.
    await expect(
      readEstate([source], { retry: instantRetry, recordPageSize: 2 }, new Warnings()),
    ).rejects.toThrow(Route53PaginationError);
    await expect(
      readEstate([source], { retry: instantRetry, recordPageSize: 2 }, new Warnings()),
    ).rejects.toThrow(
      /record sets of zone big\.pagination\.test \(\w+\) do not advance past w0\.big\.pagination\.test\. A/,
    );
  }, 30_000);

  it('counts a zone deleted between listing and reading as gone, with a warning, and deletes its rows', async () => {
    const route53 = route53In(credentials);
    const doomed = await createZone(route53, 'doomed.pagination.test');
    const doomedRecord = a('www.doomed.pagination.test', '192.0.2.250');
    await changeRecords(route53, doomed, [create(doomedRecord)]);
    const tables = await createDnsTables('gone-zone');
    const resolver = tableResolver({}).resolver;
    await ingestDns({ tables, resolver, ingestId: 'before', clock: () => 1_000 });

    const deleteZone = async () => {
      await changeRecords(route53, doomed, [{ Action: 'DELETE', ResourceRecordSet: doomedRecord }]);
      await route53.send(new DeleteHostedZoneCommand({ Id: doomed }));
    };
    const summary = await ingestDns({
      tables,
      resolver,
      ingestId: 'after',
      clock: () => 2_000,
      sources: async () =>
        (await route53Sources()).map((listed) => ({
          ...listed,
          api: observed(listed.api, { afterListingZones: deleteZone }).api,
        })),
    });

    expect(summary.warnings.map((warning) => warning.message)).toContain(
      `zone doomed.pagination.test (${doomed}) was deleted after it was listed (NoSuchHostedZone): its names count as gone`,
    );
    expect(summary).toMatchObject({ zones: 8, goneZones: 1, hostsRemoved: 1, addressesRemoved: 1 });
    const hosts = (await readRows(tables.hosts)).map((row) => row.host);
    expect(hosts).not.toContain('www.doomed.pagination.test');
    const history = (await readRows(tables.history)).filter((row) => row.ingestId === 'after');
    expect(history.map((row) => [row.name, row.change]).sort()).toEqual([
      ['address:192.0.2.250', 'disappeared'],
      ['host:www.doomed.pagination.test', 'disappeared'],
    ]);
    const ingest = (await readRows(tables.ingests)).find((row) => row.ingestId === 'after');
    expect(ingest).toMatchObject({ status: 'complete', goneZones: [doomed] });
  }, 30_000);

  it('retries throttling (injected by a wrapper around the moto client: moto never throttles) and reads everything', async () => {
    const throttled = injectingErrors(source.api, 2, () => serviceError('Throttling', 400));
    const delays: number[] = [];
    const estate = await readEstate(
      [{ ...source, api: throttled.api }],
      {
        retry: { ...instantRetry, sleep: async (ms) => void delays.push(ms) },
        zonePageSize: 2,
      },
      new Warnings(),
    );
    const whole = await readEstate([source], { retry: instantRetry }, new Warnings());
    expect(recordKeys(estate.recordSets)).toEqual(recordKeys(whole.recordSets));
    expect(throttled.failed).toEqual({ listHostedZones: 2, listResourceRecordSets: 2 });
    expect(delays).toHaveLength(4);
  }, 30_000);

  it('gives up on throttling after the bound (injected), naming the zone, and writes only the failed ingest row', async () => {
    const tables = await createDnsTables('throttled');
    const always = (listed: Route53Source) => ({
      ...listed,
      api: {
        listHostedZones: listed.api.listHostedZones,
        listResourceRecordSets: injectingErrors(listed.api, 100, () =>
          serviceError('PriorRequestNotComplete', 400),
        ).api.listResourceRecordSets,
      },
    });
    const failed = ingestDns({
      tables,
      resolver: tableResolver({}).resolver,
      ingestId: 'throttled',
      retry: instantRetry,
      sources: async () => (await route53Sources()).map(always),
    });
    await expect(failed).rejects.toThrow(ThrottledTooOftenError);
    await expect(failed).rejects.toThrow(
      /^ListResourceRecordSets of zone \S+ \(\w+\) with role arn:aws:iam::333333333333:role\/dns-reader was throttled 4 times in a row; giving up$/,
    );
    expect(await readRows(tables.hosts)).toEqual([]);
    expect(await readRows(tables.history)).toEqual([]);
    expect(await readRows(tables.ingests)).toEqual([
      expect.objectContaining({
        ingestId: 'throttled',
        status: 'failed',
        errorName: 'ThrottledTooOftenError',
      }),
    ]);
  }, 30_000);

  it('fails at once on any other error (AccessDenied injected), naming the zone', async () => {
    const denied = injectingErrors(source.api, 100, () => serviceError('AccessDenied', 403));
    const read = readEstate(
      [
        {
          ...source,
          api: {
            listHostedZones: source.api.listHostedZones,
            listResourceRecordSets: denied.api.listResourceRecordSets,
          },
        },
      ],
      { retry: instantRetry },
      new Warnings(),
    );
    await expect(read).rejects.toThrow(Route53ReadError);
    await expect(read).rejects.toThrow(
      /^ListResourceRecordSets of zone \S+ \(\w+\) with role dns-reader failed: AccessDenied: AccessDenied \(injected\)$/,
    );
    // One call: an error that is not throttling is not retried.
    expect(denied.failed.listResourceRecordSets).toBe(1);
  }, 30_000);
});
