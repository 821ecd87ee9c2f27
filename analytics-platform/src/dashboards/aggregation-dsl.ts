import { aggregationTypes } from './aggregation-types.ts';
import { SavedObjectQueryError } from './dashboard-errors.ts';
import { fixedUnitMilliseconds } from './date-math.ts';
import { queryDsl } from './query-dsl.ts';
import type { Aggregation, Query } from './saved-object.ts';

export interface ResolvedTimeRange {
  readonly from: Date;
  readonly to: Date;
}

export interface AggregationContext {
  readonly timeRange: ResolvedTimeRange | undefined;
  readonly timeZone: string;
  /** The visualisation's metrics, which a terms aggregation may be ordered by. */
  readonly metrics: readonly Aggregation[];
}

type Dsl = Record<string, unknown>;

/** A bucket aggregation's request, with the metrics it needs beneath it to be ordered by one. */
export interface BucketDsl {
  readonly dsl: Dsl;
  readonly orderAggregations: Readonly<Record<string, Dsl>>;
}

const unsupported = (aggregation: Aggregation, reason: string): SavedObjectQueryError =>
  new SavedObjectQueryError(`${aggregation.type} aggregation "${aggregation.id}": ${reason}`);

const stringParam = (aggregation: Aggregation, name: string): string => {
  const value = aggregation.params[name];
  if (typeof value !== 'string' || value === '') throw unsupported(aggregation, `needs a "${name}" param`);
  return value;
};

/**
 * At most Dashboards' `histogram:maxBars` (100) buckets, at the shortest interval a person reads easily; an
 * automatic interval left to the engine aims at its `histogram:barTarget` (50).
 */
const maxBars = 100;
const barTarget = 50;
const readableIntervals = [
  '1s',
  '5s',
  '10s',
  '30s',
  '1m',
  '5m',
  '10m',
  '30m',
  '1h',
  '3h',
  '12h',
  '1d',
  '7d',
  '30d',
  '365d',
];

const milliseconds = (interval: string): number => {
  const [, amount = '1', unit = 'ms'] = /^(\d+)(ms|s|m|h|d)$/.exec(interval) ?? [];
  return Number(amount) * fixedUnitMilliseconds[unit as keyof typeof fixedUnitMilliseconds];
};

const autoInterval = (range: ResolvedTimeRange): string => {
  const shortest = (range.to.getTime() - range.from.getTime()) / maxBars;
  return readableIntervals.find((interval) => milliseconds(interval) >= shortest) ?? '365d';
};

const calendarUnits = new Set(['m', 'h', 'd', 'w', 'M', 'q', 'y']);

/** `h` or `1h` is a calendar interval (aligned to the hour); `3h` or `90s` a fixed one; `2w` neither. */
const explicitInterval = (aggregation: Aggregation, interval: string): Dsl => {
  const [, amount, unit = ''] = /^(\d+)?(ms|s|m|h|d|w|M|q|y)$/.exec(interval) ?? [];
  if ((amount === undefined || amount === '1') && calendarUnits.has(unit))
    return { calendar_interval: `1${unit}` };
  if (unit in fixedUnitMilliseconds && unit !== 'w') return { fixed_interval: `${amount ?? 1}${unit}` };
  throw unsupported(aggregation, `interval "${interval}" is neither a calendar unit nor a fixed length`);
};

/** Show empty buckets (`true` or 0) or only those with documents, as the editor's switch says. */
const minDocCount = (aggregation: Aggregation): number => {
  const value = aggregation.params.min_doc_count;
  if (typeof value === 'number') return value;
  return value === true ? 0 : 1;
};

const dateHistogram = (aggregation: Aggregation, context: AggregationContext): Dsl => {
  const field = stringParam(aggregation, 'field');
  const interval = String(aggregation.params.interval ?? 'auto');
  const { timeRange, timeZone } = context;
  if (interval === 'auto' && timeRange === undefined) {
    return { auto_date_histogram: { field, buckets: barTarget, time_zone: timeZone } };
  }
  const chosen =
    interval === 'auto' && timeRange !== undefined
      ? { fixed_interval: autoInterval(timeRange) }
      : explicitInterval(aggregation, interval);
  const count = minDocCount(aggregation);
  const bounds =
    count === 0 && timeRange !== undefined
      ? { extended_bounds: { min: timeRange.from.toISOString(), max: timeRange.to.toISOString() } }
      : {};
  return { date_histogram: { field, ...chosen, time_zone: timeZone, min_doc_count: count, ...bounds } };
};

const histogram = (aggregation: Aggregation): Dsl => {
  const interval = aggregation.params.interval;
  if (typeof interval !== 'number' || interval <= 0)
    throw unsupported(aggregation, 'needs a positive numeric "interval"');
  return {
    histogram: {
      field: stringParam(aggregation, 'field'),
      interval,
      min_doc_count: minDocCount(aggregation),
    },
  };
};

/** A metric's request; undefined for count, which every bucket carries as doc_count. */
export const metricDsl = (aggregation: Aggregation): Dsl | undefined => {
  if (aggregation.type === 'count') return undefined;
  if (aggregationTypes[aggregation.type]?.group !== 'metrics')
    throw unsupported(aggregation, 'is not a metric the runner knows');
  return { [aggregation.type]: { field: stringParam(aggregation, 'field') } };
};

interface TermsOrder {
  readonly order: Dsl;
  readonly orderAggregations: Readonly<Record<string, Dsl>>;
}

const plainOrder = (key: '_count' | '_key', direction: string): TermsOrder => ({
  order: { [key]: direction },
  orderAggregations: {},
});

/** Ordered by key, by count, or by a metric, which then has to be computed beneath the terms. */
const termsOrder = (aggregation: Aggregation, context: AggregationContext): TermsOrder => {
  const direction = aggregation.params.order === 'asc' ? 'asc' : 'desc';
  const orderBy = aggregation.params.orderBy;
  if (orderBy === '_key') return plainOrder('_key', direction);
  if (orderBy === undefined) return plainOrder('_count', direction);
  const metric = context.metrics.find((candidate) => candidate.id === orderBy);
  if (metric === undefined) {
    throw unsupported(aggregation, `is ordered by "${String(orderBy)}", which is none of its metrics`);
  }
  const request = metricDsl(metric);
  return request === undefined
    ? plainOrder('_count', direction)
    : { order: { [metric.id]: direction }, orderAggregations: { [metric.id]: request } };
};

const terms = (aggregation: Aggregation, context: AggregationContext): BucketDsl => {
  if (aggregation.params.otherBucket === true) {
    throw unsupported(
      aggregation,
      'its "other" bucket needs a second request, which the runner does not make',
    );
  }
  const { order, orderAggregations } = termsOrder(aggregation, context);
  const size = typeof aggregation.params.size === 'number' ? aggregation.params.size : 5;
  const missing = aggregation.params.missingBucket === true ? { missing: '__missing__' } : {};
  return {
    dsl: { terms: { field: stringParam(aggregation, 'field'), size, order, ...missing } },
    orderAggregations,
  };
};

interface FilterParam {
  readonly input?: Query;
  readonly label?: string;
}

const filters = (aggregation: Aggregation): Dsl => {
  const entries = aggregation.params.filters;
  if (!Array.isArray(entries) || entries.length === 0)
    throw unsupported(aggregation, 'needs a list of "filters"');
  const keyed = (entries as FilterParam[]).map((entry) => [
    entry.label || entry.input?.query || '*',
    queryDsl(entry.input),
  ]);
  return { filters: { filters: Object.fromEntries(keyed) } };
};

/** A bucket aggregation's request, as Dashboards writes it for OpenSearch 2.x. */
export const bucketDsl = (aggregation: Aggregation, context: AggregationContext): BucketDsl => {
  switch (aggregation.type) {
    case 'date_histogram':
      return { dsl: dateHistogram(aggregation, context), orderAggregations: {} };
    case 'histogram':
      return { dsl: histogram(aggregation), orderAggregations: {} };
    case 'terms':
      return terms(aggregation, context);
    case 'filters':
      return { dsl: filters(aggregation), orderAggregations: {} };
    default:
      throw unsupported(aggregation, 'is not an aggregation the runner knows');
  }
};
