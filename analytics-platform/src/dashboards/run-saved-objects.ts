import type { Client } from '@opensearch-project/opensearch';
import { enabledAggregations, queryless } from './aggregation-types.ts';
import { SavedObjectQueryError } from './dashboard-errors.ts';
import type { Aggregation, SavedObject } from './saved-object.ts';
import { findObject, referencedObject } from './saved-object-set.ts';
import {
  type QueryOptions,
  type SearchRequest,
  savedSearchRequest,
  type TimeRange,
  visualizationRequest,
} from './search-body.ts';

/** One row of a visualisation's data, as Dashboards tabulates a response: a bucket of each level, its metrics. */
export interface ResultRow {
  readonly buckets: readonly { readonly aggregation: string; readonly key: unknown }[];
  readonly docCount: number;
  /** By metric id; null where the bucket had no value for it (an average of nothing). */
  readonly metrics: Readonly<Record<string, number | null>>;
}

export interface VisualizationResult {
  readonly request: SearchRequest;
  readonly totalHits: number;
  readonly rows: readonly ResultRow[];
}

export interface SavedSearchResult {
  readonly request: SearchRequest;
  readonly totalHits: number;
  readonly documents: readonly Record<string, unknown>[];
}

type Container = Record<string, unknown> & { readonly doc_count?: number };

interface SearchResponseBody {
  readonly hits: {
    readonly total: number | { readonly value: number };
    readonly hits: readonly { _source?: unknown }[];
  };
  readonly aggregations?: Record<string, unknown>;
}

const search = async (client: Client, request: SearchRequest): Promise<SearchResponseBody> => {
  // The client's typings lag the engine's aggregations (a terms field, fixed intervals): the body goes as built.
  const response = await client.search({ index: request.index, body: request.body as never });
  return response.body as unknown as SearchResponseBody;
};

const totalOf = (body: SearchResponseBody): number =>
  typeof body.hits.total === 'number' ? body.hits.total : body.hits.total.value;

/** Histograms and terms answer with a list; filters with buckets keyed by their labels. */
const bucketsOf = (result: unknown): Container[] => {
  const buckets = (result as { buckets?: unknown } | undefined)?.buckets;
  if (Array.isArray(buckets)) return buckets as Container[];
  if (typeof buckets === 'object' && buckets !== null) {
    return Object.entries(buckets).map(([key, bucket]) => ({ ...(bucket as Container), key }));
  }
  return [];
};

const metricValues = (container: Container, metrics: readonly Aggregation[]): Record<string, number | null> =>
  Object.fromEntries(
    metrics.map((metric) => [
      metric.id,
      metric.type === 'count'
        ? (container.doc_count ?? 0)
        : ((container[metric.id] as { value?: number | null } | undefined)?.value ?? null),
    ]),
  );

const rowsOf = (
  container: Container,
  buckets: readonly Aggregation[],
  metrics: readonly Aggregation[],
  path: ResultRow['buckets'],
): ResultRow[] => {
  const [level, ...deeper] = buckets;
  if (level === undefined) {
    return [{ buckets: path, docCount: container.doc_count ?? 0, metrics: metricValues(container, metrics) }];
  }
  return bucketsOf(container[level.id]).flatMap((bucket) =>
    rowsOf(bucket, deeper, metrics, [
      ...path,
      { aggregation: level.id, key: bucket.key_as_string ?? bucket.key },
    ]),
  );
};

/** Runs a visualisation's aggregations as Dashboards would and tabulates the buckets it gets. */
export const runVisualization = async (
  client: Client,
  objects: readonly SavedObject[],
  id: string,
  options: QueryOptions = {},
): Promise<VisualizationResult> => {
  const request = visualizationRequest(objects, id, options);
  const body = await search(client, request);
  const aggregations = findObject(objects, 'visualization', id)?.attributes.visState.aggs ?? [];
  const totalHits = totalOf(body);
  const top: Container = { ...(body.aggregations ?? {}), doc_count: totalHits };
  return {
    request,
    totalHits,
    rows: rowsOf(
      top,
      enabledAggregations(aggregations, 'buckets'),
      enabledAggregations(aggregations, 'metrics'),
      [],
    ),
  };
};

/** Runs a saved search as Discover would and returns the documents it lists. */
export const runSavedSearch = async (
  client: Client,
  objects: readonly SavedObject[],
  id: string,
  options: QueryOptions = {},
): Promise<SavedSearchResult> => {
  const request = savedSearchRequest(objects, id, options);
  const body = await search(client, request);
  return {
    request,
    totalHits: totalOf(body),
    documents: body.hits.hits.map((hit) => (hit._source ?? {}) as Record<string, unknown>),
  };
};

export type PanelResult =
  | {
      readonly panel: string;
      readonly type: 'visualization';
      readonly id: string;
      readonly result: VisualizationResult;
    }
  | {
      readonly panel: string;
      readonly type: 'search';
      readonly id: string;
      readonly result: SavedSearchResult;
    }
  | { readonly panel: string; readonly type: 'markdown'; readonly id: string };

const runPanel = async (
  client: Client,
  objects: readonly SavedObject[],
  dashboard: SavedObject,
  panel: { readonly panelIndex: string; readonly panelRefName: string },
  options: QueryOptions,
): Promise<PanelResult> => {
  const search = referencedObject(objects, dashboard, panel.panelRefName, 'search');
  if (search !== undefined) {
    return {
      panel: panel.panelIndex,
      type: 'search',
      id: search.id,
      result: await runSavedSearch(client, objects, search.id, options),
    };
  }
  const visualization = referencedObject(objects, dashboard, panel.panelRefName, 'visualization');
  if (visualization === undefined) {
    throw new SavedObjectQueryError(
      `dashboard "${dashboard.id}": panel ${panel.panelRefName} does not resolve`,
    );
  }
  if (queryless(visualization.attributes.visState.type)) {
    return { panel: panel.panelIndex, type: 'markdown', id: visualization.id };
  }
  const result = await runVisualization(client, objects, visualization.id, options);
  return { panel: panel.panelIndex, type: 'visualization', id: visualization.id, result };
};

/**
 * Runs every panel of a dashboard with the dashboard's query and filters, over the given time range or, when
 * the dashboard keeps its own (timeRestore), over that.
 */
export const runDashboard = async (
  client: Client,
  objects: readonly SavedObject[],
  id: string,
  options: QueryOptions = {},
): Promise<PanelResult[]> => {
  const dashboard = findObject(objects, 'dashboard', id);
  if (dashboard === undefined) throw new SavedObjectQueryError(`no dashboard "${id}"`);
  const { attributes } = dashboard;
  const { query, filter } = attributes.kibanaSavedObjectMeta.searchSourceJSON;
  const kept: TimeRange | undefined =
    attributes.timeRestore && attributes.timeFrom !== undefined && attributes.timeTo !== undefined
      ? { from: attributes.timeFrom, to: attributes.timeTo }
      : undefined;
  const timeRange = options.timeRange ?? kept;
  const panelOptions: QueryOptions = {
    ...options,
    ...(timeRange === undefined ? {} : { timeRange }),
    context: { ...(query === undefined ? {} : { query }), filters: filter ?? [] },
  };
  return Promise.all(
    attributes.panelsJSON.map((panel) => runPanel(client, objects, dashboard, panel, panelOptions)),
  );
};
