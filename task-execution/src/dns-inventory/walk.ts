import type { Family } from './record-values.ts';
import type { Warnings } from './warnings.ts';
import type { Link, Lookup, NameRecords, Target, ZoneIndex } from './zone-index.ts';

/**
 * What a name reaches inside the ingested data for one family: addresses, and the outside names (`<family>
 * <name>`) whose addresses the outside resolver must add. Incomplete when a loop was cut on the way: such a
 * result depends on where the walk started, so it is not remembered.
 */
export interface Reach {
  readonly addresses: Set<string>;
  readonly outside: Set<string>;
  complete: boolean;
  /** The most CNAME and alias hops below the name. */
  depth: number;
}

export const outsideKey = (family: Family, name: string): string => `${family} ${name}`;

/** Real resolvers give up after a few more CNAMEs than this. */
export const maxChainLength = 16;

const emptyReach = (complete: boolean): Reach => ({
  addresses: new Set(),
  outside: new Set(),
  complete,
  depth: 0,
});

/** Adds what a followed link reaches: one hop more than its target's own. */
const mergeFollowed = (into: Reach, from: Reach): void => {
  for (const address of from.addresses) into.addresses.add(address);
  for (const name of from.outside) into.outside.add(name);
  into.complete &&= from.complete;
  into.depth = Math.max(into.depth, from.depth + 1);
};

interface Step {
  readonly key: string;
  readonly name: string;
}

/**
 * Follows CNAMEs and aliases through the ingested data, synchronously (so that two hosts that point at each
 * other cannot wait on each other), remembering each complete answer.
 */
export class Walker {
  readonly #index: ZoneIndex;
  readonly #warnings: Warnings;
  readonly #memo = new Map<string, { readonly reach: Reach; readonly missingIn: Lookup['missingIn'] }>();

  constructor(index: ZoneIndex, warnings: Warnings) {
    this.#index = index;
    this.#warnings = warnings;
  }

  /** What a host's own records reach, in every zone that defines it. */
  hostReach(host: string, family: Family): Reach {
    return this.#reachOfRecords(this.#index.recordsOfHost(host), family, [
      { key: `* ${host} ${family}`, name: host },
    ]);
  }

  #reachOfRecords(records: readonly NameRecords[], family: Family, chain: readonly Step[]): Reach {
    const reach = emptyReach(true);
    for (const record of records) {
      for (const address of record.addresses[family]) reach.addresses.add(address);
      for (const link of record.links) {
        if (link.families.includes(family)) mergeFollowed(reach, this.#follow(record, link, family, chain));
      }
    }
    return reach;
  }

  #follow(from: NameRecords, link: Link, family: Family, chain: readonly Step[]): Reach {
    const target: Target = link.target;
    const key = `${target.zoneId ?? '*'} ${target.name} ${family}`;
    const path = () => [...chain.map((step) => step.name), target.name].join(' -> ');
    if (chain.some((step) => step.key === key)) {
      this.#warnings.add('resolution-loop', `CNAME/alias loop ${path()}: the loop adds no address`);
      return emptyReach(false);
    }
    if (chain.length > maxChainLength) {
      this.#warnings.add(
        'chain-too-long',
        `CNAME/alias chain ${path()} is longer than ${maxChainLength}; cut`,
      );
      return emptyReach(false);
    }
    // A remembered answer that would take this walk past the longest chain is walked again, so that where a
    // chain is cut does not depend on which host was resolved first.
    const remembered = this.#memo.get(key);
    const { reach, missingIn } =
      remembered !== undefined && chain.length + remembered.reach.depth <= maxChainLength
        ? remembered
        : this.#resolve(target, key, family, chain);
    for (const zone of missingIn) {
      this.#warnings.add(
        'dangling-target',
        `${link.kind} ${from.name} -> ${target.name}: zone ${zone.name} (${zone.id}) holds no such name`,
      );
    }
    return reach;
  }

  #resolve(target: Target, key: string, family: Family, chain: readonly Step[]) {
    const lookup = this.#index.lookup(target);
    const reach = this.#reachOfRecords(lookup.records, family, [...chain, { key, name: target.name }]);
    if (lookup.outside) reach.outside.add(outsideKey(family, target.name));
    const resolved = { reach, missingIn: lookup.missingIn };
    if (reach.complete) this.#memo.set(key, resolved);
    return resolved;
  }
}
