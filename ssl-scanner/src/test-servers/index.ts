export * from './misbehaving-servers.ts';
