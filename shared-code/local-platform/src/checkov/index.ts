export * from './checked-projects.ts';
export * from './checkov-error.ts';
export * from './checkov-report.ts';
export * from './install.ts';
export * from './run-checkov.ts';
export * from './verdict.ts';
