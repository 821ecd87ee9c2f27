export * from './ssl-document-types.ts';
export * from './templates.ts';
