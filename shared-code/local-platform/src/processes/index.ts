export * from './http-probe.ts';
export * from './managed-process.ts';
export * from './run-command.ts';
export * from './wait-until-ready.ts';
