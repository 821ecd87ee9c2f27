import type { Aggregation } from './saved-object.ts';

/** What an aggregation's `field` must be to aggregate: any field with doc values, or one of a kind. */
export type FieldRequirement = 'aggregatable' | 'number' | 'date' | 'number-or-date';

export interface AggregationType {
  readonly group: 'metrics' | 'buckets';
  /** Absent: it takes no field (count, filters). */
  readonly field?: FieldRequirement;
}

/** The aggregations the query runner translates, and so the only ones a checked visualisation may use. */
export const aggregationTypes: Readonly<Record<string, AggregationType>> = {
  count: { group: 'metrics' },
  avg: { group: 'metrics', field: 'number' },
  sum: { group: 'metrics', field: 'number' },
  min: { group: 'metrics', field: 'number-or-date' },
  max: { group: 'metrics', field: 'number-or-date' },
  cardinality: { group: 'metrics', field: 'aggregatable' },
  date_histogram: { group: 'buckets', field: 'date' },
  histogram: { group: 'buckets', field: 'number' },
  terms: { group: 'buckets', field: 'aggregatable' },
  filters: { group: 'buckets' },
};

/**
 * The standard visualisations, whose data is their aggregations over their search source. Others (TSVB, Vega,
 * Timeline) carry their own query languages, which the checker cannot prove against the templates.
 */
export const visualizationTypes = new Set([
  'area',
  'histogram',
  'horizontal_bar',
  'line',
  'pie',
  'table',
  'metric',
  'goal',
  'gauge',
  'markdown',
]);

/** A visualisation of text alone: no search source, nothing to query. */
export const queryless = (visualizationType: string): boolean => visualizationType === 'markdown';

/** A visualisation's enabled metrics or bucket aggregations, in the editor's order. */
export const enabledAggregations = (
  aggregations: readonly Aggregation[],
  group: AggregationType['group'],
): Aggregation[] =>
  aggregations.filter((each) => each.enabled !== false && aggregationTypes[each.type]?.group === group);
