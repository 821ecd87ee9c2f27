import type { openSearchClient } from '@sec-an/runtime/opensearch';

/** The OpenSearch client of the runtime library, whose package only it depends on. */
export type SearchClient = ReturnType<typeof openSearchClient>;
type Client = SearchClient;

/**
 * An index's documents matching a query; none while the index (or, for a pattern, any index) does not exist yet,
 * so a section of a project not deployed, or not yet written, is simply empty.
 */
export const searchSources = async (
  client: Client,
  index: string,
  query: object,
  size = 500,
  sort: object[] = [],
): Promise<Record<string, unknown>[]> => {
  await client.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  const response = await client.search({
    index,
    ignore_unavailable: true,
    allow_no_indices: true,
    body: { query, size, ...(sort.length === 0 ? {} : { sort }) } as never,
  });
  return response.body.hits.hits.map((hit) => hit._source as Record<string, unknown>);
};

/** How many documents of an index match; 0 while it does not exist. */
export const countDocuments = async (client: Client, index: string, query: object): Promise<number> => {
  await client.indices.refresh({ index, ignore_unavailable: true, allow_no_indices: true });
  const response = await client.count({
    index,
    ignore_unavailable: true,
    allow_no_indices: true,
    body: { query } as never,
  });
  return Number(response.body.count);
};

export const sinceQuery = (field: string, since: number): object => ({
  range: { [field]: { gte: new Date(since).toISOString() } },
});
