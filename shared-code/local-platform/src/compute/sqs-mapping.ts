import type { DeployedEventSourceMapping } from '../deployment/index.ts';
import { type SqsEventHandler, type SqsEventSource, startSqsEventSource } from '../event-sources/index.ts';
import { ComputeStoppedError } from './compute-error.ts';
import type { FunctionHost } from './function-host.ts';
import type { FunctionLog } from './function-log.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';
import type { InvocationError } from './invocation-error.ts';

export interface EventSourceMappingOptions {
  readonly host: FunctionHost;
  readonly log: FunctionLog;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
  /** Pollers of a mapping that sets no maximum concurrency. */
  readonly defaultPollers: number;
}

/** A failed invocation, already logged and recorded by the host: the batch only has to stay in the queue. */
class InvocationFailed extends Error {
  constructor(error: InvocationError) {
    super(`${error.errorType}: ${error.errorMessage}`);
    this.name = 'InvocationFailed';
  }
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * An SQS event source mapping run by the platform, never by moto (whose mappings delete messages on arrival):
 * pollers receive batches as Lambda's do, with the queue's own visibility timeout; what the function does not
 * report failed is deleted, the rest comes back after that timeout until the queue's redrive policy moves it.
 */
export const startEventSourceMapping = (
  mapping: DeployedEventSourceMapping,
  options: EventSourceMappingOptions,
): SqsEventSource => {
  const { host, log, recordError } = options;
  const trigger = `sqs ${mapping.queueArn}`;
  const handler: SqsEventHandler = async (event, context) => {
    const outcome = await host.invoke(event, { trigger, requestId: context.awsRequestId });
    if (!outcome.ok) throw new InvocationFailed(outcome.error);
    return outcome.payload;
  };
  const record = (entry: Omit<HandlerErrorEntry, 'time' | 'function' | 'trigger'>): void => {
    recordError({ function: host.functionName, trigger, ...entry }).catch((error: unknown) =>
      log.note(`could not record the error in handler-errors.jsonl: ${errorText(error)}`),
    );
  };
  const pollers = Array.from({ length: mapping.maximumConcurrency ?? options.defaultPollers }, () =>
    startSqsEventSource({
      queueUrl: mapping.queueUrl,
      handler,
      batchSize: mapping.batchSize,
      maximumBatchingWindowSeconds: mapping.maximumBatchingWindowSeconds,
      reportBatchItemFailures: mapping.reportBatchItemFailures,
      functionName: host.functionName,
      onHandled: (batch) => {
        if (batch.failedMessageIds.length === 0) return;
        host.counters.failedRecords += batch.failedMessageIds.length;
        record({
          errorType: 'BatchItemFailures',
          errorMessage: `${batch.failedMessageIds.length} of ${batch.event.Records.length} records failed: ${batch.failedMessageIds.join(', ')}`,
        });
      },
      onError: (error) => {
        if (error instanceof InvocationFailed || error instanceof ComputeStoppedError) return;
        log.note(`polling ${mapping.queueUrl} failed: ${errorText(error)}`);
        record({
          errorType: 'EventSourceError',
          errorMessage: `polling ${mapping.queueUrl}: ${errorText(error)}`,
        });
      },
    }),
  );
  return {
    stop: async () => {
      await Promise.all(pollers.map((poller) => poller.stop()));
    },
  };
};
