export * from './deploy.ts';
export * from './deploy-invocations.ts';
export * from './platform-files.ts';
export * from './progress-line.ts';
export * from './queue-depths.ts';
export * from './start-runner.ts';
