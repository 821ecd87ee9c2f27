export * from './dynamodb-sync.ts';
export * from './ingest-queue.ts';
export * from './stream-record-result.ts';
export * from './sync-settings.ts';
