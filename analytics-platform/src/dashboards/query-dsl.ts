import { SavedObjectQueryError } from './dashboard-errors.ts';
import type { Filter, Query } from './saved-object.ts';

/** Dashboards' default `query:queryString:options`, sent with every Lucene query. */
const queryStringOptions = { analyze_wildcard: true } as const;

/**
 * A query bar's query as Dashboards sends it: Lucene as `query_string`, nothing as everything. KQL is Dashboards'
 * own language, compiled in the browser; the runner does not reimplement it, so saved objects write Lucene.
 */
export const queryDsl = (query: Query | undefined): Record<string, unknown> => {
  const text = query?.query.trim() ?? '';
  if (text === '') return { match_all: {} };
  if (query?.language !== 'lucene') {
    throw new SavedObjectQueryError(`the KQL query "${text}" cannot be run here: write it in Lucene`);
  }
  return { query_string: { query: text, ...queryStringOptions } };
};

/** A filter's query, as Dashboards takes it: its `query` when it has one, else itself without the editor's state. */
export const filterDsl = (filter: Filter): Record<string, unknown> => {
  const { meta: _meta, $state: _state, query, ...rest } = filter;
  return (query as Record<string, unknown> | undefined) ?? rest;
};

export const activeFilters = (filters: readonly Filter[] | undefined): Filter[] =>
  (filters ?? []).filter((filter) => filter.meta.disabled !== true);
