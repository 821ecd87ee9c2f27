export * from './nmap-document-types.ts';
export * from './templates.ts';
