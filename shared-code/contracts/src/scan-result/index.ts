export * from './scan-result.ts';
export * from './scan-result-example.ts';
