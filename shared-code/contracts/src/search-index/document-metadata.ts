import type { FieldMapping } from './document-type.ts';

/** The component template every document type's template is composed of. */
export const documentMetadataComponent = 'sec-an-document-metadata';

/**
 * What the ingest writes into every snapshot and history document besides the parser's fields (the names
 * scan-result reserves): when the entity was seen, by which scan and parser, from which raw object.
 */
export const documentMetadataProperties: Readonly<Record<string, FieldMapping>> = {
  '@timestamp': { type: 'date' },
  scan: {
    properties: {
      id: { type: 'keyword' },
      task: { type: 'keyword' },
      requestId: { type: 'keyword' },
      startedAt: { type: 'date' },
      endedAt: { type: 'date' },
      parserVersion: { type: 'keyword' },
      raw: { properties: { bucket: { type: 'keyword' }, key: { type: 'keyword' } } },
    },
  },
  subject: { properties: { key: { type: 'keyword' }, label: { type: 'keyword' } } },
  entity: { properties: { key: { type: 'keyword' }, type: { type: 'keyword' } } },
};
