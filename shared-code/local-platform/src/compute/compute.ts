import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Deployment } from '../deployment/index.ts';
import type { SqsEventSource } from '../event-sources/index.ts';
import { type Clock, systemClock } from './clock.ts';
import { ComputeError } from './compute-error.ts';
import { checkDeployment } from './deployment-check.ts';
import type { FunctionCounters, InvocationOutcome } from './function-host.ts';
import { type FunctionRuntime, prepareFunction } from './function-runtime.ts';
import { type HandlerErrorEntry, recordHandlerError } from './handler-errors.ts';
import { startBucketNotifications } from './s3-notification.ts';
import { parseScheduleExpression } from './schedule-expression.ts';
import { scheduleTargetEvent } from './scheduled-event.ts';
import { type RunningSchedule, runSchedule } from './scheduler.ts';
import { startTopicSubscription } from './sns-subscription.ts';
import { startEventSourceMapping } from './sqs-mapping.ts';

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
  status(): Readonly<Record<string, FunctionStatus>>;
  /** Stops every poller and schedule and ends every worker thread; resolves once all are gone. */
  stop(): Promise<void>;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Runs a start step for one resource, naming the resource if it fails. */
const forResource = async <T>(address: string, start: () => Promise<T>): Promise<T> => {
  try {
    return await start();
  } catch (error) {
    throw new ComputeError(`could not start ${address}: ${errorText(error)}`, { cause: error });
  }
};

interface Running {
  readonly functions: Map<string, FunctionRuntime>;
  readonly sources: SqsEventSource[];
  readonly schedules: RunningSchedule[];
}

/**
 * Stopping in this order ends everything promptly: sources and schedules take no more work, event queues drop
 * what waits, ending the threads fails what runs (its messages stay in their queues), and only then are the
 * pollers and queues awaited, since they wait for what ran.
 */
const stopAll = async ({ functions, sources, schedules }: Running): Promise<void> => {
  for (const schedule of schedules) schedule.stop();
  const sourcesStopped = Promise.all(sources.map((source) => source.stop()));
  const runtimes = [...functions.values()];
  const invokersStopped = Promise.all(runtimes.map(({ invoker }) => invoker.stop()));
  await Promise.all(runtimes.map(({ host }) => host.stop()));
  await Promise.all([sourcesStopped, invokersStopped]);
  await Promise.all(runtimes.map(({ log }) => log.close()));
};

const startTriggers = async (
  deployment: Deployment,
  running: Running,
  options: ComputeOptions,
  clock: Clock,
) => {
  const runtimeOf = (functionName: string): FunctionRuntime => {
    const runtime = running.functions.get(functionName);
    if (runtime === undefined) throw new ComputeError(`${functionName} is not deployed`);
    return runtime;
  };
  const recordError = (entry: Omit<HandlerErrorEntry, 'time'>) => recordHandlerError(options.stateDir, entry);
  for (const mapping of deployment.eventSourceMappings.filter(({ enabled }) => enabled)) {
    const { host, log } = runtimeOf(mapping.functionName);
    running.sources.push(
      startEventSourceMapping(mapping, {
        host,
        log,
        recordError,
        defaultPollers: options.defaultSqsPollers ?? 2,
      }),
    );
  }
  for (const subscription of deployment.topicSubscriptions) {
    const { invoker, log } = runtimeOf(subscription.functionName);
    running.sources.push(
      await forResource(subscription.address, () =>
        startTopicSubscription(subscription, { invoker, log, recordError }),
      ),
    );
  }
  for (const bucketName of new Set(
    deployment.bucketNotifications.map((notification) => notification.bucketName),
  )) {
    const notifications = deployment.bucketNotifications.filter(
      (notification) => notification.bucketName === bucketName,
    );
    const arns = new Set(deployment.functions.map(({ functionArn }) => functionArn));
    const sources = await forResource(notifications.map(({ address }) => address).join(', '), () =>
      startBucketNotifications(bucketName, notifications, {
        invokerOf: (functionName) => runtimeOf(functionName).invoker,
        logOf: (functionName) => runtimeOf(functionName).log,
        recordError,
        runsFunction: (arn) => arns.has(arn),
      }),
    );
    running.sources.push(...sources);
  }
  for (const schedule of deployment.schedules) {
    const { invoker, fn } = runtimeOf(schedule.functionName);
    const expression = parseScheduleExpression(schedule.scheduleExpression, clock.now());
    const fire = (at: number) =>
      invoker.enqueue(scheduleTargetEvent(schedule, fn.functionArn, at), `schedule ${schedule.ruleName}`);
    running.schedules.push(runSchedule(expression, fire, clock));
  }
};

/**
 * Runs what AWS would run for the deployed functions: each function's real deployment package in worker
 * threads, fed by its SQS event source mappings, SNS subscriptions, S3 notifications and schedules, with the
 * retries and destinations of asynchronous invocations. Nothing of it is created inside moto except the
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
    await startTriggers(deployment, running, options, clock);
  } catch (error) {
    await stopAll(running);
    throw error;
  }
  const runtimeOf = (functionName: string): FunctionRuntime => {
    const runtime = running.functions.get(functionName);
    if (runtime === undefined) throw new ComputeError(`no function named ${functionName} is deployed`);
    return runtime;
  };
  let stopping: Promise<void> | undefined;
  return {
    invoke: (functionName, event) => runtimeOf(functionName).host.invoke(event, { trigger: 'direct' }),
    invokeAsync: (functionName, event) => runtimeOf(functionName).invoker.enqueue(event, 'direct'),
    status: () =>
      Object.fromEntries(
        [...running.functions.values()].map(({ fn, host, invoker }) => [
          fn.functionName,
          { ...host.counters, workers: host.workers, pendingEvents: invoker.pending },
        ]),
      ),
    stop: () => {
      stopping ??= stopAll(running);
      return stopping;
    },
  };
};
