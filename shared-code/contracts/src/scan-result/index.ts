export { reservedFieldNames } from './document-fields.ts';
export * from './scan-result.ts';
export * from './scan-result-example.ts';
