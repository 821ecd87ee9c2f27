export * from './container-scan.ts';
export * from './store-raw-scan.ts';
