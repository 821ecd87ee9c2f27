/** A host as the ingest found it: the addresses it resolves to, the zones that define it. */
export interface HostEntry {
  readonly addresses: ReadonlySet<string>;
  /** Zone ids. */
  readonly zones: ReadonlySet<string>;
  /** Defined in private zones only: nothing public names it. */
  readonly private: boolean;
}

/** An address as the ingest found it: the hosts that resolve to it, and their zones. */
export interface AddressEntry {
  readonly hosts: ReadonlySet<string>;
  readonly zones: ReadonlySet<string>;
  /** Reached through private hosts only. */
  readonly private: boolean;
}

/** The estate's hosts and addresses, each side complete, in name order. */
export interface Inventory {
  readonly hosts: ReadonlyMap<string, HostEntry>;
  readonly addresses: ReadonlyMap<string, AddressEntry>;
}

const sorted = <V>(entries: Iterable<[string, V]>): Map<string, V> =>
  new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The address side of a host map. */
export const inventoryOf = (hosts: ReadonlyMap<string, HostEntry>): Inventory => {
  const addresses = new Map<string, { hosts: Set<string>; zones: Set<string>; private: boolean }>();
  for (const [host, entry] of hosts) {
    for (const address of entry.addresses) {
      let row = addresses.get(address);
      if (row === undefined) {
        row = { hosts: new Set(), zones: new Set(), private: true };
        addresses.set(address, row);
      }
      row.hosts.add(host);
      for (const zone of entry.zones) row.zones.add(zone);
      row.private &&= entry.private;
    }
  }
  return { hosts: sorted(hosts), addresses: sorted(addresses) };
};
