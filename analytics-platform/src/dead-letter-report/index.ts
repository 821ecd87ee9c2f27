export * from './archive-key.ts';
export * from './archived-letter.ts';
export * from './dead-letter-document.ts';
export * from './document-id.ts';
export * from './index-dead-letter.ts';
export * from './object-created-event.ts';
export * from './read-archive.ts';
export * from './report-dead-letter.ts';
