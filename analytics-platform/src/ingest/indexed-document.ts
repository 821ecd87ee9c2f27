import type { ResultDocument, ScanResult } from '@sec-an/contracts/scan-result';

/** The metadata the ingest writes beside a document's fields (the names scan-result reserves). */
const metadataOf = (result: ScanResult, type: string, document: ResultDocument) => ({
  '@timestamp': result.endedAt,
  scan: {
    id: result.scanId,
    task: result.task,
    ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
    startedAt: result.startedAt,
    endedAt: result.endedAt,
    parserVersion: result.parserVersion,
    ...(result.raw === null ? {} : { raw: result.raw }),
  },
  subject: result.subject,
  entity: { key: document.key, type },
});

/** What a snapshot and a history document hold: the parser's fields and the ingest's metadata. */
export const indexedDocument = (
  result: ScanResult,
  type: string,
  document: ResultDocument,
): Record<string, unknown> => ({ ...document.fields, ...metadataOf(result, type, document) });
