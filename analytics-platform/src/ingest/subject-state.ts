import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Client } from '@opensearch-project/opensearch';
import type { ScanResult } from '@sec-an/contracts/scan-result';
import { subjectIndex } from '@sec-an/contracts/search-index';
import { DependencyUnavailableError, PermanentError } from '@sec-an/runtime/errors';

/** What the next result of a subject is compared with, for one of its entities. */
export interface EntitySummary {
  readonly label: string;
  /** The values of the type's change fields (null where absent), as the result had them. */
  readonly values: Readonly<Record<string, unknown>>;
}

/** Entity summaries by document type and entity key. */
export type SubjectDocuments = Readonly<Record<string, Readonly<Record<string, EntitySummary>>>>;

/**
 * A subject's latest result as the ingest recorded it: its time, and a summary of each entity its snapshot holds.
 * The summaries make the previous snapshot one document read by id (real-time, so right even before a refresh),
 * instead of a read of every snapshot document.
 */
export interface SubjectState {
  readonly scanId: string;
  readonly endedAt: string;
  readonly documents: SubjectDocuments;
}

/**
 * The summaries are most of a subject's state, read and written with each of its results and never searched:
 * they are kept deflated, and indexing the state costs the store a quarter of what it did as JSON.
 */
export const encodeSubjectDocuments = (documents: SubjectDocuments): string =>
  deflateRawSync(JSON.stringify(documents), { level: 1 }).toString('base64');

const decodeSubjectDocuments = (id: string, encoded: string): SubjectDocuments => {
  try {
    return JSON.parse(inflateRawSync(Buffer.from(encoded, 'base64')).toString('utf8')) as SubjectDocuments;
  } catch (error) {
    throw new PermanentError(
      `the state of subject ${id} cannot be decoded (${(error as Error).message}): delete its document from the subjects index to start it afresh`,
      { cause: error },
    );
  }
};

export const subjectDocumentId = (task: string, subjectKey: string): string => `${task}/${subjectKey}`;

interface MgetDoc {
  readonly _id: string;
  readonly found?: boolean;
  readonly _source?: unknown;
  readonly error?: { readonly type?: string; readonly reason?: string };
}

interface MgetResponse {
  readonly docs: readonly MgetDoc[];
}

/** Before the first result, the subjects' index does not exist yet: no subject has a state. */
const notYetCreated = (doc: MgetDoc) => doc.error?.type === 'index_not_found_exception';

/**
 * A subject whose state could not be read (its shard not yet started after a restart, its index closed) must not
 * be taken for a new subject: every entity it has would be written as a change again.
 */
const unreadable = (doc: MgetDoc) =>
  new DependencyUnavailableError(
    `the state of subject ${doc._id} could not be read: ${doc.error?.type ?? 'error'}: ${doc.error?.reason ?? ''}`,
  );

interface SubjectSource {
  readonly scan: { readonly id: string; readonly endedAt: string };
  /** Deflated, as `encodeSubjectDocuments` writes them. */
  readonly documents: string;
}

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
    if (doc.error !== undefined && !notYetCreated(doc)) throw unreadable(doc);
    if (doc.found !== true) continue;
    const source = doc._source as SubjectSource;
    states.set(doc._id, {
      scanId: source.scan.id,
      endedAt: source.scan.endedAt,
      documents: decodeSubjectDocuments(doc._id, source.documents),
    });
  }
  return states;
};
