import type { Client } from '@opensearch-project/opensearch';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import { snapshotIndex, subjectIndex } from '@sec-an/contracts/search-index';

/** A subject's latest result as the ingest recorded it: its time, and the documents its snapshot holds. */
export interface SubjectState {
  readonly scanId: string;
  readonly endedAt: string;
  /** Entity keys per document type. */
  readonly documents: Readonly<Record<string, readonly string[]>>;
}

/** The subject's previous snapshot documents, by type and entity key (their `_source`). */
export type SnapshotDocuments = ReadonlyMap<string, ReadonlyMap<string, Record<string, unknown>>>;

export const subjectDocumentId = (task: string, subjectKey: string): string => `${task}/${subjectKey}`;

interface MgetResponse {
  readonly docs: readonly {
    readonly _index: string;
    readonly _id: string;
    readonly found?: boolean;
    readonly _source?: unknown;
  }[];
}

interface SubjectSource {
  readonly scan: { readonly id: string; readonly endedAt: string };
  readonly documents: Readonly<Record<string, readonly string[]>>;
}

/**
 * The subjects' states, read by id: a get is real-time, so a result ingested a moment ago is seen even before the
 * index refreshes (a search would miss it).
 */
export const readSubjectStates = async (
  client: Client,
  results: readonly ScanResult[],
): Promise<ReadonlyMap<string, SubjectState>> => {
  if (results.length === 0) return new Map();
  const response = await client.mget({
    body: {
      docs: results.map((result) => ({
        _index: subjectIndex,
        _id: subjectDocumentId(result.task, result.subject.key),
      })),
    },
  });
  const states = new Map<string, SubjectState>();
  for (const doc of (response.body as MgetResponse).docs) {
    if (doc.found !== true) continue;
    const source = doc._source as SubjectSource;
    states.set(doc._id, {
      scanId: source.scan.id,
      endedAt: source.scan.endedAt,
      documents: source.documents,
    });
  }
  return states;
};

/** A subject whose previous snapshot documents are wanted. */
export interface PreviousOf {
  readonly subjectId: string;
  readonly task: string;
  readonly state: SubjectState;
}

/**
 * The snapshot documents the subject states list, all in one request, read by id (real-time, like the states).
 * A document that is gone (a failed write, a deleted index) is simply absent.
 */
export const readSnapshotDocuments = async (
  client: Client,
  subjects: readonly PreviousOf[],
): Promise<ReadonlyMap<string, SnapshotDocuments>> => {
  const wanted = subjects.flatMap(({ subjectId, task, state }) =>
    Object.entries(state.documents).flatMap(([type, keys]) =>
      keys.map((key) => ({ subjectId, type, _index: snapshotIndex(task, type), _id: key })),
    ),
  );
  const bySubject = new Map<string, Map<string, Map<string, Record<string, unknown>>>>(
    subjects.map(({ subjectId }) => [subjectId, new Map()]),
  );
  if (wanted.length === 0) return bySubject;
  const response = await client.mget({ body: { docs: wanted.map(({ _index, _id }) => ({ _index, _id })) } });
  (response.body as MgetResponse).docs.forEach((doc, position) => {
    const entry = wanted[position];
    if (entry === undefined || doc.found !== true) return;
    const documents = bySubject.get(entry.subjectId);
    const ofType = documents?.get(entry.type) ?? new Map<string, Record<string, unknown>>();
    ofType.set(doc._id, doc._source as Record<string, unknown>);
    documents?.set(entry.type, ofType);
  });
  return bySubject;
};
