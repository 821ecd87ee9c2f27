export * from './client.ts';
export * from './search-store.ts';
