import type { AddressEntry, HostEntry, Inventory } from './inventory.ts';

export type HistoryKind = 'host' | 'address';

/** One name whose host <-> address set changed in an ingest (its appearance and disappearance included). */
export interface HistoryEntry {
  /** `host:<host>` or `address:<address>`. */
  readonly name: string;
  readonly kind: HistoryKind;
  readonly change: 'appeared' | 'changed' | 'disappeared';
  /** The addresses of a host, the hosts of an address, after the ingest; empty once gone. */
  readonly current: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** What an ingest writes: rows that are new or differ, rows that are gone, and the history of both sides. */
export interface Changes {
  readonly hostWrites: ReadonlyMap<string, HostEntry>;
  readonly hostDeletes: readonly string[];
  readonly addressWrites: ReadonlyMap<string, AddressEntry>;
  readonly addressDeletes: readonly string[];
  readonly history: readonly HistoryEntry[];
}

const sortedList = (values: Iterable<string>): string[] => [...values].sort();

const minus = (a: ReadonlySet<string>, b: ReadonlySet<string>): string[] =>
  sortedList([...a].filter((value) => !b.has(value)));

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((value) => b.has(value));

interface Entry {
  readonly zones: ReadonlySet<string>;
  readonly private: boolean;
}

interface Side<E extends Entry> {
  readonly writes: Map<string, E>;
  readonly deletes: string[];
  readonly history: HistoryEntry[];
}

const none: ReadonlySet<string> = new Set();

const historyEntry = (
  kind: HistoryKind,
  key: string,
  before: ReadonlySet<string> | undefined,
  after: ReadonlySet<string> | undefined,
): HistoryEntry | undefined => {
  const added = minus(after ?? none, before ?? none);
  const removed = minus(before ?? none, after ?? none);
  const change = before === undefined ? 'appeared' : after === undefined ? 'disappeared' : 'changed';
  if (change === 'changed' && added.length === 0 && removed.length === 0) return undefined;
  return { name: `${kind}:${key}`, kind, change, current: sortedList(after ?? none), added, removed };
};

/** One side (hosts or addresses): its members are the other side's keys. */
const diffSide = <E extends Entry>(
  kind: HistoryKind,
  current: ReadonlyMap<string, E>,
  next: ReadonlyMap<string, E>,
  members: (entry: E) => ReadonlySet<string>,
): Side<E> => {
  const side: Side<E> = { writes: new Map(), deletes: [], history: [] };
  for (const [key, entry] of next) {
    const before = current.get(key);
    const unchanged =
      before !== undefined &&
      sameSet(members(before), members(entry)) &&
      sameSet(before.zones, entry.zones) &&
      before.private === entry.private;
    if (!unchanged) side.writes.set(key, entry);
    const history = historyEntry(kind, key, before && members(before), members(entry));
    if (history !== undefined) side.history.push(history);
  }
  for (const [key, before] of current) {
    if (next.has(key)) continue;
    side.deletes.push(key);
    side.history.push(historyEntry(kind, key, members(before), undefined) as HistoryEntry);
  }
  return side;
};

/** The difference between the rows of the last ingest and what this one found. */
export const diffInventory = (current: Inventory, next: Inventory): Changes => {
  const hosts = diffSide('host', current.hosts, next.hosts, (entry) => entry.addresses);
  const addresses = diffSide('address', current.addresses, next.addresses, (entry) => entry.hosts);
  return {
    hostWrites: hosts.writes,
    hostDeletes: hosts.deletes,
    addressWrites: addresses.writes,
    addressDeletes: addresses.deletes,
    history: [...hosts.history, ...addresses.history],
  };
};

/** Counts for the ingest row and the summary. */
export const changeCounts = (changes: Changes) => {
  const count = (kind: HistoryKind, change: HistoryEntry['change']) =>
    changes.history.filter((entry) => entry.kind === kind && entry.change === change).length;
  const hostHistory = changes.history.filter((entry) => entry.kind === 'host');
  return {
    hostsAdded: count('host', 'appeared'),
    hostsRemoved: count('host', 'disappeared'),
    addressesAdded: count('address', 'appeared'),
    addressesRemoved: count('address', 'disappeared'),
    /** Host <-> address pairs. */
    linksAdded: hostHistory.reduce((sum, entry) => sum + entry.added.length, 0),
    linksRemoved: hostHistory.reduce((sum, entry) => sum + entry.removed.length, 0),
    historyRows: changes.history.length,
  };
};
