import { randomUUID } from 'node:crypto';
import type { DeployedFunction } from '../deployment/index.ts';
import { arnAccount, arnRegion } from '../event-sources/index.ts';
import { ComputeStoppedError } from './compute-error.ts';
import type { FunctionLog } from './function-log.ts';
import { FunctionWorker, type WorkerResult } from './function-worker.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';
import type { InvocationError } from './invocation-error.ts';
import type { InvokeMessage } from './worker-protocol.ts';

/** What the `status` command reports of a function. */
export interface FunctionCounters {
  invocations: number;
  /** Invocations that failed: the handler threw, timed out, or its module did not load. */
  errors: number;
  /** Records of SQS batches that the function reported failed while the invocation itself succeeded. */
  failedRecords: number;
}

export interface InvocationMeta {
  /** What invoked the function, as `handler-errors.jsonl` names it. */
  readonly trigger: string;
  /** Kept across the retries of one asynchronous event, as Lambda keeps it. */
  readonly requestId?: string;
}

export type InvocationOutcome =
  | { readonly ok: true; readonly requestId: string; readonly payload: unknown }
  | { readonly ok: false; readonly requestId: string; readonly error: InvocationError };

export interface FunctionHostOptions {
  readonly fn: DeployedFunction;
  /** The unpacked deployment package. */
  readonly taskRoot: string;
  /** The whole environment of the function's threads. */
  readonly env: Readonly<Record<string, string>>;
  readonly log: FunctionLog;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
}

/**
 * Runs one function as Lambda does: each concurrent invocation in an execution environment of its own (a worker
 * thread), kept warm for the next invocation unless it timed out or crashed.
 */
export class FunctionHost {
  readonly counters: FunctionCounters = { invocations: 0, errors: 0, failedRecords: 0 };
  readonly #options: FunctionHostOptions;
  readonly #all = new Set<FunctionWorker>();
  #idle: FunctionWorker[] = [];
  #stopped = false;

  constructor(options: FunctionHostOptions) {
    this.#options = options;
  }

  get functionName(): string {
    return this.#options.fn.functionName;
  }

  /** Execution environments alive, busy or warm. */
  get workers(): number {
    return this.#all.size;
  }

  /** Runs one invocation; the result or the error comes back as Lambda returns it. Never throws for a failure. */
  async invoke(event: unknown, meta: InvocationMeta): Promise<InvocationOutcome> {
    if (this.#stopped) throw new ComputeStoppedError(this.functionName);
    const { log } = this.#options;
    const requestId = meta.requestId ?? randomUUID();
    this.counters.invocations += 1;
    log.start(requestId);
    const started = performance.now();
    const result = await this.#run({ kind: 'invoke', requestId, eventJson: JSON.stringify(event) ?? 'null' });
    if (this.#stopped) {
      log.note(`invocation ${requestId} cut short: the platform is stopping`);
      throw new ComputeStoppedError(this.functionName);
    }
    log.end(requestId, performance.now() - started, result.ok ? undefined : result.error);
    if (result.ok) return { ok: true, requestId, payload: JSON.parse(result.payloadJson ?? 'null') };
    this.counters.errors += 1;
    await this.#recordError(result.error, meta.trigger);
    return { ok: false, requestId, error: result.error };
  }

  /** Ends every execution environment, failing what they run; resolves once all threads are gone. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#idle = [];
    await Promise.all([...this.#all].map((worker) => this.#discard(worker)));
  }

  async #run(message: InvokeMessage): Promise<WorkerResult> {
    let worker = this.#takeIdle();
    if (worker === undefined) {
      worker = this.#startWorker();
      const init = await worker.ready();
      if (!init.ok) {
        await this.#discard(worker);
        return init;
      }
    }
    const result = await worker.invoke(message, this.#options.fn.timeoutSeconds);
    if (worker.alive && !this.#stopped) this.#idle.push(worker);
    else await this.#discard(worker);
    return result;
  }

  #takeIdle(): FunctionWorker | undefined {
    for (let worker = this.#idle.pop(); worker !== undefined; worker = this.#idle.pop()) {
      if (worker.alive) return worker;
      void this.#discard(worker);
    }
    return undefined;
  }

  #startWorker(): FunctionWorker {
    const { fn, taskRoot, env, log } = this.#options;
    const worker = new FunctionWorker({
      workerData: {
        taskRoot,
        handler: fn.handler,
        functionName: fn.functionName,
        region: arnRegion(fn.functionArn),
        accountId: arnAccount(fn.functionArn),
        memorySizeMb: fn.memorySizeMb,
        timeoutMs: fn.timeoutSeconds * 1000,
      },
      env,
      output: (chunk) => log.write(chunk),
    });
    this.#all.add(worker);
    return worker;
  }

  async #discard(worker: FunctionWorker): Promise<void> {
    await worker.terminate();
    this.#all.delete(worker);
  }

  async #recordError(error: InvocationError, trigger: string): Promise<void> {
    try {
      await this.#options.recordError({
        function: this.functionName,
        errorType: error.errorType,
        errorMessage: error.errorMessage,
        trigger,
      });
    } catch (recordFailure) {
      this.#options.log.note(`could not record the error in handler-errors.jsonl: ${String(recordFailure)}`);
    }
  }
}
