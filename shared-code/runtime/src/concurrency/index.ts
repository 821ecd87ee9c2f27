export * from './map-concurrently.ts';
