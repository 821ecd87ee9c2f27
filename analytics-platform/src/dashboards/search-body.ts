import { type AggregationContext, bucketDsl, metricDsl, type ResolvedTimeRange } from './aggregation-dsl.ts';
import { aggregationTypes, enabledAggregations, queryless } from './aggregation-types.ts';
import { SavedObjectQueryError } from './dashboard-errors.ts';
import { resolveDate } from './date-math.ts';
import { activeFilters, filterDsl, queryDsl } from './query-dsl.ts';
import type { Aggregation, Filter, Query, SavedObject, SearchSource } from './saved-object.ts';
import { type DataSource, dataSourceOf, findObject } from './saved-object-set.ts';

/** The time picker's range: ISO times or date math (`now-7d`). */
export interface TimeRange {
  readonly from: string;
  readonly to: string;
}

export interface QueryOptions {
  /** Applied to the index pattern's time field; without one, all time. */
  readonly timeRange?: TimeRange;
  /** For date histograms' buckets; Dashboards takes the browser's. Default UTC. */
  readonly timeZone?: string;
  /** What `now` is in date math. Default: the current time. */
  readonly now?: Date;
  /** A dashboard's own query and filters, which apply to each of its panels. */
  readonly context?: { readonly query?: Query; readonly filters?: readonly Filter[] };
}

/** A search as the `_search` API takes it. */
export interface SearchRequest {
  readonly index: string;
  readonly body: Record<string, unknown>;
}

type Dsl = Record<string, unknown>;

/** Discover's `discover:sampleSize`: how many documents a saved search shows. */
export const savedSearchSize = 500;

const resolvedRange = (options: QueryOptions): ResolvedTimeRange | undefined => {
  if (options.timeRange === undefined) return undefined;
  const now = options.now ?? new Date();
  return { from: resolveDate(options.timeRange.from, now), to: resolveDate(options.timeRange.to, now, true) };
};

const timeFilter = (source: DataSource, range: ResolvedTimeRange | undefined): Dsl[] => {
  const field = source.indexPattern.attributes.timeFieldName;
  if (field === undefined || range === undefined) return [];
  const bounds = {
    gte: range.from.toISOString(),
    lte: range.to.toISOString(),
    format: 'strict_date_optional_time',
  };
  return [{ range: { [field]: bounds } }];
};

/** Dashboards' composition: queries must match, filters filter, negated filters must not match. */
const boolQuery = (source: DataSource, options: QueryOptions, range: ResolvedTimeRange | undefined): Dsl => {
  const sources: readonly Pick<SearchSource, 'query' | 'filter'>[] = [
    ...source.searchSources,
    {
      ...(options.context?.query === undefined ? {} : { query: options.context.query }),
      filter: [...(options.context?.filters ?? [])],
    },
  ];
  const queries = sources.map((each) => queryDsl(each.query)).filter((dsl) => !('match_all' in dsl));
  const filters = sources.flatMap((each) => activeFilters(each.filter));
  return {
    bool: {
      must: queries,
      filter: [
        ...filters.filter((each) => each.meta.negate !== true).map(filterDsl),
        ...timeFilter(source, range),
      ],
      must_not: filters.filter((each) => each.meta.negate === true).map(filterDsl),
    },
  };
};

const requireSource = (
  objects: readonly SavedObject[],
  object: Parameters<typeof dataSourceOf>[1],
): DataSource => {
  const source = dataSourceOf(objects, object);
  if (source === undefined) {
    throw new SavedObjectQueryError(
      `${object.type} "${object.id}": its index pattern or saved search does not resolve`,
    );
  }
  return source;
};

const unknownAggregation = (aggregations: readonly Aggregation[]): Aggregation | undefined =>
  aggregations.find((each) => aggregationTypes[each.type] === undefined);

/** Metrics beneath the innermost bucket; each bucket aggregation beneath the one before it, in the editor's order. */
const aggregationsDsl = (aggregations: readonly Aggregation[], context: AggregationContext): Dsl => {
  const unknown = unknownAggregation(aggregations);
  if (unknown !== undefined) {
    throw new SavedObjectQueryError(
      `${unknown.type} aggregation "${unknown.id}" is not one the runner knows`,
    );
  }
  const metrics = Object.fromEntries(
    context.metrics.flatMap((metric) => {
      const dsl = metricDsl(metric);
      return dsl === undefined ? [] : [[metric.id, dsl]];
    }),
  );
  let inner: Dsl = metrics;
  for (const bucket of enabledAggregations(aggregations, 'buckets').reverse()) {
    const { dsl, orderAggregations } = bucketDsl(bucket, context);
    const beneath = { ...orderAggregations, ...inner };
    inner = { [bucket.id]: Object.keys(beneath).length === 0 ? dsl : { ...dsl, aggs: beneath } };
  }
  return inner;
};

/** The request Dashboards makes for a visualisation: no documents, its aggregations over its search source. */
export const visualizationRequest = (
  objects: readonly SavedObject[],
  id: string,
  options: QueryOptions = {},
): SearchRequest => {
  const visualization = findObject(objects, 'visualization', id);
  if (visualization === undefined) throw new SavedObjectQueryError(`no visualization "${id}"`);
  const { type, aggs } = visualization.attributes.visState;
  if (queryless(type))
    throw new SavedObjectQueryError(`visualization "${id}" is a ${type}: it queries nothing`);
  const source = requireSource(objects, visualization);
  const range = resolvedRange(options);
  const context = {
    timeRange: range,
    timeZone: options.timeZone ?? 'UTC',
    metrics: enabledAggregations(aggs, 'metrics'),
  };
  return {
    index: source.indexPattern.attributes.title,
    body: {
      size: 0,
      track_total_hits: true,
      query: boolQuery(source, options, range),
      aggs: aggregationsDsl(aggs, context),
    },
  };
};

const sortDsl = (source: DataSource, sort: readonly (readonly [string, string])[]): Dsl[] => {
  const timeField = source.indexPattern.attributes.timeFieldName;
  const pairs = sort.length > 0 || timeField === undefined ? sort : [[timeField, 'desc'] as const];
  return pairs.map(([field, order]) => ({ [field]: { order } }));
};

/** The request Discover makes for a saved search: its newest documents (or as it sorts them). */
export const savedSearchRequest = (
  objects: readonly SavedObject[],
  id: string,
  options: QueryOptions = {},
): SearchRequest => {
  const search = findObject(objects, 'search', id);
  if (search === undefined) throw new SavedObjectQueryError(`no search "${id}"`);
  const source = requireSource(objects, search);
  return {
    index: source.indexPattern.attributes.title,
    body: {
      size: savedSearchSize,
      track_total_hits: true,
      query: boolQuery(source, options, resolvedRange(options)),
      sort: sortDsl(source, search.attributes.sort),
    },
  };
};
