import { z } from 'zod';
import { type DocumentFields, fieldsProblem, isPlainObject } from './document-fields.ts';

export const documentTypePattern = /^[a-z][a-z0-9-]{0,39}$/;
export const entityKeyPattern = /^[0-9a-f]{64}$/;

/** One document of a result: its entity key and its fields. */
export interface ResultDocument {
  readonly key: string;
  readonly fields: DocumentFields;
}

export type ResultDocuments = Record<string, ResultDocument[]>;

interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

const documentProblem = (document: unknown): Problem | undefined => {
  if (!isPlainObject(document)) return { path: [], message: 'a document is an object with a key and fields' };
  const names = Object.keys(document);
  const extra = names.filter((name) => name !== 'key' && name !== 'fields');
  if (extra.length > 0)
    return { path: [], message: `a document has only a key and fields, not ${extra.join(', ')}` };
  const { key, fields } = document;
  if (typeof key !== 'string' || !entityKeyPattern.test(key))
    return { path: ['key'], message: 'an entity key is 64 lowercase hex digits' };
  const problem = fieldsProblem(fields);
  return problem === undefined ? undefined : { path: ['fields'], message: problem };
};

/** The first thing wrong with a result's documents, where it is; or undefined when nothing is. */
const documentsProblem = (documents: unknown): Problem | undefined => {
  if (!isPlainObject(documents))
    return { path: [], message: 'documents are an object of document types to lists of documents' };
  for (const [type, list] of Object.entries(documents)) {
    if (!documentTypePattern.test(type))
      return {
        path: [type],
        message: `"${type.slice(0, 40)}" is not a document type (${documentTypePattern.source})`,
      };
    if (!Array.isArray(list)) return { path: [type], message: 'the documents of a type are a list' };
    for (const [index, document] of list.entries()) {
      const problem = documentProblem(document);
      if (problem !== undefined) return { ...problem, path: [type, index, ...problem.path] };
    }
  }
  return undefined;
};

/**
 * A result's documents by type. Checked by hand, as their fields are: a day's results hold millions of documents,
 * and zod's generic object, record and pattern checks per document were half the time the ingest took to read a
 * batch. The JSON Schema is the one zod would derive, for the message catalogue.
 */
export const resultDocuments = z
  .custom<ResultDocuments>()
  .superRefine((documents, context) => {
    const problem = documentsProblem(documents);
    if (problem !== undefined)
      context.addIssue({ code: 'custom', message: problem.message, path: [...problem.path] });
  })
  .meta({
    type: 'object',
    propertyNames: { type: 'string', pattern: documentTypePattern.source },
    additionalProperties: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          key: { type: 'string', pattern: entityKeyPattern.source },
          fields: { type: 'object', additionalProperties: {} },
        },
        required: ['key', 'fields'],
        additionalProperties: false,
      },
    },
  });
