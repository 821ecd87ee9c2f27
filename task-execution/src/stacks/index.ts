export * from './published-parameters.ts';
export * from './task-execution-app.ts';
export * from './task-execution-project.ts';
export * from './task-execution-settings.ts';
