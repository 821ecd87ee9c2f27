export * from './forwarded-entry.ts';
export * from './queue-to-topic.ts';
export * from './settings.ts';
