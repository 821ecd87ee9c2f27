export * from './filter-policy.ts';
export * from './service-topic.ts';
