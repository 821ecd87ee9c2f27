export * from './ssl-scanner-project.ts';
export * from './tls-task-stack.ts';
