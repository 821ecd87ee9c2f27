export * from './dns-addresses.ts';
export * from './dns-hosts.ts';
export * from './saved-objects.ts';
export * from './table-syncs.ts';
export * from './templates.ts';
