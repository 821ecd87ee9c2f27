import type { openSearchClient } from '@sec-an/runtime/opensearch';

type Client = ReturnType<typeof openSearchClient>;

/** Every task's history indices: a scanner that has not written yet simply has none, which matches nothing. */
export const historyIndexPattern = '*-history';

/** A history document as the ingest wrote it: the parser's fields and the ingest's metadata. */
export interface ResultDocument {
  readonly index: string;
  readonly source: Readonly<Record<string, unknown>> & {
    readonly scan: { readonly requestId: string; readonly task: string; readonly endedAt: string };
    readonly entity: { readonly type: string; readonly key: string };
  };
}

/** More than a scan of one address writes; the ports of a whole /24 stay well below it. */
const maxDocuments = 10_000;

/**
 * A search sees what the indices' last refresh made visible, and one scan's documents of several types land in
 * several indices: without a refresh, the host could show while its ports do not yet. A principal not allowed to
 * refresh still gets every document within a refresh interval, on a later look.
 */
const refreshHistory = async (client: Client): Promise<void> => {
  try {
    await client.indices.refresh({
      index: historyIndexPattern,
      ignore_unavailable: true,
      allow_no_indices: true,
    });
  } catch {
    // Not allowed to refresh: the periodic refresh does it.
  }
};

/** The history documents stamped with these request ids, of every task (nmap, and the TLS scans it led to). */
export const findResultDocuments = async (
  client: Client,
  requestIds: readonly string[],
): Promise<ResultDocument[]> => {
  await refreshHistory(client);
  const response = await client.search({
    index: historyIndexPattern,
    ignore_unavailable: true,
    allow_no_indices: true,
    body: {
      size: maxDocuments,
      query: { terms: { 'scan.requestId': [...requestIds] } },
      sort: [{ '@timestamp': 'asc' }],
    },
  } as never);
  const hits = (response.body as { hits: { hits: { _index: string; _source: ResultDocument['source'] }[] } })
    .hits.hits;
  return hits.map((hit) => ({ index: hit._index, source: hit._source }));
};
