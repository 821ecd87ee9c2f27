import { lookup } from 'node:dns/promises';
import { SetupError } from '../errors/index.ts';
import type { Inventory } from './inventory-lookup.ts';
import { type ResolvedTarget, targetTextOf } from './scan-target.ts';

/** A host's addresses as this machine's resolver gives them (A and AAAA), for a name the inventory lacks. */
export type Resolver = (host: string) => Promise<readonly string[]>;

export const systemResolver: Resolver = async (host) => {
  try {
    return (await lookup(host, { all: true, verbatim: true })).map(({ address }) => address);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTFOUND' || code === 'ENODATA') return [];
    throw error;
  }
};

interface Found {
  readonly address: string;
  readonly hosts: readonly string[];
  readonly from: string;
}

const resolveOne = async (text: string, inventory: Inventory, resolver: Resolver): Promise<Found[]> => {
  const target = targetTextOf(text);
  if (target === undefined) {
    throw new SetupError(`"${text}" is neither an IP address nor a DNS name`, 'name an address or a host');
  }
  if (target.kind === 'address') {
    return [{ address: target.address, hosts: await inventory.hostsOf(target.address), from: text }];
  }
  const known = await inventory.addressesOf(target.host);
  const addresses = known.length > 0 ? known : await resolver(target.host);
  if (addresses.length === 0) {
    throw new SetupError(
      `${target.host} has no address, in the DNS inventory or in DNS`,
      'check the name, or scan its address',
    );
  }
  return Promise.all(
    addresses.map(async (address) => ({
      address,
      hosts: [target.host, ...(await inventory.hostsOf(address))],
      from: text,
    })),
  );
};

/**
 * The addresses the typed targets stand for, each once, in the order first named, with every name it is known
 * by: the inventory's names of the address, and the names typed that resolve to it (so a scope suffix can
 * admit it, and the scanners name it as a client of that name would).
 */
export const resolveTargets = async (
  texts: readonly string[],
  inventory: Inventory,
  resolver: Resolver = systemResolver,
): Promise<ResolvedTarget[]> => {
  const merged = new Map<string, { hosts: Set<string>; from: Set<string> }>();
  for (const text of texts) {
    for (const found of await resolveOne(text, inventory, resolver)) {
      const entry = merged.get(found.address) ?? { hosts: new Set(), from: new Set() };
      for (const host of found.hosts) entry.hosts.add(host);
      entry.from.add(found.from);
      merged.set(found.address, entry);
    }
  }
  return [...merged].map(([address, { hosts, from }]) => ({
    address,
    hosts: [...hosts].sort(),
    from: [...from],
  }));
};
