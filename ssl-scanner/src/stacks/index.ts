export * from './ssl-scanner-app.ts';
export * from './ssl-scanner-project.ts';
export * from './ssl-scanner-settings.ts';
export * from './tls-task-stack.ts';
