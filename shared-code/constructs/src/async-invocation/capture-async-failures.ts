import { LambdaFunctionEventInvokeConfig } from '@cdktf/provider-aws/lib/lambda-function-event-invoke-config/index.js';
import { DeadLetterRecorder } from '../dead-letter-recorder/dead-letter-recorder.ts';
import type { NodeFunction } from '../node-function/index.ts';
import { ConsumedQueue } from '../service-queue/consumed-queue.ts';
import { defaultQueueTiming } from '../service-queue/queue-settings.ts';

export interface AsyncInvocationOptions {
  /** Lambda's retries after a failed attempt (0..2). Default: 2. */
  readonly maximumRetryAttempts?: number;
  /** Events older than this are given up (60..21600 s). Default: 6 hours. */
  readonly maximumEventAgeSeconds?: number;
}

const configId = 'async-invocation';

/**
 * An asynchronously invoked function's failures go to a queue of their own that the dead-letter recorder
 * drains: without it, Lambda drops the event after its retries.
 */
export const captureAsyncFailures = (fn: NodeFunction, options: AsyncInvocationOptions = {}): void => {
  if (fn.node.tryFindChild(configId) !== undefined) return;
  const failures = new ConsumedQueue(fn, 'async-failures', {
    name: `${fn.name}-async-failures`,
    retentionPeriodSeconds: defaultQueueTiming.deadLetterRetentionPeriodSeconds,
    deliveryDelaySeconds: 0,
    defaultConsumer: { timeoutSeconds: defaultQueueTiming.consumerTimeoutSeconds, batchingWindowSeconds: 0 },
  });
  failures.grantSendMessages(fn);
  new LambdaFunctionEventInvokeConfig(fn, configId, {
    functionName: fn.functionName,
    maximumRetryAttempts: options.maximumRetryAttempts ?? 2,
    maximumEventAgeInSeconds: options.maximumEventAgeSeconds ?? 6 * 3600,
    destinationConfig: { onFailure: { destination: failures.queueArn } },
  });
  DeadLetterRecorder.of(fn).drain(failures);
};
