import type { Deployment } from '../deployment/index.ts';
import type { Clock } from './clock.ts';
import { ComputeError } from './compute-error.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';
import { type Running, runtimeOf } from './running.ts';
import { startBucketNotifications } from './s3-notification.ts';
import { parseScheduleExpression } from './schedule-expression.ts';
import { scheduleTargetEvent } from './scheduled-event.ts';
import { runSchedule } from './scheduler.ts';
import { startTopicSubscription } from './sns-subscription.ts';
import { startEventSourceMapping } from './sqs-mapping.ts';
import { startStreamMapping } from './stream-mapping.ts';

export interface TriggerOptions {
  readonly running: Running;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
  readonly defaultSqsPollers: number;
  readonly clock: Clock;
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

const startMappings = (deployment: Deployment, options: TriggerOptions): void => {
  for (const mapping of deployment.eventSourceMappings.filter(({ enabled }) => enabled)) {
    const { host, log } = runtimeOf(options.running, mapping.functionName);
    options.running.sources.push(
      startEventSourceMapping(mapping, {
        host,
        log,
        recordError: options.recordError,
        defaultPollers: options.defaultSqsPollers,
      }),
    );
  }
};

const startStreamMappings = (deployment: Deployment, options: TriggerOptions): void => {
  for (const mapping of (deployment.streamMappings ?? []).filter(({ enabled }) => enabled)) {
    const { host, log, fn } = runtimeOf(options.running, mapping.functionName);
    options.running.sources.push(
      startStreamMapping(mapping, {
        host,
        log,
        functionArn: fn.functionArn,
        recordError: options.recordError,
        clock: options.clock,
      }),
    );
  }
};

const startSubscriptions = async (deployment: Deployment, options: TriggerOptions): Promise<void> => {
  for (const subscription of deployment.topicSubscriptions) {
    const { invoker, log } = runtimeOf(options.running, subscription.functionName);
    options.running.sources.push(
      await forResource(subscription.address, () =>
        startTopicSubscription(subscription, { invoker, log, recordError: options.recordError }),
      ),
    );
  }
};

const startNotifications = async (deployment: Deployment, options: TriggerOptions): Promise<void> => {
  const { running } = options;
  const arns = new Set(deployment.functions.map(({ functionArn }) => functionArn));
  const buckets = new Set(deployment.bucketNotifications.map(({ bucketName }) => bucketName));
  for (const bucketName of buckets) {
    const notifications = deployment.bucketNotifications.filter((n) => n.bucketName === bucketName);
    const sources = await forResource(notifications.map(({ address }) => address).join(', '), () =>
      startBucketNotifications(bucketName, notifications, {
        invokerOf: (functionName) => runtimeOf(running, functionName).invoker,
        logOf: (functionName) => runtimeOf(running, functionName).log,
        recordError: options.recordError,
        runsFunction: (arn) => arns.has(arn),
      }),
    );
    running.sources.push(...sources);
  }
};

const startSchedules = (deployment: Deployment, { running, clock }: TriggerOptions): void => {
  for (const schedule of deployment.schedules) {
    const { invoker, fn } = runtimeOf(running, schedule.functionName);
    const expression = parseScheduleExpression(schedule.scheduleExpression, clock.now());
    const fire = (at: number) =>
      invoker.enqueue(scheduleTargetEvent(schedule, fn.functionArn, at), `schedule ${schedule.ruleName}`);
    running.schedules.push(runSchedule(expression, fire, clock));
  }
};

/** Starts everything that invokes the deployed functions, adding each to what is running as it starts. */
export const startTriggers = async (deployment: Deployment, options: TriggerOptions): Promise<void> => {
  startMappings(deployment, options);
  startStreamMappings(deployment, options);
  await startSubscriptions(deployment, options);
  await startNotifications(deployment, options);
  startSchedules(deployment, options);
};
