export * from './install.ts';
export * from './server.ts';
