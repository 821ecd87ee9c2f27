import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import type { Change, ResourceRecordSet, Route53Client } from '@aws-sdk/client-route-53';
import { STSClient, STSServiceException } from '@aws-sdk/client-sts';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { parameterName } from '@sec-an/runtime/parameters';
import { useCleanBackends } from '@sec-an/testing/backends';
import { dnsReaderRoleParameter, route53Sources } from './dns-reader-role.ts';
import { DnsReaderRoleError, DnsReaderRoleParameterError } from './errors.ts';
import { ingestDns } from './ingest-dns.ts';
import {
  changeRecords,
  createDnsTables,
  createRole,
  createZone,
  credentialsIn,
  readRows,
  route53In,
  rowsBy,
  setReaderRoles,
  tableResolver,
} from './test-fixtures.ts';

const dnsAccount = '111111111111';
const day = 86_400_000;
const firstIngestAt = 1_700_000_000_000;

const create = (set: ResourceRecordSet): Change => ({ Action: 'CREATE', ResourceRecordSet: set });
const a = (name: string, values: string[], extra: Partial<ResourceRecordSet> = {}): ResourceRecordSet => ({
  Name: name,
  Type: 'A',
  TTL: 300,
  ResourceRecords: values.map((Value) => ({ Value })),
  ...extra,
});
const aaaa = (name: string, values: string[]): ResourceRecordSet => ({ ...a(name, values), Type: 'AAAA' });
const cname = (name: string, value: string): ResourceRecordSet => ({ ...a(name, [value]), Type: 'CNAME' });
const alias = (name: string, type: 'A' | 'AAAA', zoneId: string, target: string): ResourceRecordSet => ({
  Name: name,
  Type: type,
  AliasTarget: { HostedZoneId: zoneId, DNSName: target, EvaluateTargetHealth: false },
});

/** An AWS load balancer's hosted zone: not one this ingest reads. */
const elbZone = 'Z35SXDOTRQ7X7K';
const loadBalancer = 'my-lb-123.eu-west-1.elb.amazonaws.com';

const bad = a('bad.example.com', ['192.0.2.80', 'not-an-ip']);
const apiGreen = a('api.example.com', ['192.0.2.21'], { SetIdentifier: 'api-green', Weight: 90 });

const publicRecords = (publicZone: string, privateZone: string): ResourceRecordSet[] => [
  a('www.example.com', ['192.0.2.10', '192.0.2.11']),
  aaaa('ipv6.example.com', ['2001:DB8::10']),
  a('dual.example.com', ['192.0.2.12']),
  aaaa('dual.example.com', ['2001:db8::12']),
  a('api.example.com', ['192.0.2.20'], { SetIdentifier: 'api-blue', Weight: 10 }),
  apiGreen,
  a('geo.example.com', ['192.0.2.30'], { SetIdentifier: 'geo-eu', Region: 'eu-west-1' }),
  a('geo.example.com', ['192.0.2.31'], { SetIdentifier: 'geo-us', Region: 'us-east-1' }),
  a('ha.example.com', ['192.0.2.40'], { SetIdentifier: 'ha-primary', Failover: 'PRIMARY' }),
  a('ha.example.com', ['192.0.2.41'], { SetIdentifier: 'ha-secondary', Failover: 'SECONDARY' }),
  a('country.example.com', ['192.0.2.50'], {
    SetIdentifier: 'country-de',
    GeoLocation: { CountryCode: 'DE' },
  }),
  a('country.example.com', ['192.0.2.51'], {
    SetIdentifier: 'country-any',
    GeoLocation: { CountryCode: '*' },
  }),
  a('multi.example.com', ['192.0.2.60'], { SetIdentifier: 'multi-1', MultiValueAnswer: true }),
  a('multi.example.com', ['192.0.2.61'], { SetIdentifier: 'multi-2', MultiValueAnswer: true }),
  a('*.apps.example.com', ['192.0.2.70']),
  alias('alias-internal.example.com', 'A', privateZone, 'db.corp.internal.'),
  alias('alias-chain.example.com', 'A', publicZone, 'alias-internal.example.com.'),
  alias('lb.example.com', 'A', elbZone, `${loadBalancer}.`),
  alias('lb.example.com', 'AAAA', elbZone, `${loadBalancer}.`),
  cname('cname1.example.com', 'cname2.example.com'),
  cname('cname2.example.com', 'www.example.com'),
  cname('cname-wild.example.com', 'foo.apps.example.com'),
  cname('cname-outside.example.com', 'service.saas.example.net'),
  cname('cname-dangling.example.com', 'gone.outside.test'),
  cname('loop-a.example.com', 'loop-b.example.com'),
  cname('loop-b.example.com', 'loop-a.example.com'),
  bad,
  aaaa('bad6.example.com', ['192.0.2.81']),
  { Name: 'example.com', Type: 'MX', TTL: 300, ResourceRecords: [{ Value: '10 mail.example.com' }] },
  { Name: 'example.com', Type: 'TXT', TTL: 300, ResourceRecords: [{ Value: '"v=spf1 -all"' }] },
  a('mail.example.com', ['192.0.2.25']),
  { Name: 'sub.example.com', Type: 'NS', TTL: 300, ResourceRecords: [{ Value: 'ns1.other.test' }] },
  cname('cname-delegated.example.com', 'host.sub.example.com'),
  a('shared.example.com', ['192.0.2.10']),
  cname('missing-target.example.com', 'nothing-here.example.com'),
];

const privateRecords: ResourceRecordSet[] = [
  a('db.corp.internal', ['10.0.0.5']),
  cname('app.corp.internal', 'www.example.com'),
  a('only-private.corp.internal', ['10.0.0.6']),
];

const outsideAnswers = () => ({
  [loadBalancer]: { ipv4: ['198.51.100.1'], ipv6: ['2001:db8:ff::1'] },
  'service.saas.example.net': { ipv4: ['203.0.113.5'], ipv6: ['2001:DB8:AA::5'] },
  'host.sub.example.com': { ipv4: ['203.0.113.9'] },
});

/** Host -> addresses the estate must resolve to. */
const expectedHosts: Record<string, string[]> = {
  'www.example.com': ['192.0.2.10', '192.0.2.11'],
  'ipv6.example.com': ['2001:db8::10'],
  'dual.example.com': ['192.0.2.12', '2001:db8::12'],
  'api.example.com': ['192.0.2.20', '192.0.2.21'],
  'geo.example.com': ['192.0.2.30', '192.0.2.31'],
  'ha.example.com': ['192.0.2.40', '192.0.2.41'],
  'country.example.com': ['192.0.2.50', '192.0.2.51'],
  'multi.example.com': ['192.0.2.60', '192.0.2.61'],
  '*.apps.example.com': ['192.0.2.70'],
  'alias-internal.example.com': ['10.0.0.5'],
  'alias-chain.example.com': ['10.0.0.5'],
  'lb.example.com': ['198.51.100.1', '2001:db8:ff::1'],
  'cname1.example.com': ['192.0.2.10', '192.0.2.11'],
  'cname2.example.com': ['192.0.2.10', '192.0.2.11'],
  'cname-wild.example.com': ['192.0.2.70'],
  'cname-outside.example.com': ['2001:db8:aa::5', '203.0.113.5'],
  'cname-dangling.example.com': [],
  'loop-a.example.com': [],
  'loop-b.example.com': [],
  'bad.example.com': ['192.0.2.80'],
  'bad6.example.com': [],
  'mail.example.com': ['192.0.2.25'],
  'cname-delegated.example.com': ['203.0.113.9'],
  'shared.example.com': ['192.0.2.10'],
  'missing-target.example.com': [],
  'db.corp.internal': ['10.0.0.5'],
  'app.corp.internal': ['192.0.2.10', '192.0.2.11'],
  'only-private.corp.internal': ['10.0.0.6'],
};

/** Address -> hosts, and whether only private zones name it. */
const expectedAddresses: Record<
  string,
  { hosts: string[]; private?: true; zones: 'public' | 'private' | 'both' }
> = {
  '192.0.2.10': {
    hosts: [
      'app.corp.internal',
      'cname1.example.com',
      'cname2.example.com',
      'shared.example.com',
      'www.example.com',
    ],
    zones: 'both',
  },
  '192.0.2.11': {
    hosts: ['app.corp.internal', 'cname1.example.com', 'cname2.example.com', 'www.example.com'],
    zones: 'both',
  },
  '2001:db8::10': { hosts: ['ipv6.example.com'], zones: 'public' },
  '192.0.2.12': { hosts: ['dual.example.com'], zones: 'public' },
  '2001:db8::12': { hosts: ['dual.example.com'], zones: 'public' },
  '192.0.2.20': { hosts: ['api.example.com'], zones: 'public' },
  '192.0.2.21': { hosts: ['api.example.com'], zones: 'public' },
  '192.0.2.30': { hosts: ['geo.example.com'], zones: 'public' },
  '192.0.2.31': { hosts: ['geo.example.com'], zones: 'public' },
  '192.0.2.40': { hosts: ['ha.example.com'], zones: 'public' },
  '192.0.2.41': { hosts: ['ha.example.com'], zones: 'public' },
  '192.0.2.50': { hosts: ['country.example.com'], zones: 'public' },
  '192.0.2.51': { hosts: ['country.example.com'], zones: 'public' },
  '192.0.2.60': { hosts: ['multi.example.com'], zones: 'public' },
  '192.0.2.61': { hosts: ['multi.example.com'], zones: 'public' },
  '192.0.2.70': { hosts: ['*.apps.example.com', 'cname-wild.example.com'], zones: 'public' },
  '10.0.0.5': {
    hosts: ['alias-chain.example.com', 'alias-internal.example.com', 'db.corp.internal'],
    zones: 'both',
  },
  '198.51.100.1': { hosts: ['lb.example.com'], zones: 'public' },
  '2001:db8:ff::1': { hosts: ['lb.example.com'], zones: 'public' },
  '203.0.113.5': { hosts: ['cname-outside.example.com'], zones: 'public' },
  '2001:db8:aa::5': { hosts: ['cname-outside.example.com'], zones: 'public' },
  '192.0.2.80': { hosts: ['bad.example.com'], zones: 'public' },
  '192.0.2.25': { hosts: ['mail.example.com'], zones: 'public' },
  '203.0.113.9': { hosts: ['cname-delegated.example.com'], zones: 'public' },
  '10.0.0.6': { hosts: ['only-private.corp.internal'], private: true, zones: 'private' },
};

describe('DNS ingest of a Route53 estate in two zones, read through an assumed role (moto)', () => {
  useCleanBackends();

  let publicZone = '';
  let privateZone = '';
  let dnsRoute53: Route53Client;
  let roleArn = '';

  const zonesOf = (kind: 'public' | 'private' | 'both') =>
    ({ public: [publicZone], private: [privateZone], both: [privateZone, publicZone].sort() })[kind];

  beforeAll(async () => {
    // Every SSM read sees the value the test just put.
    process.env.POWERTOOLS_PARAMETERS_MAX_AGE = '0';
    const dnsCredentials = await credentialsIn(dnsAccount);
    roleArn = await createRole(dnsCredentials, 'dns-reader');
    dnsRoute53 = route53In(dnsCredentials);
    publicZone = await createZone(dnsRoute53, 'example.com');
    privateZone = await createZone(dnsRoute53, 'corp.internal', 'vpc-0a1b2c3d');
    await changeRecords(dnsRoute53, publicZone, publicRecords(publicZone, privateZone).map(create));
    await changeRecords(dnsRoute53, privateZone, privateRecords.map(create));
    // The function's own account holds a zone too: read only when no role is configured.
    const ownZone = await createZone(route53In(), 'own.example.net');
    await changeRecords(route53In(), ownZone, [create(a('www.own.example.net', ['192.0.2.200']))]);
  }, 60_000);

  describe('a first and a second ingest', () => {
    const outside = tableResolver(outsideAnswers());
    let tables: Awaited<ReturnType<typeof createDnsTables>>;
    let first: Awaited<ReturnType<typeof ingestDns>>;

    beforeAll(async () => {
      await setReaderRoles(roleArn);
      tables = await createDnsTables('estate');
      first = await ingestDns({
        tables,
        resolver: outside.resolver,
        ingestId: 'ingest-1',
        clock: () => firstIngestAt,
      });
    }, 60_000);

    it('writes exactly the expected hosts', async () => {
      const hosts = await rowsBy(tables.hosts, 'host');
      expect(Object.keys(hosts).sort()).toEqual(Object.keys(expectedHosts).sort());
      for (const [host, addresses] of Object.entries(expectedHosts)) {
        const isPrivate = host.endsWith('.corp.internal');
        expect(hosts[host]).toEqual({
          host,
          ...(addresses.length === 0 ? {} : { addresses: [...addresses].sort() }),
          zones: [isPrivate ? privateZone : publicZone],
          private: isPrivate,
          ingestId: 'ingest-1',
          ingestedAt: firstIngestAt,
        });
      }
    }, 30_000);

    it('writes exactly the expected addresses, each with its hosts, zones and privacy', async () => {
      const addresses = await rowsBy(tables.addresses, 'address');
      expect(Object.keys(addresses).sort()).toEqual(Object.keys(expectedAddresses).sort());
      for (const [address, expected] of Object.entries(expectedAddresses)) {
        expect(addresses[address]).toEqual({
          address,
          hosts: expected.hosts,
          zones: zonesOf(expected.zones),
          private: expected.private === true,
          ingestId: 'ingest-1',
          ingestedAt: firstIngestAt,
        });
      }
    }, 30_000);

    it('records every host and address as appeared', async () => {
      const history = await readRows(tables.history);
      expect(history).toHaveLength(Object.keys(expectedHosts).length + Object.keys(expectedAddresses).length);
      expect(history.every((row) => row.change === 'appeared' && row.ingestId === 'ingest-1')).toBe(true);
      const byName = Object.fromEntries(history.map((row) => [row.name, row]));
      expect(byName['host:www.example.com']).toEqual({
        name: 'host:www.example.com',
        ingestedAt: firstIngestAt,
        ingestId: 'ingest-1',
        kind: 'host',
        change: 'appeared',
        current: ['192.0.2.10', '192.0.2.11'],
        added: ['192.0.2.10', '192.0.2.11'],
      });
      expect(byName['host:loop-a.example.com']).toEqual({
        name: 'host:loop-a.example.com',
        ingestedAt: firstIngestAt,
        ingestId: 'ingest-1',
        kind: 'host',
        change: 'appeared',
      });
      expect(byName['address:10.0.0.5']).toMatchObject({
        kind: 'address',
        current: ['alias-chain.example.com', 'alias-internal.example.com', 'db.corp.internal'],
        added: ['alias-chain.example.com', 'alias-internal.example.com', 'db.corp.internal'],
      });
    }, 30_000);

    it('asks the outside resolver only for names no ingested zone holds, each family once', () => {
      expect([...outside.asked].sort()).toEqual([
        'ipv4 gone.outside.test',
        'ipv4 host.sub.example.com',
        `ipv4 ${loadBalancer}`,
        'ipv4 service.saas.example.net',
        'ipv6 gone.outside.test',
        'ipv6 host.sub.example.com',
        `ipv6 ${loadBalancer}`,
        'ipv6 service.saas.example.net',
      ]);
    }, 30_000);

    it('warns precisely about what it skipped or could not resolve', () => {
      expect(first.warnings.map((warning) => warning.message).sort()).toEqual(
        [
          `zone example.com (${publicZone}): A record bad.example.com has the value "not-an-ip", which is not an IPv4 address; skipped`,
          `zone example.com (${publicZone}): AAAA record bad6.example.com has the value "192.0.2.81", which is not an IPv6 address; skipped`,
          'CNAME/alias loop loop-a.example.com -> loop-b.example.com -> loop-a.example.com: the loop adds no address',
          'CNAME/alias loop loop-b.example.com -> loop-a.example.com -> loop-b.example.com: the loop adds no address',
          `CNAME missing-target.example.com -> nothing-here.example.com: zone example.com (${publicZone}) holds no such name`,
          'outside name gone.outside.test (A) could not be resolved: ENOTFOUND',
          'outside name gone.outside.test (AAAA) could not be resolved: ENOTFOUND',
          'host bad6.example.com resolves to no address',
          'host cname-dangling.example.com resolves to no address',
          'host loop-a.example.com resolves to no address',
          'host loop-b.example.com resolves to no address',
          'host missing-target.example.com resolves to no address',
        ].sort(),
      );
    }, 30_000);

    it('marks the ingest complete with its counts', async () => {
      const [row] = await readRows(tables.ingests);
      expect(row).toMatchObject({
        ingestId: 'ingest-1',
        status: 'complete',
        startedAt: firstIngestAt,
        endedAt: firstIngestAt,
        zones: expect.arrayContaining([publicZone, privateZone]),
        hosts: 28,
        addresses: 25,
        hostsAdded: 28,
        addressesAdded: 25,
        hostsRemoved: 0,
        addressesRemoved: 0,
        warningCount: 12,
      });
      expect(first).toMatchObject({
        ingestId: 'ingest-1',
        zones: 2,
        hosts: 28,
        addresses: 25,
        historyRows: 53,
      });
    }, 30_000);

    it('a second ingest after records change records what was added and removed, and deletes what is gone', async () => {
      // The planner's attributes of an address row survive the ingestor's update of it.
      await awsClient(DynamoDBClient).send(
        new UpdateItemCommand({
          TableName: tables.addresses,
          Key: { address: { S: '192.0.2.10' } },
          UpdateExpression: 'SET #scope = :scope, plannedAt = :plannedAt',
          ExpressionAttributeNames: { '#scope': 'scope' },
          ExpressionAttributeValues: { ':scope': { S: 'in-scope' }, ':plannedAt': { N: '123' } },
        }),
      );
      await changeRecords(dnsRoute53, publicZone, [
        { Action: 'UPSERT', ResourceRecordSet: a('www.example.com', ['192.0.2.10', '192.0.2.13']) },
        { Action: 'DELETE', ResourceRecordSet: apiGreen },
        { Action: 'DELETE', ResourceRecordSet: bad },
        create(a('new.example.com', ['192.0.2.90'])),
        create(a('shared2.example.com', ['192.0.2.10'])),
      ]);
      outside.answers[loadBalancer] = { ipv4: ['198.51.100.2'], ipv6: ['2001:db8:ff::1'] };
      const secondIngestAt = firstIngestAt + day;

      const second = await ingestDns({
        tables,
        resolver: outside.resolver,
        ingestId: 'ingest-2',
        clock: () => secondIngestAt,
      });

      const history = (await readRows(tables.history)).filter((row) => row.ingestId === 'ingest-2');
      const changes = Object.fromEntries(
        history.map((row) => [row.name, [row.change, row.added ?? [], row.removed ?? []]]),
      );
      const fourHosts = ['app.corp.internal', 'cname1.example.com', 'cname2.example.com', 'www.example.com'];
      expect(changes).toEqual({
        'host:www.example.com': ['changed', ['192.0.2.13'], ['192.0.2.11']],
        'host:cname1.example.com': ['changed', ['192.0.2.13'], ['192.0.2.11']],
        'host:cname2.example.com': ['changed', ['192.0.2.13'], ['192.0.2.11']],
        'host:app.corp.internal': ['changed', ['192.0.2.13'], ['192.0.2.11']],
        'host:api.example.com': ['changed', [], ['192.0.2.21']],
        'host:bad.example.com': ['disappeared', [], ['192.0.2.80']],
        'host:new.example.com': ['appeared', ['192.0.2.90'], []],
        'host:shared2.example.com': ['appeared', ['192.0.2.10'], []],
        'host:lb.example.com': ['changed', ['198.51.100.2'], ['198.51.100.1']],
        'address:192.0.2.11': ['disappeared', [], fourHosts],
        'address:192.0.2.13': ['appeared', fourHosts, []],
        'address:192.0.2.21': ['disappeared', [], ['api.example.com']],
        'address:192.0.2.80': ['disappeared', [], ['bad.example.com']],
        'address:192.0.2.90': ['appeared', ['new.example.com'], []],
        'address:192.0.2.10': ['changed', ['shared2.example.com'], []],
        'address:198.51.100.1': ['disappeared', [], ['lb.example.com']],
        'address:198.51.100.2': ['appeared', ['lb.example.com'], []],
      });
      expect(history.every((row) => row.ingestedAt === secondIngestAt)).toBe(true);

      const hosts = await rowsBy(tables.hosts, 'host');
      const addresses = await rowsBy(tables.addresses, 'address');
      expect(hosts['bad.example.com']).toBeUndefined();
      for (const gone of ['192.0.2.11', '192.0.2.21', '192.0.2.80', '198.51.100.1']) {
        expect(addresses[gone]).toBeUndefined();
      }
      expect(Object.keys(hosts)).toHaveLength(29);
      expect(Object.keys(addresses)).toHaveLength(24);
      expect(addresses['192.0.2.10']).toMatchObject({
        hosts: [...fourHosts, 'shared.example.com', 'shared2.example.com'].sort(),
        scope: 'in-scope',
        plannedAt: 123,
        ingestId: 'ingest-2',
        ingestedAt: secondIngestAt,
      });
      // Rows whose DNS did not change are not written again.
      expect(hosts['dual.example.com']).toMatchObject({ ingestId: 'ingest-1', ingestedAt: firstIngestAt });
      expect(addresses['192.0.2.12']).toMatchObject({ ingestId: 'ingest-1', ingestedAt: firstIngestAt });
      expect(second).toMatchObject({
        hostsAdded: 2,
        hostsRemoved: 1,
        addressesAdded: 3,
        addressesRemoved: 4,
        historyRows: 17,
        rowsDeleted: 5,
      });
      expect(second.warnings.some((warning) => warning.message.includes('bad.example.com'))).toBe(false);
    }, 30_000);
  });

  it('a role ARN that is not one fails the ingest, naming the parameter and value, and writes only the failed ingest row', async () => {
    await setReaderRoles(roleArn);
    const tables = await createDnsTables('bad-role');
    const resolver = tableResolver(outsideAnswers()).resolver;
    await ingestDns({ tables, resolver, ingestId: 'good', clock: () => firstIngestAt });
    const before = await Promise.all([
      readRows(tables.hosts),
      readRows(tables.addresses),
      readRows(tables.history),
    ]);

    const malformed = `arn:aws:iam::${dnsAccount}:dns-reader`;
    await setReaderRoles(malformed);
    const failed = ingestDns({ tables, resolver, ingestId: 'bad', clock: () => firstIngestAt + day });

    await expect(failed).rejects.toThrow(DnsReaderRoleParameterError);
    const message = `${parameterName(dnsReaderRoleParameter)} holds "${malformed}", which is not an IAM role ARN (arn:aws:iam::<account id>:role/<name>)`;
    await expect(failed).rejects.toThrow(message);
    const after = await Promise.all([
      readRows(tables.hosts),
      readRows(tables.addresses),
      readRows(tables.history),
    ]);
    expect(after).toEqual(before);
    const ingests = await rowsBy(tables.ingests, 'ingestId');
    expect(ingests.bad).toEqual({
      ingestId: 'bad',
      status: 'failed',
      startedAt: firstIngestAt + day,
      endedAt: firstIngestAt + day,
      errorName: 'DnsReaderRoleParameterError',
      error: message,
      warningCount: 0,
      warnings: [],
    });
    expect(ingests.good?.status).toBe('complete');
  }, 30_000);

  it('a role STS refuses (refusal injected: moto assumes any role) fails the ingest, naming the role, and writes only the failed ingest row', async () => {
    await setReaderRoles(roleArn);
    const tables = await createDnsTables('refused-role');
    const refusing = new STSClient({});
    refusing.middlewareStack.add(
      () => async () => {
        throw new STSServiceException({
          name: 'AccessDenied',
          $fault: 'client',
          $metadata: { httpStatusCode: 403 },
          message: `User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
        });
      },
      { step: 'initialize', name: 'refuseAssumeRole' },
    );
    const failed = ingestDns({
      tables,
      resolver: tableResolver({}).resolver,
      ingestId: 'refused',
      sources: () => route53Sources(refusing),
    });
    const message = `cannot assume the DNS reader role ${roleArn} (from ${parameterName(dnsReaderRoleParameter)}): AccessDenied: User is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`;
    await expect(failed).rejects.toThrow(DnsReaderRoleError);
    await expect(failed).rejects.toThrow(message);
    expect(await readRows(tables.hosts)).toEqual([]);
    expect(await readRows(tables.addresses)).toEqual([]);
    expect(await readRows(tables.history)).toEqual([]);
    expect(await readRows(tables.ingests)).toEqual([
      expect.objectContaining({
        ingestId: 'refused',
        status: 'failed',
        errorName: 'DnsReaderRoleError',
        error: message,
      }),
    ]);
  }, 30_000);

  it("without a reader role, reads with the function's own credentials", async () => {
    await setReaderRoles(undefined);
    const tables = await createDnsTables('own-credentials');
    const summary = await ingestDns({ tables, resolver: tableResolver({}).resolver });
    expect(Object.keys(await rowsBy(tables.hosts, 'host'))).toEqual(['www.own.example.net']);
    expect(Object.keys(await rowsBy(tables.addresses, 'address'))).toEqual(['192.0.2.200']);
    expect(summary).toMatchObject({ zones: 1, hosts: 1, addresses: 1 });
  }, 30_000);

  it("with several reader roles, reads every role's account", async () => {
    const otherCredentials = await credentialsIn('222222222222');
    const otherRole = await createRole(otherCredentials, 'dns-reader');
    const otherZone = await createZone(route53In(otherCredentials), 'example.org');
    await changeRecords(route53In(otherCredentials), otherZone, [
      create(cname('www.example.org', 'mail.example.com')),
    ]);
    await setReaderRoles(`${roleArn}, ${otherRole}`);
    const tables = await createDnsTables('two-roles');
    const summary = await ingestDns({ tables, resolver: tableResolver(outsideAnswers()).resolver });
    const hosts = await rowsBy(tables.hosts, 'host');
    expect(hosts['www.example.org']).toMatchObject({ addresses: ['192.0.2.25'], zones: [otherZone] });
    expect(hosts['mail.example.com']).toMatchObject({ addresses: ['192.0.2.25'], zones: [publicZone] });
    expect(summary.zones).toBe(3);
  }, 30_000);
});
