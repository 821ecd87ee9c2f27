import type { StoredDocument } from './history-documents.ts';

/** A document written again with other content: where it is, and the fields (dotted paths) that differ. */
export interface ChangedDocument {
  readonly index: string;
  readonly id: string;
  readonly fields: readonly string[];
}

/** What a replay did to one object's history documents. */
export interface ObjectComparison {
  /** Written again with the same content. */
  readonly identical: readonly string[];
  readonly changed: readonly ChangedDocument[];
  /** Written now, absent before. */
  readonly added: readonly string[];
  /** Present before and not written again: the parser no longer produces them. */
  readonly notProduced: readonly string[];
  /** Parser versions stamped on the documents, before and after. */
  readonly parserVersions: { readonly before: readonly string[]; readonly after: readonly string[] };
}

/** Where the ingest keeps the parser's version: stamped anew by every parser, so never a difference itself. */
export const parserVersionPath = 'scan.parserVersion';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every leaf of a document by dotted path; an array is one value, compared whole. */
const leaves = (value: unknown, path: string, into: Map<string, string>): Map<string, string> => {
  if (isPlainObject(value) && (path === '' || Object.keys(value).length > 0)) {
    for (const [name, child] of Object.entries(value))
      leaves(child, path === '' ? name : `${path}.${name}`, into);
  } else {
    into.set(path, JSON.stringify(value));
  }
  return into;
};

/** The fields in which two versions of a document differ, the parser version left out, sorted. */
export const differingFields = (
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): string[] => {
  const was = leaves(before, '', new Map());
  const is = leaves(after, '', new Map());
  return [...new Set([...was.keys(), ...is.keys()])]
    .filter((path) => path !== parserVersionPath && was.get(path) !== is.get(path))
    .sort();
};

const where = (document: Pick<StoredDocument, 'index' | 'id'>): string => `${document.index}/${document.id}`;

const versionsOf = (documents: readonly StoredDocument[]): string[] =>
  [
    ...new Set(
      documents.map(({ source }) =>
        String((source.scan as { parserVersion?: unknown } | undefined)?.parserVersion),
      ),
    ),
  ].sort();

/**
 * Compares an object's history documents before and after its replay. A document counts as written again only if
 * its sequence number moved (or its primary term, after a failover): one that is still there unmoved was not
 * produced this time, however equal it is.
 */
export const compareDocuments = (
  before: readonly StoredDocument[],
  after: readonly StoredDocument[],
): ObjectComparison => {
  const previous = new Map(before.map((document) => [where(document), document]));
  const current = new Map(after.map((document) => [where(document), document]));
  const identical: string[] = [];
  const changed: ChangedDocument[] = [];
  const added: string[] = [];
  const notProduced: string[] = [];
  for (const [location, document] of current) {
    const old = previous.get(location);
    if (old === undefined) {
      added.push(location);
    } else if (old.seqNo === document.seqNo && old.primaryTerm === document.primaryTerm) {
      notProduced.push(location);
    } else {
      const fields = differingFields(old.source, document.source);
      if (fields.length === 0) identical.push(location);
      else changed.push({ index: document.index, id: document.id, fields });
    }
  }
  for (const location of previous.keys()) if (!current.has(location)) notProduced.push(location);
  return {
    identical: identical.sort(),
    changed: changed.sort((a, b) => (where(a) < where(b) ? -1 : 1)),
    added: added.sort(),
    notProduced: notProduced.sort(),
    parserVersions: { before: versionsOf(before), after: versionsOf(after) },
  };
};

/** Whether the replay has reached the object's documents: one of them written again, or a new one. */
export const reindexed = (before: readonly StoredDocument[], after: readonly StoredDocument[]): boolean => {
  const previous = new Map(before.map((document) => [where(document), document]));
  return after.some((document) => {
    const old = previous.get(where(document));
    return old === undefined || old.seqNo !== document.seqNo || old.primaryTerm !== document.primaryTerm;
  });
};
