export * from './clock.ts';
export * from './compute.ts';
export * from './compute-error.ts';
export type { FunctionCounters, InvocationOutcome } from './function-host.ts';
export { logFileOf } from './function-runtime.ts';
export * from './handler-errors.ts';
export { internalQueuePrefix } from './internal-queue.ts';
export type { InvocationError } from './invocation-error.ts';
