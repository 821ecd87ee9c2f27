import {
  type Event,
  GetBucketNotificationConfigurationCommand,
  PutBucketNotificationConfigurationCommand,
  type QueueConfiguration,
  S3Client,
} from '@aws-sdk/client-s3';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { DeployedBucketNotification } from '../deployment/index.ts';
import type { SqsEventSource } from '../event-sources/index.ts';
import type { AsyncInvoker } from './async-invoker.ts';
import { ComputeError } from './compute-error.ts';
import type { FunctionLog } from './function-log.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';
import {
  ensureInternalQueue,
  type InternalQueue,
  internalQueueName,
  internalQueuePrefix,
} from './internal-queue.ts';
import { startQueueFedSource } from './queue-fed-source.ts';
import { isS3TestEvent, toS3Event } from './s3-event.ts';

export interface BucketNotificationOptions {
  readonly invokerOf: (functionName: string) => AsyncInvoker;
  readonly logOf: (functionName: string) => FunctionLog;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
  /** ARNs of the functions the platform runs: moto must not be asked to invoke them itself. */
  readonly runsFunction: (functionArn: string) => boolean;
}

interface NotificationTarget {
  readonly notification: DeployedBucketNotification;
  readonly queue: InternalQueue;
  /** The configuration's id in the bucket, which S3 passes on as the records' `configurationId`. */
  readonly id: string;
}

/**
 * One bucket notification resource may hold several function targets under one address; what each one
 * selects tells them apart, the same way on every start.
 */
const identityOf = (notification: DeployedBucketNotification): string =>
  JSON.stringify([
    notification.address,
    notification.functionName,
    notification.events,
    notification.filterPrefix,
    notification.filterSuffix,
  ]);

const keyFilter = (notification: DeployedBucketNotification): Pick<QueueConfiguration, 'Filter'> => {
  const rules = [
    ...(notification.filterPrefix === undefined
      ? []
      : [{ Name: 'prefix' as const, Value: notification.filterPrefix }]),
    ...(notification.filterSuffix === undefined
      ? []
      : [{ Name: 'suffix' as const, Value: notification.filterSuffix }]),
  ];
  return rules.length === 0 ? {} : { Filter: { Key: { FilterRules: rules } } };
};

const isInternalQueue = (queueArn: string | undefined): boolean =>
  queueArn?.split(':').at(-1)?.startsWith(internalQueuePrefix) === true;

/**
 * S3 keeps one notification configuration per bucket, replaced whole: the platform's queues are put in beside
 * the bucket's other targets, replacing those of an earlier start and the function targets it runs itself.
 */
const configureBucket = async (
  bucketName: string,
  notifications: readonly NotificationTarget[],
  runsFunction: (functionArn: string) => boolean,
): Promise<void> => {
  const s3 = awsClient(S3Client);
  const current = await s3.send(new GetBucketNotificationConfigurationCommand({ Bucket: bucketName }));
  const ours: QueueConfiguration[] = notifications.map(({ notification, queue, id }) => ({
    Id: id,
    QueueArn: queue.queueArn,
    Events: notification.events as Event[],
    ...keyFilter(notification),
  }));
  await s3.send(
    new PutBucketNotificationConfigurationCommand({
      Bucket: bucketName,
      NotificationConfiguration: {
        TopicConfigurations: current.TopicConfigurations,
        QueueConfigurations: [
          ...(current.QueueConfigurations ?? []).filter(
            (configuration) => !isInternalQueue(configuration.QueueArn),
          ),
          ...ours,
        ],
        LambdaFunctionConfigurations: (current.LambdaFunctionConfigurations ?? []).filter(
          (configuration) => !runsFunction(configuration.LambdaFunctionArn ?? ''),
        ),
        EventBridgeConfiguration: current.EventBridgeConfiguration,
      },
    }),
  );
};

const readBody = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    throw new ComputeError('the S3 notification is not JSON');
  }
};

/** The notifications of one bucket: each S3 event that passes a notification's filter invokes its function. */
export const startBucketNotifications = async (
  bucketName: string,
  notifications: readonly DeployedBucketNotification[],
  options: BucketNotificationOptions,
): Promise<SqsEventSource[]> => {
  const targets = await Promise.all(
    notifications.map(async (notification): Promise<NotificationTarget> => {
      const name = internalQueueName('s3', notification.functionName, identityOf(notification));
      return { notification, queue: await ensureInternalQueue(name), id: name };
    }),
  );
  await configureBucket(bucketName, targets, options.runsFunction);
  return targets.map(({ notification, queue }) =>
    startQueueFedSource({
      functionName: notification.functionName,
      queueUrl: queue.queueUrl,
      trigger: `s3 ${bucketName}`,
      toEvents: (body) => {
        const parsed = readBody(body);
        return isS3TestEvent(parsed) ? [] : [toS3Event(parsed)];
      },
      invoker: options.invokerOf(notification.functionName),
      log: options.logOf(notification.functionName),
      recordError: options.recordError,
    }),
  );
};
