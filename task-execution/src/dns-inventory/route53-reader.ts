import type {
  ListResourceRecordSetsCommandOutput,
  ResourceRecordSet,
  RRType,
} from '@aws-sdk/client-route-53';
import { Route53PaginationError, Route53ReadError } from './errors.ts';
import { describeZone, type Estate, type HostedZone, type RecordSet } from './estate.ts';
import { normalizeDnsName, normalizeZoneId } from './names.ts';
import { type RetryPolicy, retryThrottled, ThrottledTooOftenError } from './retry-policy.ts';
import type { Route53Source } from './route53-api.ts';
import type { Warnings } from './warnings.ts';

export interface ReadOptions {
  readonly retry: RetryPolicy;
  /** ListHostedZones page size; Route53's maximum, 100, by default. */
  readonly zonePageSize?: number;
  /** ListResourceRecordSets page size; Route53's maximum, 300, by default. */
  readonly recordPageSize?: number;
}

/** Retries throttling; names what failed otherwise (a throttling bound reached keeps its own error). */
const call = async <T>(what: string, operation: () => Promise<T>, retry: RetryPolicy): Promise<T> => {
  try {
    return await retryThrottled(what, operation, retry);
  } catch (error) {
    if (error instanceof ThrottledTooOftenError) throw error;
    throw new Route53ReadError(what, error);
  }
};

/** Every hosted zone the source can see, following NextMarker. */
export const listHostedZones = async (source: Route53Source, options: ReadOptions): Promise<HostedZone[]> => {
  const zones: HostedZone[] = [];
  let marker: string | undefined;
  do {
    const page = await call(
      `ListHostedZones with ${source.label}`,
      () =>
        source.api.listHostedZones({
          MaxItems: options.zonePageSize ?? 100,
          ...(marker === undefined ? {} : { Marker: marker }),
        }),
      options.retry,
    );
    for (const zone of page.HostedZones ?? []) {
      zones.push({
        id: normalizeZoneId(zone.Id ?? ''),
        name: normalizeDnsName(zone.Name ?? ''),
        private: zone.Config?.PrivateZone === true,
      });
    }
    if (page.IsTruncated === true && page.NextMarker === undefined) {
      throw new Route53PaginationError(
        `ListHostedZones with ${source.label} is truncated without NextMarker`,
      );
    }
    marker = page.IsTruncated === true ? page.NextMarker : undefined;
  } while (marker !== undefined);
  return zones;
};

const toRecordSet = (zoneId: string, set: ResourceRecordSet): RecordSet => ({
  zoneId,
  name: normalizeDnsName(set.Name ?? ''),
  type: set.Type ?? '',
  ...(set.SetIdentifier === undefined ? {} : { setIdentifier: set.SetIdentifier }),
  values: (set.ResourceRecords ?? []).map((record) => record.Value ?? ''),
  ...(set.AliasTarget === undefined
    ? {}
    : {
        alias: {
          zoneId: normalizeZoneId(set.AliasTarget.HostedZoneId ?? ''),
          name: normalizeDnsName(set.AliasTarget.DNSName ?? ''),
        },
      }),
});

interface StartPoint {
  readonly StartRecordName: string;
  readonly StartRecordType?: RRType;
  readonly StartRecordIdentifier?: string;
}

const nextPoint = (page: ListResourceRecordSetsCommandOutput): StartPoint | undefined =>
  page.NextRecordName === undefined
    ? undefined
    : {
        StartRecordName: page.NextRecordName,
        ...(page.NextRecordType === undefined ? {} : { StartRecordType: page.NextRecordType }),
        ...(page.NextRecordIdentifier === undefined
          ? {}
          : { StartRecordIdentifier: page.NextRecordIdentifier }),
      };

const samePoint = (a: StartPoint | undefined, b: StartPoint): boolean =>
  a !== undefined &&
  a.StartRecordName === b.StartRecordName &&
  a.StartRecordType === b.StartRecordType &&
  a.StartRecordIdentifier === b.StartRecordIdentifier;

/** Where the page after `page` starts, or undefined after the last; refuses a next page that would repeat it. */
const pointAfter = (
  page: ListResourceRecordSetsCommandOutput,
  from: StartPoint | undefined,
  zone: HostedZone,
): StartPoint | undefined => {
  if (page.IsTruncated !== true) return undefined;
  const next = nextPoint(page);
  if (next === undefined) {
    throw new Route53PaginationError(
      `record sets of ${describeZone(zone)} are truncated without a next name`,
    );
  }
  if (samePoint(from, next)) {
    throw new Route53PaginationError(
      `record sets of ${describeZone(zone)} do not advance past ${next.StartRecordName} ${next.StartRecordType ?? ''}`,
    );
  }
  return next;
};

const setKey = (set: ResourceRecordSet): string => `${set.Name} ${set.Type} ${set.SetIdentifier ?? ''}`;

const readAllPages = async (
  source: Route53Source,
  zone: HostedZone,
  options: ReadOptions,
): Promise<RecordSet[]> => {
  const sets = new Map<string, RecordSet>();
  let start: StartPoint | undefined;
  do {
    const from = start;
    const page = await call(
      `ListResourceRecordSets of ${describeZone(zone)} with ${source.label}`,
      () =>
        source.api.listResourceRecordSets({
          HostedZoneId: zone.id,
          MaxItems: options.recordPageSize ?? 300,
          ...from,
        }),
      options.retry,
    );
    for (const set of page.ResourceRecordSets ?? []) sets.set(setKey(set), toRecordSet(zone.id, set));
    start = pointAfter(page, from, zone);
  } while (start !== undefined);
  return [...sets.values()];
};

const isZoneGone = (error: unknown): boolean =>
  error instanceof Route53ReadError &&
  (error.cause as { name?: unknown } | undefined)?.name === 'NoSuchHostedZone';

/**
 * Every record set of a zone, following NextRecordName/Type/Identifier. A set returned twice (a page boundary
 * inside a group of sets that share a name and type, where an implementation omits NextRecordIdentifier) is kept
 * once; a next page that starts where the last one did fails instead of looping. Undefined when the zone no
 * longer exists, even if it disappeared between two pages.
 */
export const readRecordSets = async (
  source: Route53Source,
  zone: HostedZone,
  options: ReadOptions,
): Promise<RecordSet[] | undefined> => {
  try {
    return await readAllPages(source, zone, options);
  } catch (error) {
    if (isZoneGone(error)) return undefined;
    throw error;
  }
};

/**
 * Lists every zone of every source, then reads each zone's record sets, one request at a time: Route53's rate
 * limit is per account and shared. A zone seen through two sources is read once. A zone deleted between listing
 * and reading is gone, with a warning; any other failure stops the read.
 */
export const readEstate = async (
  sources: readonly Route53Source[],
  options: ReadOptions,
  warnings: Warnings,
): Promise<Estate> => {
  const zones: HostedZone[] = [];
  const goneZones: HostedZone[] = [];
  const recordSets: RecordSet[] = [];
  const listed = new Set<string>();
  for (const source of sources) {
    for (const zone of await listHostedZones(source, options)) {
      if (listed.has(zone.id)) continue;
      listed.add(zone.id);
      const sets = await readRecordSets(source, zone, options);
      if (sets === undefined) {
        goneZones.push(zone);
        warnings.add(
          'zone-gone',
          `${describeZone(zone)} was deleted after it was listed (NoSuchHostedZone): its names count as gone`,
        );
      } else {
        zones.push(zone);
        recordSets.push(...sets);
      }
    }
  }
  return { zones, goneZones, recordSets };
};
