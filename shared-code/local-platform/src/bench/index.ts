export * from './bench-line.ts';
