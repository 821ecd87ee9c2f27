export * from './ingest.ts';
export * from './ingest-errors.ts';
export * from './ingest-settings.ts';
export * from './refused-part.ts';
