export * from './client.ts';
export * from './search-errors.ts';
export * from './search-store.ts';
