export * from './bundle.ts';
export { bundleCacheVariable } from './bundle-cache.ts';
export * from './function-settings.ts';
export * from './node-function.ts';
export * from './queue-consumption.ts';
export * from './stream-consumption.ts';
