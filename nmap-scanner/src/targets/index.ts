export * from './host-name.ts';
export * from './scan-request.ts';
export * from './scan-target.ts';
export * from './target-address.ts';
export * from './target-errors.ts';
