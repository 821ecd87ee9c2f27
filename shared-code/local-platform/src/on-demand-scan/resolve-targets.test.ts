import { describe, expect, it } from '@jest/globals';
import { SetupError } from '../errors/index.ts';
import type { Inventory } from './inventory-lookup.ts';
import { type Resolver, resolveTargets, systemResolver } from './resolve-targets.ts';

/** The DNS inventory's two tables, as rows. */
const inventoryOf = (hosts: Record<string, string[]>): Inventory => ({
  addressesOf: async (host) => hosts[host] ?? [],
  hostsOf: async (address) =>
    Object.entries(hosts)
      .filter(([, addresses]) => addresses.includes(address))
      .map(([host]) => host)
      .sort(),
});

const noDns: Resolver = async () => [];

describe('resolving scan targets', () => {
  const inventory = inventoryOf({ 'www.example.com': ['198.51.100.7'], 'api.example.com': ['198.51.100.7'] });

  it('scans an address under every name the inventory knows it by', async () => {
    expect(await resolveTargets(['198.51.100.7'], inventory, noDns)).toEqual([
      { address: '198.51.100.7', hosts: ['api.example.com', 'www.example.com'], from: ['198.51.100.7'] },
    ]);
  });

  it('takes a name known to the inventory to its addresses there, without DNS', async () => {
    const dns: Resolver = async () => {
      throw new Error('DNS was asked');
    };
    expect(await resolveTargets(['WWW.Example.com.'], inventory, dns)).toEqual([
      { address: '198.51.100.7', hosts: ['api.example.com', 'www.example.com'], from: ['WWW.Example.com.'] },
    ]);
  });

  it('resolves an unknown name by DNS, naming each address by it, and scans an address once', async () => {
    const dns: Resolver = async () => ['192.0.2.1', '2001:db8::1'];
    expect(await resolveTargets(['new.example.org', '192.0.2.1'], inventoryOf({}), dns)).toEqual([
      { address: '192.0.2.1', hosts: ['new.example.org'], from: ['new.example.org', '192.0.2.1'] },
      { address: '2001:db8::1', hosts: ['new.example.org'], from: ['new.example.org'] },
    ]);
  });

  it('writes an address as the scope reads it', async () => {
    expect(await resolveTargets(['2001:DB8:0:0::1', '::ffff:192.0.2.9'], inventoryOf({}), noDns)).toEqual([
      { address: '2001:db8::1', hosts: [], from: ['2001:DB8:0:0::1'] },
      { address: '192.0.2.9', hosts: [], from: ['::ffff:192.0.2.9'] },
    ]);
  });

  it("resolves localhost through this machine's resolver", async () => {
    const [target] = await resolveTargets(['localhost'], inventoryOf({}), systemResolver);
    expect(['127.0.0.1', '::1']).toContain(target?.address);
    expect(target?.hosts).toEqual(['localhost']);
  });

  it.each([
    ['10.0.0.1/24', '"10.0.0.1/24" is neither an IP address nor a DNS name'],
    ['*.example.com', '"*.example.com" is neither an IP address nor a DNS name'],
    ['exa mple.com', '"exa mple.com" is neither an IP address nor a DNS name'],
    ['010.0.0.1', '"010.0.0.1" is neither an IP address nor a DNS name'],
    ['nothing.invalid', 'nothing.invalid has no address, in the DNS inventory or in DNS'],
  ])('refuses %s, naming it', async (text, message) => {
    const attempt = resolveTargets([text], inventoryOf({}), noDns);
    await expect(attempt).rejects.toThrow(SetupError);
    await expect(resolveTargets([text], inventoryOf({}), noDns)).rejects.toThrow(message);
  });
});
