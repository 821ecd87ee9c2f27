export * from './publish-raw-scan.ts';
export * from './raw-scan-files.ts';
