import type { Client } from '@opensearch-project/opensearch';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import type { TemplateDefinition } from '@sec-an/contracts/search-index';
import { ingestResults } from '../../ingest/index.ts';
import { applyTemplates } from '../../search-setup/apply-templates.ts';
import { type DashboardResult, runDashboards } from '../dashboard-data.ts';
import type { ResultRow, VisualizationResult } from '../run-saved-objects.ts';
import type { SavedObject } from '../saved-object.ts';
import type { TimeRange } from '../search-body.ts';

export interface ResultsToShow {
  /** Every template the project's index patterns reach, the platform's included. */
  readonly templates: readonly TemplateDefinition[];
  /** In the order the queue would deliver them. */
  readonly results: readonly ScanResult[];
  readonly objects: readonly SavedObject[];
}

export interface DashboardsShown {
  /** The results' scans with a day either side. */
  readonly timeRange: TimeRange;
  readonly dashboards: readonly DashboardResult[];
  /** A visualisation panel's result, by the visualisation's id. */
  readonly panel: (id: string) => VisualizationResult;
}

const day = 86_400_000;

/** Fixtures were made once, so "the last 7 days" would drift off them: their own span is queried instead. */
const spanOf = (results: readonly ScanResult[]): TimeRange => {
  const times = results.flatMap((result) => [Date.parse(result.startedAt), Date.parse(result.endedAt)]);
  return {
    from: new Date(Math.min(...times) - day).toISOString(),
    to: new Date(Math.max(...times) + day).toISOString(),
  };
};

/**
 * For a project's dashboards test: provisions the templates as a deployment does, ingests the results one at a
 * time through the analytics ingest (so each is compared with the snapshot before it), and runs every dashboard
 * over them as Dashboards would.
 */
export const dashboardsOverResults = async (
  client: Client,
  { templates, results, objects }: ResultsToShow,
): Promise<DashboardsShown> => {
  await applyTemplates(client, templates);
  for (const result of results) {
    const [outcome] = await ingestResults(client, [result]);
    if (outcome?.error !== undefined)
      throw new Error(`the ingest failed scan ${result.scanId}`, { cause: outcome.error });
  }
  await client.indices.refresh({ index: '_all' });
  const timeRange = spanOf(results);
  const dashboards = await runDashboards(client, objects, { timeRange });
  const panel = (id: string): VisualizationResult => {
    const found = dashboards.flatMap((dashboard) => dashboard.panels).find((each) => each.id === id);
    if (found?.type !== 'visualization') throw new Error(`no visualization panel ${id}`);
    return found.result;
  };
  return { timeRange, dashboards, panel };
};

/** Each row's bucket keys, joined by spaces. */
const rowKey = (row: ResultRow): string => row.buckets.map((bucket) => String(bucket.key)).join(' ');

/** The keys of the rows that hold documents. */
export const rowKeys = (rows: readonly ResultRow[]): string[] =>
  rows.filter((row) => row.docCount > 0).map(rowKey);

/** Each row's document count, by its keys. */
export const countsByRowKey = (rows: readonly ResultRow[]): Record<string, number> =>
  Object.fromEntries(rows.map((row) => [rowKey(row), row.docCount]));
