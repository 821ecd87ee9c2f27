import { Worker } from 'node:worker_threads';
import { type InvocationError, runtimeError, toInvocationError } from './invocation-error.ts';
import type { InvokeMessage, WorkerData, WorkerMessage } from './worker-protocol.ts';

const workerEntry = new URL('./worker-entry.ts', import.meta.url);

/** Lambda's own limit on a function's init phase. */
const initTimeoutMs = 10_000;

export type WorkerResult =
  | { readonly ok: true; readonly payloadJson?: string }
  | { readonly ok: false; readonly error: InvocationError };

export interface FunctionWorkerOptions {
  readonly workerData: WorkerData;
  /** The whole `process.env` of the thread. */
  readonly env: Readonly<Record<string, string>>;
  /** Where the thread's stdout and stderr go. */
  readonly output: (chunk: Buffer) => void;
}

const resultOf = (message: WorkerMessage): WorkerResult => {
  switch (message.kind) {
    case 'ready':
      return { ok: true };
    case 'succeeded':
      return { ok: true, payloadJson: message.payloadJson };
    case 'init-failed':
    case 'failed':
      return { ok: false, error: message.error };
  }
};

/**
 * One execution environment of a function: a worker thread that runs one invocation at a time. A timeout,
 * a crash or an exit ends it for good; the host starts another.
 */
export class FunctionWorker {
  readonly #worker: Worker;
  readonly #exited: Promise<void>;
  #pending: ((result: WorkerResult) => void) | undefined;
  #alive = true;

  constructor(options: FunctionWorkerOptions) {
    this.#worker = new Worker(workerEntry, {
      workerData: options.workerData,
      env: { ...options.env },
      stdout: true,
      stderr: true,
    });
    this.#worker.stdout.on('data', options.output);
    this.#worker.stderr.on('data', options.output);
    // The thread's output travels on a port of its own: a turn of the event loop lets what it wrote before its
    // result arrive first, so the log shows it inside its invocation.
    this.#worker.on('message', (message: WorkerMessage) =>
      setImmediate(() => this.#settle(resultOf(message))),
    );
    this.#worker.on('error', (error) => {
      this.#alive = false;
      this.#settle({ ok: false, error: toInvocationError(error) });
    });
    this.#exited = new Promise((resolve) => {
      this.#worker.once('exit', (code) => {
        this.#alive = false;
        this.#settle({
          ok: false,
          error: runtimeError('Runtime.ExitError', `Runtime exited with error: exit status ${code}`),
        });
        resolve();
      });
    });
  }

  /** False once the thread has ended or is being ended: it takes no more invocations. */
  get alive(): boolean {
    return this.#alive;
  }

  /** The init phase: resolves once the handler is loaded, or with the error that kept it from loading. */
  ready(): Promise<WorkerResult> {
    return this.#next(initTimeoutMs, () =>
      runtimeError(
        'Runtime.InitTimeout',
        `Init timed out after ${(initTimeoutMs / 1000).toFixed(2)} seconds`,
      ),
    );
  }

  invoke(message: InvokeMessage, timeoutSeconds: number): Promise<WorkerResult> {
    const result = this.#next(timeoutSeconds * 1000, () =>
      runtimeError('Sandbox.Timedout', `Task timed out after ${timeoutSeconds.toFixed(2)} seconds`),
    );
    this.#worker.postMessage(message);
    return result;
  }

  /** Ends the thread, failing what it is running; resolves once it is gone. */
  async terminate(): Promise<void> {
    this.#alive = false;
    await this.#worker.terminate();
    await this.#exited;
  }

  #next(timeoutMs: number, timedOut: () => InvocationError): Promise<WorkerResult> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        // A function that overruns is stopped where it stands, as Lambda stops its sandbox.
        this.#alive = false;
        this.#settle({ ok: false, error: timedOut() });
        void this.#worker.terminate();
      }, timeoutMs);
      this.#pending = (result) => {
        clearTimeout(timer);
        resolve(result);
      };
    });
  }

  #settle(result: WorkerResult): void {
    const pending = this.#pending;
    this.#pending = undefined;
    pending?.(result);
  }
}
