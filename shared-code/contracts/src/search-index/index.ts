export * from './document-metadata.ts';
export * from './document-type.ts';
export * from './index-names.ts';
export * from './index-template.ts';
