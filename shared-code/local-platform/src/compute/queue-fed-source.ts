import type { SQSRecord } from 'aws-lambda';
import { type SqsEventSource, startSqsEventSource } from '../event-sources/index.ts';
import type { AsyncInvoker } from './async-invoker.ts';
import { ComputeStoppedError } from './compute-error.ts';
import type { FunctionLog } from './function-log.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';

export interface QueueFedSourceOptions {
  readonly functionName: string;
  /** The internal queue moto delivers to. */
  readonly queueUrl: string;
  /** What handler-errors.jsonl names as the trigger. */
  readonly trigger: string;
  /** The events one message stands for; none for a message not meant for the function (S3's test event). */
  readonly toEvents: (body: string) => readonly unknown[];
  readonly invoker: AsyncInvoker;
  readonly log: FunctionLog;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Drains an internal queue into a function's asynchronous event queue, as SNS and S3 hand events to Lambda:
 * once accepted, a message is deleted. A message that cannot be read goes whole into the function's log and is
 * noted in handler-errors.jsonl, rather than circling in a queue that has no dead-letter queue.
 */
export const startQueueFedSource = (options: QueueFedSourceOptions): SqsEventSource => {
  const accept = async (record: SQSRecord): Promise<void> => {
    let events: readonly unknown[];
    try {
      events = options.toEvents(record.body);
    } catch (error) {
      options.log.note(`message ${record.messageId} from ${options.trigger} unreadable: ${record.body}`);
      await options.recordError({
        function: options.functionName,
        errorType: 'UnreadableNotification',
        errorMessage: `message ${record.messageId}: ${errorText(error)}; it is in the function's log`,
        trigger: options.trigger,
      });
      return;
    }
    for (const event of events) options.invoker.enqueue(event, options.trigger);
  };
  return startSqsEventSource({
    queueUrl: options.queueUrl,
    functionName: options.functionName,
    handler: async (event) => {
      for (const record of event.Records) await accept(record);
    },
    onError: (error) => {
      // Stopping: the batch stays in the internal queue for the next start.
      if (error instanceof ComputeStoppedError) return;
      options.log.note(`polling ${options.queueUrl} failed: ${errorText(error)}`);
    },
  });
};
