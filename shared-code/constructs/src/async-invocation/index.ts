export * from './capture-async-failures.ts';
