export * from './certificates.ts';
export * from './demo-estate.ts';
export * from './estate-layout.ts';
export * from './estate-truth.ts';
export type { RunningService } from './running-service.ts';
