export * from './change-template.ts';
export * from './dead-letter-template.ts';
export * from './platform-templates.ts';
export * from './subject-template.ts';
