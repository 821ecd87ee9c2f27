export * from './install.ts';
export * from './java.ts';
export * from './node-location.ts';
export * from './server.ts';
export * from './service-user.ts';
