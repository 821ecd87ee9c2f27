/** A hosted zone as listed: id without the `/hostedzone/` prefix, normalized name. */
export interface HostedZone {
  readonly id: string;
  readonly name: string;
  readonly private: boolean;
}

/** Where an alias record points: a name in a hosted zone (one of ours, or an AWS service's). */
export interface AliasTarget {
  readonly zoneId: string;
  readonly name: string;
}

/**
 * One resource record set as Route53 holds it, names normalized, values as written (checked when resolved, so
 * that a malformed one is reported with its zone and record).
 */
export interface RecordSet {
  readonly zoneId: string;
  readonly name: string;
  readonly type: string;
  /** Weighted, latency, geolocation, failover and multivalue sets: several sets of one name and type. */
  readonly setIdentifier?: string;
  readonly values: readonly string[];
  readonly alias?: AliasTarget;
}

/** Everything one ingest read: the zones it read in full, the zones that disappeared, their record sets. */
export interface Estate {
  readonly zones: readonly HostedZone[];
  readonly goneZones: readonly HostedZone[];
  readonly recordSets: readonly RecordSet[];
}

export const describeZone = (zone: HostedZone): string => `zone ${zone.name} (${zone.id})`;
