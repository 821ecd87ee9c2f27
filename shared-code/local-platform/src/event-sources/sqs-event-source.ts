import { type PollQueueOptions, type PollResult, pollQueueOnce } from './poll-queue.ts';

export type HandledBatch = Extract<PollResult, { kind: 'handled' }>;

export interface SqsEventSourceOptions extends Omit<PollQueueOptions, 'abortSignal'> {
  /** Told of a poll that failed, or a handler that threw; the loop goes on either way, as on AWS. */
  readonly onError?: (error: unknown) => void;
  /** The pause after an error, so a broken queue or handler does not spin. */
  readonly errorBackoffMs?: number;
  /** Told of each batch the handler settled, with the records it failed. */
  readonly onHandled?: (batch: HandledBatch) => void;
}

export interface SqsEventSource {
  /** Ends the loop after the batch in hand, if any, is settled. */
  stop(): Promise<void>;
}

const pause = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

const reportToConsole = (error: unknown): void => {
  console.error('SQS event source:', error);
};

/** Polls a queue until stopped, invoking the handler with each batch the way an event source mapping does. */
export const startSqsEventSource = (options: SqsEventSourceOptions): SqsEventSource => {
  const stopping = new AbortController();
  const onError = options.onError ?? reportToConsole;
  /** One poll; false when it went wrong, so the loop pauses before the next. */
  const pollOnce = async (): Promise<boolean> => {
    try {
      const result = await pollQueueOnce({
        ...options,
        // At least a second of long polling, so an empty queue does not make the loop spin.
        waitTimeSeconds: Math.max(1, options.waitTimeSeconds ?? 1),
        abortSignal: stopping.signal,
      });
      if (result.kind === 'handled') options.onHandled?.(result);
      // A handler cut short by stop() failed for no fault of its own; its batch is simply delivered again.
      if (result.kind === 'threw' && !stopping.signal.aborted) onError(result.error);
      return result.kind !== 'threw';
    } catch (error) {
      if (!stopping.signal.aborted) onError(error);
      return false;
    }
  };
  const loop = async (): Promise<void> => {
    while (!stopping.signal.aborted) {
      if (!(await pollOnce())) await pause(options.errorBackoffMs ?? 1000, stopping.signal);
    }
  };
  const running = loop();
  return {
    stop: async () => {
      stopping.abort();
      await running;
    },
  };
};
