export * from './budget.ts';
export * from './cipher-enumeration.ts';
export * from './groups.ts';
export * from './hello-probe.ts';
export * from './scan-endpoint.ts';
