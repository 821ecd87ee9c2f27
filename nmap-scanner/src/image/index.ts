export * from './entrypoint-bundle.ts';
