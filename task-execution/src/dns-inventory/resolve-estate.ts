import type { Estate } from './estate.ts';
import { type HostEntry, type Inventory, inventoryOf } from './inventory.ts';
import { type OutsideResolver, resolveOutside } from './outside-resolver.ts';
import { families } from './record-values.ts';
import { type Reach, Walker } from './walk.ts';
import type { Warnings } from './warnings.ts';
import { ZoneIndex } from './zone-index.ts';

/**
 * Resolves every host of the estate: A/AAAA values, CNAMEs and aliases followed through the ingested zones, and
 * what leaves them through the outside resolver (each outside name asked once). The records of one name (a
 * weighted, latency, geolocation, failover or multivalue group) add up: a scanner should see every address a
 * resolver may be given.
 */
export const resolveEstate = async (
  estate: Estate,
  resolver: OutsideResolver,
  warnings: Warnings,
): Promise<Inventory> => {
  const index = new ZoneIndex(estate, warnings);
  const walker = new Walker(index, warnings);
  const reaches = new Map<string, Reach[]>(
    index.hostNames().map((host) => [host, families.map((family) => walker.hostReach(host, family))]),
  );
  const outsideNames = new Set(
    [...reaches.values()].flatMap((list) => list.flatMap((reach) => [...reach.outside])),
  );
  const outside = await resolveOutside(outsideNames, resolver, warnings);

  const zonesById = new Map([...estate.zones, ...estate.goneZones].map((zone) => [zone.id, zone]));
  const hosts = new Map<string, HostEntry>();
  for (const [host, list] of reaches) {
    const addresses = new Set(list.flatMap((reach) => [...reach.addresses]));
    for (const key of list.flatMap((reach) => [...reach.outside])) {
      for (const address of outside.get(key) ?? []) addresses.add(address);
    }
    if (addresses.size === 0) warnings.add('host-without-address', `host ${host} resolves to no address`);
    const zones = new Set(index.recordsOfHost(host).map((records) => records.zone.id));
    const isPrivate = [...zones].every((id) => zonesById.get(id)?.private === true);
    hosts.set(host, { addresses, zones, private: isPrivate });
  }
  return inventoryOf(hosts);
};
