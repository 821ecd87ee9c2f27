export * from './host-result.ts';
export * from './parse-results.ts';
export * from './parser-errors.ts';
export * from './parser-identity.ts';
export * from './port-finding.ts';
export * from './xml-limits.ts';
