export * from './exit-codes.ts';
export * from './nmap-arguments.ts';
export * from './nmap-process.ts';
export * from './nmap-version.ts';
export * from './raw-artefact.ts';
export * from './raw-metadata.ts';
export * from './run-errors.ts';
export * from './run-scan.ts';
