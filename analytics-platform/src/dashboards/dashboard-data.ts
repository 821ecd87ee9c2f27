import type { Client } from '@opensearch-project/opensearch';
import { type PanelResult, runDashboard } from './run-saved-objects.ts';
import type { SavedObject } from './saved-object.ts';
import type { QueryOptions } from './search-body.ts';

export interface DashboardResult {
  readonly id: string;
  readonly title: string;
  readonly panels: readonly PanelResult[];
}

/** Runs every panel of every dashboard in the set, as each would be shown. */
export const runDashboards = async (
  client: Client,
  objects: readonly SavedObject[],
  options: QueryOptions = {},
): Promise<DashboardResult[]> =>
  Promise.all(
    objects
      .filter((object) => object.type === 'dashboard')
      .map(async (dashboard) => ({
        id: dashboard.id,
        title: dashboard.attributes.title,
        panels: await runDashboard(client, objects, dashboard.id, options),
      })),
  );

const valueAt = (document: Readonly<Record<string, unknown>>, path: string): unknown =>
  path in document
    ? document[path]
    : path
        .split('.')
        .reduce<unknown>(
          (value, part) =>
            typeof value === 'object' && value !== null
              ? (value as Record<string, unknown>)[part]
              : undefined,
          document,
        );

const searchGaps = (
  objects: readonly SavedObject[],
  panel: Extract<PanelResult, { type: 'search' }>,
): string[] => {
  const { documents } = panel.result;
  if (documents.length === 0) return ['lists no documents'];
  const search = objects.find((object) => object.type === 'search' && object.id === panel.id);
  const columns = search?.type === 'search' ? search.attributes.columns : [];
  return columns
    .filter(
      (column) =>
        column !== '_source' && documents.every((document) => valueAt(document, column) === undefined),
    )
    .map((column) => `no listed document has column "${column}"`);
};

const visualizationGaps = (panel: Extract<PanelResult, { type: 'visualization' }>): string[] => {
  const rows = panel.result.rows.filter((row) => row.docCount > 0);
  if (rows.length === 0) return ['returns no bucket with documents'];
  const metrics = Object.keys(rows[0]?.metrics ?? {});
  return metrics
    .filter((metric) => rows.every((row) => row.metrics[metric] === null))
    .map((metric) => `metric "${metric}" has no value in any bucket`);
};

/**
 * What the indexed data leaves empty: a visualisation without a bucket that holds documents, a metric without a
 * value, a search that lists nothing or whose columns no document has. A field a parser never writes shows here.
 */
export const panelsWithoutData = (
  objects: readonly SavedObject[],
  dashboards: readonly DashboardResult[],
): string[] =>
  dashboards.flatMap((dashboard) =>
    dashboard.panels.flatMap((panel) => {
      const gaps =
        panel.type === 'search'
          ? searchGaps(objects, panel)
          : panel.type === 'visualization'
            ? visualizationGaps(panel)
            : [];
      return gaps.map((gap) => `dashboard "${dashboard.title}", ${panel.type} "${panel.id}": ${gap}`);
    }),
  );
