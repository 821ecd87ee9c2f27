export * from './feature-flag.ts';
