import { singleIndexTemplate, subjectIndex } from '@sec-an/contracts/search-index';

/**
 * A subject's latest result: its time orders later results against it, and its document list is the previous
 * snapshot the next result is compared with (read by id, so it is right even before a refresh).
 */
export const subjectTemplate = singleIndexTemplate(subjectIndex, {
  '@timestamp': { type: 'date' },
  task: { type: 'keyword' },
  subject: { properties: { key: { type: 'keyword' }, label: { type: 'keyword' } } },
  scan: {
    properties: { id: { type: 'keyword' }, endedAt: { type: 'date' }, parserVersion: { type: 'keyword' } },
  },
  documentCount: { type: 'integer' },
  /** When the result was written, and how long after its scan ended: the ingest's health. */
  ingest: { properties: { at: { type: 'date' }, lagSeconds: { type: 'float' } } },
  /** The summaries of its entities, deflated: read back by id, never searched. */
  documents: { type: 'binary' },
});
