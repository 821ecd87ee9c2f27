import type { SqsEventSource } from '../event-sources/index.ts';
import { ComputeError } from './compute-error.ts';
import type { FunctionRuntime } from './function-runtime.ts';
import type { RunningSchedule } from './scheduler.ts';

/** Everything the compute step has started, so that all of it can be stopped. */
export interface Running {
  readonly functions: Map<string, FunctionRuntime>;
  readonly sources: SqsEventSource[];
  readonly schedules: RunningSchedule[];
}

export const runtimeOf = (running: Running, functionName: string): FunctionRuntime => {
  const runtime = running.functions.get(functionName);
  if (runtime === undefined) throw new ComputeError(`no function named ${functionName} is deployed`);
  return runtime;
};

/**
 * Stopping in this order ends everything promptly: sources and schedules take no more work, event queues drop
 * what waits, ending the threads fails what runs (its messages stay in their queues), and only then are the
 * pollers and queues awaited, since they wait for what ran.
 */
export const stopAll = async ({ functions, sources, schedules }: Running): Promise<void> => {
  for (const schedule of schedules) schedule.stop();
  const sourcesStopped = Promise.all(sources.map((source) => source.stop()));
  const runtimes = [...functions.values()];
  const invokersStopped = Promise.all(runtimes.map(({ invoker }) => invoker.stop()));
  await Promise.all(runtimes.map(({ host }) => host.stop()));
  await Promise.all([sourcesStopped, invokersStopped]);
  await Promise.all(runtimes.map(({ log }) => log.close()));
};
