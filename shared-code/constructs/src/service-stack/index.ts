export * from './deployment-settings.ts';
export * from './naming.ts';
export * from './service-stack.ts';
export * from './state-backend.ts';
