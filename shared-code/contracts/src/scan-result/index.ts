export { reservedFieldNames } from './document-fields.ts';
export type { ResultDocument, ResultDocuments } from './result-documents.ts';
export * from './scan-result.ts';
export * from './scan-result-example.ts';
