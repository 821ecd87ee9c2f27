import { historyIndex } from '@sec-an/contracts/search-index';
import { searchStore } from '@sec-an/runtime/opensearch';
import type { LakeObject } from './raw-objects.ts';

/** A history document as the store holds it now, with the sequence number that moves when it is written again. */
export interface StoredDocument {
  readonly index: string;
  readonly id: string;
  readonly seqNo: number;
  readonly primaryTerm: number;
  readonly source: Readonly<Record<string, unknown>>;
}

/** Every task's history indices: a result's documents go to its task's, whatever the parser's task name. */
export const historyIndices = historyIndex('*', '*');

const keysPerSearch = 100;
const pageSize = 1000;

/** A total order of one object's history documents, for paging: an entity appears once per type and scan. */
const sortOrder = [
  { 'scan.raw.key': { order: 'asc', unmapped_type: 'keyword' } },
  { 'entity.type': { order: 'asc', unmapped_type: 'keyword' } },
  { 'entity.key': { order: 'asc', unmapped_type: 'keyword' } },
  { '@timestamp': { order: 'asc', unmapped_type: 'date' } },
] as const;

interface Hit {
  readonly _index: string;
  readonly _id: string;
  readonly _seq_no: number;
  readonly _primary_term: number;
  readonly _source: Record<string, unknown>;
  readonly sort: (string | number)[];
}

const rawKeyOf = (source: Readonly<Record<string, unknown>>): string | undefined => {
  const raw = (source.scan as { raw?: { key?: unknown } } | undefined)?.raw;
  return typeof raw?.key === 'string' ? raw.key : undefined;
};

const searchKeys = async (bucket: string, keys: readonly string[]): Promise<Hit[]> => {
  const store = await searchStore();
  const hits: Hit[] = [];
  let after: (string | number)[] | undefined;
  for (;;) {
    const body = {
      query: {
        bool: {
          filter: [{ term: { 'scan.raw.bucket': bucket } }, { terms: { 'scan.raw.key': [...keys] } }],
        },
      },
      size: pageSize,
      sort: [...sortOrder],
      ...(after === undefined ? {} : { search_after: after }),
    };
    const response = await store.search({
      index: historyIndices,
      ignore_unavailable: true,
      seq_no_primary_term: true,
      body,
    });
    const page = response.body.hits.hits as unknown as Hit[];
    hits.push(...page);
    if (page.length < pageSize) return hits;
    after = page.at(-1)?.sort;
  }
};

/**
 * The history documents that came from each object (they carry its location in `scan.raw`), by object key. The
 * indices are refreshed first, so that what the ingest has written is what is read.
 */
export const readHistoryDocuments = async (
  objects: readonly LakeObject[],
): Promise<Map<string, StoredDocument[]>> => {
  const byKey = new Map<string, StoredDocument[]>(objects.map(({ key }) => [key, []]));
  const [first] = objects;
  if (first === undefined) return byKey;
  const store = await searchStore();
  await store.indices.refresh({ index: historyIndices, ignore_unavailable: true, allow_no_indices: true });
  for (let start = 0; start < objects.length; start += keysPerSearch) {
    const keys = objects.slice(start, start + keysPerSearch).map(({ key }) => key);
    for (const hit of await searchKeys(first.bucket, keys)) {
      byKey.get(rawKeyOf(hit._source) ?? '')?.push({
        index: hit._index,
        id: hit._id,
        seqNo: hit._seq_no,
        primaryTerm: hit._primary_term,
        source: hit._source,
      });
    }
  }
  return byKey;
};
