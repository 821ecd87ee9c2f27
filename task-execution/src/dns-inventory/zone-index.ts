import { describeZone, type Estate, type HostedZone, type RecordSet } from './estate.ts';
import { ancestorsWithin, isDnsName, isWithin, normalizeDnsName } from './names.ts';
import { addressOf, type Family, families, familyOfRecordType } from './record-values.ts';
import type { Warnings } from './warnings.ts';

/** A name to follow: by name (a CNAME's value), or inside one zone (an alias target). */
export interface Target {
  readonly name: string;
  readonly zoneId?: string;
}

/** A CNAME or alias from one name to another, for the families it carries (an A alias carries IPv4 only). */
export interface Link {
  readonly kind: 'CNAME' | 'alias';
  readonly target: Target;
  readonly families: readonly Family[];
}

/** What one name holds in one zone, its values checked: the addresses it names and the names it points at. */
export interface NameRecords {
  readonly name: string;
  readonly zone: HostedZone;
  readonly addresses: Record<Family, string[]>;
  readonly links: Link[];
}

/** The answer the ingested data gives for a name, and whether the world must be asked too. */
export interface Lookup {
  readonly records: readonly NameRecords[];
  /** Not held by an ingested zone (or delegated from one): resolved by the outside resolver. */
  readonly outside: boolean;
  /** Ingested zones the name falls in that hold no such name. */
  readonly missingIn: readonly HostedZone[];
}

interface ZoneEntry {
  readonly zone: HostedZone;
  readonly names: Map<string, NameRecords>;
  /** Names with records and every name between them and the apex (empty non-terminals block wildcards). */
  readonly existing: Set<string>;
  /** Names below the apex with NS records: what lies under them is another zone's. */
  readonly delegations: Set<string>;
}

const hostTypes = new Set(['A', 'AAAA', 'CNAME']);

const describeSet = (zone: HostedZone, set: RecordSet): string =>
  `${describeZone(zone)}: ${set.type} record ${set.name}${set.setIdentifier === undefined ? '' : ` (set "${set.setIdentifier}")`}`;

const outside: Lookup = { records: [], outside: true, missingIn: [] };

/**
 * The estate indexed for resolution, by zone and name. Values are checked once, here: a malformed one is skipped
 * with a warning naming its zone, record and value.
 */
export class ZoneIndex {
  readonly #zones = new Map<string, ZoneEntry>();
  readonly #zonesByName = new Map<string, ZoneEntry[]>();
  /** Every host name with the zones that define it. */
  readonly #hosts = new Map<string, NameRecords[]>();
  readonly #warnings: Warnings;

  constructor(estate: Estate, warnings: Warnings) {
    this.#warnings = warnings;
    for (const zone of [...estate.zones, ...estate.goneZones]) {
      const entry: ZoneEntry = {
        zone,
        names: new Map(),
        existing: new Set([zone.name]),
        delegations: new Set(),
      };
      this.#zones.set(zone.id, entry);
      if (estate.zones.includes(zone)) {
        this.#zonesByName.set(zone.name, [...(this.#zonesByName.get(zone.name) ?? []), entry]);
      }
    }
    for (const set of estate.recordSets) {
      const entry = this.#zones.get(set.zoneId);
      if (entry !== undefined) this.#add(entry, set);
    }
  }

  /** The names that hold A, AAAA or CNAME records (alias or not), in any zone. */
  hostNames(): string[] {
    return [...this.#hosts.keys()];
  }

  /** A host's own records, from every zone that defines it. */
  recordsOfHost(host: string): readonly NameRecords[] {
    return this.#hosts.get(host) ?? [];
  }

  lookup(target: Target): Lookup {
    if (target.zoneId !== undefined) {
      const entry = this.#zones.get(target.zoneId);
      if (entry === undefined) return outside;
      if (!isWithin(target.name, entry.zone.name))
        return { records: [], outside: false, missingIn: [entry.zone] };
      return this.#lookupIn(entry, target.name);
    }
    const entries = this.#closestZones(target.name);
    if (entries.length === 0) return outside;
    const lookups = entries.map((entry) => this.#lookupIn(entry, target.name));
    return {
      records: lookups.flatMap((lookup) => lookup.records),
      outside: lookups.some((lookup) => lookup.outside),
      missingIn: lookups.flatMap((lookup) => lookup.missingIn),
    };
  }

  /** The ingested zones with the longest name that `name` falls in: several when a name is split-horizon. */
  #closestZones(name: string): ZoneEntry[] {
    for (const candidate of [name, ...ancestorsWithin(name, '')]) {
      const entries = this.#zonesByName.get(candidate);
      if (entries !== undefined) return entries;
    }
    return [];
  }

  #lookupIn(entry: ZoneEntry, name: string): Lookup {
    const apex = entry.zone.name;
    const path = [name, ...ancestorsWithin(name, apex)].filter((candidate) => candidate !== apex);
    if (path.some((candidate) => entry.delegations.has(candidate))) return outside;
    const exact = entry.names.get(name);
    if (exact !== undefined) return { records: [exact], outside: false, missingIn: [] };
    if (entry.existing.has(name)) return { records: [], outside: false, missingIn: [] };
    // RFC 4592: only the wildcard child of the closest existing ancestor matches.
    const encloser = ancestorsWithin(name, apex).find((ancestor) => entry.existing.has(ancestor)) ?? apex;
    const wildcard = entry.names.get(`*.${encloser}`);
    if (wildcard !== undefined) return { records: [wildcard], outside: false, missingIn: [] };
    return { records: [], outside: false, missingIn: [entry.zone] };
  }

  #recordsAt(entry: ZoneEntry, name: string): NameRecords {
    let records = entry.names.get(name);
    if (records === undefined) {
      records = { name, zone: entry.zone, addresses: { ipv4: [], ipv6: [] }, links: [] };
      entry.names.set(name, records);
      entry.existing.add(name);
      for (const ancestor of ancestorsWithin(name, entry.zone.name)) entry.existing.add(ancestor);
    }
    return records;
  }

  #add(entry: ZoneEntry, set: RecordSet): void {
    const records = this.#recordsAt(entry, set.name);
    if (set.type === 'NS' && set.name !== entry.zone.name) entry.delegations.add(set.name);
    if (!hostTypes.has(set.type)) return;
    const hostRecords = this.#hosts.get(set.name) ?? [];
    if (!hostRecords.includes(records)) this.#hosts.set(set.name, [...hostRecords, records]);
    const family = familyOfRecordType(set.type);
    const carried = family === undefined ? families : [family];
    if (set.alias !== undefined) {
      this.#addLink(records, set, 'alias', set.alias.name, carried, set.alias.zoneId);
    } else if (family === undefined) {
      for (const value of set.values) this.#addLink(records, set, 'CNAME', value, carried);
    } else {
      for (const value of set.values) this.#addAddress(records, set, family, value);
    }
  }

  #addAddress(records: NameRecords, set: RecordSet, family: Family, value: string): void {
    const address = addressOf(family, value);
    if (address === undefined) {
      this.#warnings.add(
        'malformed-value',
        `${describeSet(records.zone, set)} has the value "${value}", which is not an ${family === 'ipv4' ? 'IPv4' : 'IPv6'} address; skipped`,
      );
    } else if (!records.addresses[family].includes(address)) {
      records.addresses[family].push(address);
    }
  }

  #addLink(
    records: NameRecords,
    set: RecordSet,
    kind: Link['kind'],
    value: string,
    carried: readonly Family[],
    zoneId?: string,
  ): void {
    const name = normalizeDnsName(value);
    if (!isDnsName(name)) {
      const what = kind === 'alias' ? 'an alias target' : 'the value';
      this.#warnings.add(
        'malformed-value',
        `${describeSet(records.zone, set)} has ${what} "${value}", which is not a DNS name; skipped`,
      );
      return;
    }
    records.links.push({
      kind,
      target: zoneId === undefined ? { name } : { name, zoneId },
      families: carried,
    });
  }
}
