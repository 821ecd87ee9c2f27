export * from './certificate-sightings.ts';
export * from './certificates-table.ts';
export * from './endpoint-name.ts';
export * from './parse-observations.ts';
export * from './parser-identity.ts';
export * from './parser-settings.ts';
export * from './publish-observations.ts';
