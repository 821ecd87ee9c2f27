export * from './assess-endpoint.ts';
