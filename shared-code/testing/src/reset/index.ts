export * from './moto.ts';
export * from './opensearch.ts';
