export * from './smoke-flow.ts';
