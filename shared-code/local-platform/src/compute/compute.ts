import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deployment } from '../deployment/index.ts';
import { type Clock, systemClock } from './clock.ts';
import { checkDeployment } from './deployment-check.ts';
import { startEcsTasks } from './ecs-tasks.ts';
import type { FunctionCounters, InvocationOutcome } from './function-host.ts';
import { prepareFunction } from './function-runtime.ts';
import { recordHandlerError } from './handler-errors.ts';
import { type Running, runtimeOf, stopAll } from './running.ts';
import { startTriggers } from './triggers.ts';

export interface ComputeOptions {
  /** The instance's state folder: unpacked packages in `functions/`, logs in `logs/`, `handler-errors.jsonl`. */
  readonly stateDir: string;
  /** The base environment of every function: endpoints, region, credentials, SEC_AN_STAGE... */
  readonly environment: Readonly<Record<string, string>>;
  /** Pollers of an SQS mapping that sets no maximum concurrency; 2 by default. */
  readonly defaultSqsPollers?: number;
  /** The back-off before the first asynchronous retry, doubled for the second; 1000 ms by default. */
  readonly asyncRetryBaseDelayMs?: number;
  /** Asynchronous events of one function invoked at once; 4 by default. */
  readonly asyncConcurrency?: number;
  /** How often the deployed ECS clusters are asked for new tasks; 1000 ms by default. */
  readonly ecsPollIntervalMs?: number;
  /** The time schedules and retries run by; the system clock by default. */
  readonly clock?: Clock;
}

/** A function's counters, and what it holds right now. */
export interface FunctionStatus extends Readonly<FunctionCounters> {
  /** Execution environments (worker threads) alive. */
  readonly workers: number;
  /** Asynchronous events accepted and not yet done with. */
  readonly pendingEvents: number;
}

export interface ComputeHandle {
  /** A synchronous (`RequestResponse`) invocation: the function's result or error. */
  invoke(functionName: string, event: unknown): Promise<InvocationOutcome>;
  /** An asynchronous (`Event`) invocation, with the function's retries and destinations; returns the request id. */
  invokeAsync(functionName: string, event: unknown): string;
  /** Each function's counters since start, by function name: what `sec-an status` shows. */
  status(): Readonly<Record<string, FunctionStatus>>;
  /**
   * Stops every poller and schedule, ends every worker thread and every ECS task's processes; resolves once all
   * are gone.
   */
  stop(): Promise<void>;
}

/**
 * Runs what AWS would run for the deployed functions: each function's real deployment package in worker
 * threads, fed by its SQS event source mappings, SNS subscriptions, S3 notifications and schedules, with the
 * retries and destinations of asynchronous invocations; and ECS tasks started by RunTask, as child processes.
 * Nothing of it is created inside moto except the
 * internal queues (`sec-an-local-*`) through which moto hands over SNS and S3 events.
 */
export const startCompute = async (
  deployment: Deployment,
  options: ComputeOptions,
): Promise<ComputeHandle> => {
  checkDeployment(deployment);
  const clock = options.clock ?? systemClock;
  await mkdir(join(options.stateDir, 'logs'), { recursive: true });
  const running: Running = { functions: new Map(), sources: [], schedules: [] };
  try {
    for (const fn of deployment.functions) {
      const runtime = await prepareFunction(fn, {
        stateDir: options.stateDir,
        environment: options.environment,
        asyncConfig: deployment.asyncInvokeConfigs.find(
          ({ functionName }) => functionName === fn.functionName,
        ),
        asyncRetryBaseDelayMs: options.asyncRetryBaseDelayMs ?? 1000,
        asyncConcurrency: options.asyncConcurrency ?? 4,
        clock,
        recordError: (entry) => recordHandlerError(options.stateDir, entry),
      });
      running.functions.set(fn.functionName, runtime);
    }
    await startTriggers(deployment, {
      running,
      recordError: (entry) => recordHandlerError(options.stateDir, entry),
      defaultSqsPollers: options.defaultSqsPollers ?? 2,
      clock,
    });
  } catch (error) {
    await stopAll(running);
    throw error;
  }
  // Tasks that RunTask starts in moto run as child processes with the task definition's command.
  const ecsTasks = startEcsTasks(deployment.ecsClusters ?? [], {
    stateDir: options.stateDir,
    baseEnvironment: options.environment,
    pollIntervalMs: options.ecsPollIntervalMs ?? 1000,
    recordError: (entry) => recordHandlerError(options.stateDir, entry),
  });
  let stopping: Promise<void> | undefined;
  return {
    invoke: (functionName, event) =>
      runtimeOf(running, functionName).host.invoke(event, { trigger: 'direct' }),
    invokeAsync: (functionName, event) => runtimeOf(running, functionName).invoker.enqueue(event, 'direct'),
    status: () =>
      Object.fromEntries(
        [...running.functions.values()].map(({ fn, host, invoker }) => [
          fn.functionName,
          { ...host.counters, workers: host.workers, pendingEvents: invoker.pending },
        ]),
      ),
    stop: () => {
      stopping ??= Promise.all([stopAll(running), ecsTasks.stop()]).then(() => {});
      return stopping;
    },
  };
};
