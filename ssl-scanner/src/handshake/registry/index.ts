export * from './cipher-suites.ts';
export * from './groups.ts';
export * from './sslv2-ciphers.ts';
export type { SuiteStrength } from './strength.ts';
