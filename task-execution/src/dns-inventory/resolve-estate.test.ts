import { describe, expect, it } from '@jest/globals';
import type { Estate, HostedZone, RecordSet } from './estate.ts';
import type { Inventory } from './inventory.ts';
import { resolveEstate } from './resolve-estate.ts';
import { tableResolver } from './test-fixtures.ts';
import { Warnings } from './warnings.ts';

const publicZone: HostedZone = { id: 'ZPUBLIC', name: 'example.com', private: false };
const privateZone: HostedZone = { id: 'ZPRIVATE', name: 'corp.internal', private: true };

const a = (name: string, ...values: string[]): RecordSet => ({ zoneId: 'ZPUBLIC', name, type: 'A', values });
const cname = (name: string, value: string, zoneId = 'ZPUBLIC'): RecordSet => ({
  zoneId,
  name,
  type: 'CNAME',
  values: [value],
});

const resolve = async (recordSets: RecordSet[], answers = {}, zones = [publicZone, privateZone]) => {
  const warnings = new Warnings();
  const { resolver, asked } = tableResolver(answers);
  const estate: Estate = { zones, goneZones: [], recordSets };
  const inventory = await resolveEstate(estate, resolver, warnings);
  return { inventory, warnings: warnings.list().map((warning) => warning.message), asked: asked.sort() };
};

const hostAddresses = (inventory: Inventory) =>
  Object.fromEntries([...inventory.hosts].map(([host, entry]) => [host, [...entry.addresses].sort()]));

describe('resolving an estate', () => {
  it('follows a CNAME chain through the ingested zones without asking the world', async () => {
    const { inventory, asked } = await resolve([
      a('www.example.com', '192.0.2.1'),
      cname('one.example.com', 'two.example.com'),
      cname('two.example.com', 'WWW.example.com.'),
    ]);
    expect(hostAddresses(inventory)).toEqual({
      'one.example.com': ['192.0.2.1'],
      'two.example.com': ['192.0.2.1'],
      'www.example.com': ['192.0.2.1'],
    });
    expect(asked).toEqual([]);
  });

  it('matches a wildcard only below the closest existing name (RFC 4592)', async () => {
    const { inventory, warnings } = await resolve([
      a('*.example.com', '192.0.2.9'),
      a('deep.b.example.com', '192.0.2.2'),
      cname('to-wild.example.com', 'anything.example.com'),
      cname('to-blocked.example.com', 'x.b.example.com'),
    ]);
    expect(hostAddresses(inventory)['to-wild.example.com']).toEqual(['192.0.2.9']);
    expect(hostAddresses(inventory)['to-blocked.example.com']).toEqual([]);
    expect(hostAddresses(inventory)['*.example.com']).toEqual(['192.0.2.9']);
    expect(warnings).toContain(
      'CNAME to-blocked.example.com -> x.b.example.com: zone example.com (ZPUBLIC) holds no such name',
    );
  });

  it('resolves a name delegated out of an ingested zone through the outside resolver', async () => {
    const { inventory, asked } = await resolve(
      [
        { zoneId: 'ZPUBLIC', name: 'sub.example.com', type: 'NS', values: ['ns1.elsewhere.test'] },
        cname('to-sub.example.com', 'host.sub.example.com'),
      ],
      { 'host.sub.example.com': { ipv4: ['203.0.113.7'] } },
    );
    expect(hostAddresses(inventory)['to-sub.example.com']).toEqual(['203.0.113.7']);
    expect(asked).toEqual(['ipv4 host.sub.example.com', 'ipv6 host.sub.example.com']);
  });

  it('follows an alias into an ingested zone within that zone, and an alias elsewhere through the resolver', async () => {
    const { inventory, asked } = await resolve(
      [
        { zoneId: 'ZPRIVATE', name: 'db.corp.internal', type: 'A', values: ['10.0.0.5'] },
        {
          zoneId: 'ZPUBLIC',
          name: 'in.example.com',
          type: 'A',
          values: [],
          alias: { zoneId: 'ZPRIVATE', name: 'db.corp.internal' },
        },
        {
          zoneId: 'ZPUBLIC',
          name: 'chain.example.com',
          type: 'A',
          values: [],
          alias: { zoneId: 'ZPUBLIC', name: 'in.example.com' },
        },
        {
          zoneId: 'ZPUBLIC',
          name: 'lb.example.com',
          type: 'AAAA',
          values: [],
          alias: { zoneId: 'ZELB', name: 'lb-1.elb.test' },
        },
      ],
      { 'lb-1.elb.test': { ipv4: ['198.51.100.1'], ipv6: ['2001:DB8::1'] } },
    );
    expect(hostAddresses(inventory)).toMatchObject({
      'in.example.com': ['10.0.0.5'],
      'chain.example.com': ['10.0.0.5'],
      'lb.example.com': ['2001:db8::1'],
    });
    // An AAAA alias carries IPv6 only.
    expect(asked).toEqual(['ipv6 lb-1.elb.test']);
  });

  it('adds up the records of a weighted group', async () => {
    const { inventory } = await resolve(
      [
        { ...a('api.example.com', '192.0.2.20'), setIdentifier: 'blue' },
        { ...a('api.example.com', '192.0.2.21'), setIdentifier: 'green' },
        { ...cname('cdn.example.com', 'api.example.com'), setIdentifier: 'one' },
        { ...cname('cdn.example.com', 'edge.cdn.test'), setIdentifier: 'two' },
      ],
      { 'edge.cdn.test': { ipv4: ['203.0.113.50'] } },
    );
    expect(hostAddresses(inventory)['api.example.com']).toEqual(['192.0.2.20', '192.0.2.21']);
    expect(hostAddresses(inventory)['cdn.example.com']).toEqual(['192.0.2.20', '192.0.2.21', '203.0.113.50']);
  });

  it('cuts a CNAME loop with a warning, keeping what the loop reaches outside it', async () => {
    const { inventory, warnings } = await resolve([
      cname('loop-a.example.com', 'loop-b.example.com'),
      { ...cname('loop-b.example.com', 'loop-a.example.com'), setIdentifier: 'back' },
      { ...cname('loop-b.example.com', 'www.example.com'), setIdentifier: 'out' },
      a('www.example.com', '192.0.2.1'),
    ]);
    expect(hostAddresses(inventory)['loop-a.example.com']).toEqual(['192.0.2.1']);
    expect(hostAddresses(inventory)['loop-b.example.com']).toEqual(['192.0.2.1']);
    expect(warnings).toContain(
      'CNAME/alias loop loop-a.example.com -> loop-b.example.com -> loop-a.example.com: the loop adds no address',
    );
  });

  it('cuts a chain of more than 16 hops, wherever the walk began', async () => {
    const chain = [
      ...Array.from({ length: 20 }, (_, index) =>
        cname(`c${index}.example.com`, `c${index + 1}.example.com`),
      ),
      a('c20.example.com', '192.0.2.1'),
    ];
    const forward = await resolve(chain);
    const backward = await resolve([...chain].reverse());
    for (const { inventory } of [forward, backward]) {
      // c4 is 16 hops from its address, c3 17.
      expect(hostAddresses(inventory)['c4.example.com']).toEqual(['192.0.2.1']);
      expect(hostAddresses(inventory)['c3.example.com']).toEqual([]);
      expect(hostAddresses(inventory)['c0.example.com']).toEqual([]);
    }
    expect(hostAddresses(backward.inventory)).toEqual(hostAddresses(forward.inventory));
    expect(forward.warnings).toContain(
      `CNAME/alias chain ${Array.from({ length: 18 }, (_, index) => `c${index}.example.com`).join(' -> ')} is longer than 16; cut`,
    );
  });

  it('skips malformed values with a warning naming zone, record and value', async () => {
    const { inventory, warnings } = await resolve([
      a('www.example.com', '192.0.2.1', 'not-an-ip'),
      { zoneId: 'ZPUBLIC', name: 'six.example.com', type: 'AAAA', values: ['192.0.2.2'] },
      { ...a('w.example.com', '999.0.0.1'), setIdentifier: 'blue' },
      cname('bad.example.com', 'has space.example.com'),
    ]);
    expect(hostAddresses(inventory)).toEqual({
      'bad.example.com': [],
      'six.example.com': [],
      'w.example.com': [],
      'www.example.com': ['192.0.2.1'],
    });
    expect(warnings).toEqual(
      expect.arrayContaining([
        'zone example.com (ZPUBLIC): A record www.example.com has the value "not-an-ip", which is not an IPv4 address; skipped',
        'zone example.com (ZPUBLIC): AAAA record six.example.com has the value "192.0.2.2", which is not an IPv6 address; skipped',
        'zone example.com (ZPUBLIC): A record w.example.com (set "blue") has the value "999.0.0.1", which is not an IPv4 address; skipped',
        'zone example.com (ZPUBLIC): CNAME record bad.example.com has the value "has space.example.com", which is not a DNS name; skipped',
        'host six.example.com resolves to no address',
      ]),
    );
  });

  it('reports outside names that fail, and does not report a family a name does not have', async () => {
    const { inventory, warnings } = await resolve(
      [cname('gone.example.com', 'nowhere.test'), cname('v4.example.com', 'only-v4.test')],
      { 'only-v4.test': { ipv4: ['203.0.113.1', 'garbage'] } },
    );
    expect(hostAddresses(inventory)).toEqual({ 'gone.example.com': [], 'v4.example.com': ['203.0.113.1'] });
    expect(warnings.sort()).toEqual([
      'host gone.example.com resolves to no address',
      'outside name nowhere.test (A) could not be resolved: ENOTFOUND',
      'outside name nowhere.test (AAAA) could not be resolved: ENOTFOUND',
      'outside name only-v4.test (A) resolved to "garbage"; skipped',
    ]);
  });

  it('marks what only private zones name as private, and joins the zones of an address', async () => {
    const { inventory } = await resolve([
      a('www.example.com', '192.0.2.1'),
      cname('app.corp.internal', 'www.example.com', 'ZPRIVATE'),
      { zoneId: 'ZPRIVATE', name: 'db.corp.internal', type: 'A', values: ['10.0.0.5'] },
    ]);
    expect(inventory.hosts.get('app.corp.internal')).toEqual({
      addresses: new Set(['192.0.2.1']),
      zones: new Set(['ZPRIVATE']),
      private: true,
    });
    expect(inventory.addresses.get('192.0.2.1')).toEqual({
      hosts: new Set(['app.corp.internal', 'www.example.com']),
      zones: new Set(['ZPRIVATE', 'ZPUBLIC']),
      private: false,
    });
    expect(inventory.addresses.get('10.0.0.5')?.private).toBe(true);
  });

  it('keeps names that hold no address records out of the hosts', async () => {
    const { inventory } = await resolve([
      { zoneId: 'ZPUBLIC', name: 'example.com', type: 'MX', values: ['10 mail.example.com'] },
      { zoneId: 'ZPUBLIC', name: 'example.com', type: 'TXT', values: ['"v=spf1 -all"'] },
      a('mail.example.com', '192.0.2.25'),
    ]);
    expect([...inventory.hosts.keys()]).toEqual(['mail.example.com']);
  });
});
