export * from './certificate-authority.ts';
export * from './certificates.ts';
export * from './misbehaving-servers.ts';
export * from './openssl-server.ts';
export * from './sslscan.ts';
