import { randomUUID } from 'node:crypto';
import type { DeployedAsyncInvokeConfig } from '../deployment/index.ts';
import {
  type AsyncRetryPolicy,
  afterFailedAttempt,
  asyncRetryPolicy,
  eventExpired,
  type GiveUpCondition,
} from './async-retry-policy.ts';
import type { Clock } from './clock.ts';
import { ComputeStoppedError } from './compute-error.ts';
import { failureDestinationRecord, successDestinationRecord } from './destination-record.ts';
import { sendToDestination } from './destinations.ts';
import type { FunctionHost, InvocationOutcome } from './function-host.ts';
import type { FunctionLog } from './function-log.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';
import type { InvocationError } from './invocation-error.ts';

export interface AsyncInvokerOptions {
  readonly host: FunctionHost;
  readonly functionArn: string;
  readonly config: DeployedAsyncInvokeConfig | undefined;
  readonly retryBaseDelayMs: number;
  /** Events of this function invoked at once. */
  readonly concurrency: number;
  readonly clock: Clock;
  readonly log: FunctionLog;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
}

interface QueuedEvent {
  readonly event: unknown;
  readonly trigger: string;
  readonly requestId: string;
  readonly queuedAt: number;
  attempts: number;
  lastError?: InvocationError;
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Lambda's internal event queue of one function: events are accepted at once and invoked in the background,
 * retried after failures, and reported to the function's destinations. An event that cannot be delivered
 * anywhere is written, whole, to the function's log and noted in handler-errors.jsonl.
 */
export class AsyncInvoker {
  readonly #options: AsyncInvokerOptions;
  readonly #policy: AsyncRetryPolicy;
  readonly #queue: QueuedEvent[] = [];
  readonly #retrying = new Map<QueuedEvent, () => void>();
  readonly #inFlight = new Set<Promise<void>>();
  #stopped = false;

  constructor(options: AsyncInvokerOptions) {
    this.#options = options;
    this.#policy = asyncRetryPolicy(options.config, options.retryBaseDelayMs);
  }

  /** Events accepted and not yet done with: waiting, running, or waiting to be retried. */
  get pending(): number {
    return this.#queue.length + this.#inFlight.size + this.#retrying.size;
  }

  /** Accepts an event, as an `Event` invocation does; returns its request id. */
  enqueue(event: unknown, trigger: string): string {
    if (this.#stopped) throw new ComputeStoppedError(this.#options.host.functionName);
    const requestId = randomUUID();
    this.#queue.push({ event, trigger, requestId, queuedAt: this.#options.clock.now(), attempts: 0 });
    this.#pump();
    return requestId;
  }

  /**
   * Takes no more events and drops those waiting; resolves once the running ones end, which they do when the
   * function's host is stopped.
   */
  async stop(): Promise<void> {
    this.#stopped = true;
    for (const [item, cancel] of this.#retrying) {
      cancel();
      this.#queue.push(item);
    }
    this.#retrying.clear();
    await Promise.all(this.#queue.splice(0).map((item) => this.#dropped(item)));
    await Promise.all(this.#inFlight);
  }

  #pump(): void {
    while (!this.#stopped && this.#inFlight.size < this.#options.concurrency) {
      const item = this.#queue.shift();
      if (item === undefined) return;
      const running: Promise<void> = this.#attempt(item)
        .catch((error: unknown) => this.#noteLoss(item, 'AsyncInvokeFailed', errorText(error)))
        .finally(() => {
          this.#inFlight.delete(running);
          this.#pump();
        });
      this.#inFlight.add(running);
    }
  }

  async #attempt(item: QueuedEvent): Promise<void> {
    const { clock } = this.#options;
    if (eventExpired(this.#policy, item, clock.now())) return this.#giveUp(item, 'EventAgeExceeded');
    item.attempts += 1;
    const outcome = await this.#invoke(item);
    if (outcome === undefined) return this.#dropped(item);
    if (outcome.ok) return this.#succeeded(item, outcome.payload);
    item.lastError = outcome.error;
    const next = afterFailedAttempt(this.#policy, item, clock.now());
    if (next.kind === 'give-up') return this.#giveUp(item, next.condition);
    if (this.#stopped) return this.#dropped(item);
    this.#options.log.note(
      `event ${item.requestId} failed on attempt ${item.attempts}; retry in ${next.delayMs} ms`,
    );
    this.#retrying.set(
      item,
      clock.setTimer(next.delayMs, () => {
        this.#retrying.delete(item);
        this.#queue.push(item);
        this.#pump();
      }),
    );
  }

  /** The invocation's outcome, or undefined when the platform stopped under it. */
  async #invoke(item: QueuedEvent): Promise<InvocationOutcome | undefined> {
    try {
      return await this.#options.host.invoke(item.event, {
        trigger: item.trigger,
        requestId: item.requestId,
      });
    } catch (error) {
      if (error instanceof ComputeStoppedError) return undefined;
      throw error;
    }
  }

  #invocations(item: QueuedEvent) {
    return {
      requestId: item.requestId,
      functionArn: this.#options.functionArn,
      event: item.event,
      approximateInvokeCount: item.attempts,
      time: new Date(this.#options.clock.now()),
    };
  }

  async #succeeded(item: QueuedEvent, payload: unknown): Promise<void> {
    const destination = this.#options.config?.onSuccessDestinationArn;
    if (destination === undefined) return;
    try {
      await sendToDestination(destination, successDestinationRecord(this.#invocations(item), payload));
    } catch (error) {
      await this.#noteLoss(
        item,
        'DestinationDeliveryFailed',
        `on-success destination ${destination}: ${errorText(error)}`,
      );
    }
  }

  async #giveUp(item: QueuedEvent, condition: GiveUpCondition): Promise<void> {
    const destination = this.#options.config?.onFailureDestinationArn;
    const summary = `${condition} after ${item.attempts} attempt(s)`;
    if (destination === undefined) {
      return this.#noteLoss(
        item,
        'AsyncEventDiscarded',
        `${summary}, and the function has no on-failure destination`,
      );
    }
    try {
      await sendToDestination(
        destination,
        failureDestinationRecord(this.#invocations(item), condition, item.lastError),
      );
      this.#options.log.note(
        `event ${item.requestId} sent to on-failure destination ${destination}: ${summary}`,
      );
    } catch (error) {
      await this.#noteLoss(
        item,
        'AsyncEventDiscarded',
        `${summary}, and on-failure destination ${destination} refused it: ${errorText(error)}`,
      );
    }
  }

  #dropped(item: QueuedEvent): Promise<void> {
    return this.#noteLoss(item, 'AsyncEventDropped', 'the platform stopped before the event completed');
  }

  /** The event goes, whole, into the function's log, so it can be replayed by hand; the reason into handler-errors. */
  async #noteLoss(item: QueuedEvent, errorType: string, why: string): Promise<void> {
    const { log, recordError, host } = this.#options;
    log.note(`event ${item.requestId} not delivered (${why}): ${JSON.stringify(item.event)}`);
    try {
      await recordError({
        function: host.functionName,
        errorType,
        errorMessage: `event ${item.requestId}: ${why}; the event is in the function's log`,
        trigger: item.trigger,
      });
    } catch (error) {
      log.note(`could not record the error in handler-errors.jsonl: ${errorText(error)}`);
    }
  }
}
