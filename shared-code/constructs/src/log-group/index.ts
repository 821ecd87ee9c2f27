export * from './encrypted-log-group.ts';
