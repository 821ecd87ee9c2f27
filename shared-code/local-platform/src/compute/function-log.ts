import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { InvocationError } from './invocation-error.ts';

/**
 * A function's log file, as CloudWatch would show its log stream: what the handler writes, framed by the
 * runtime's START, END and REPORT lines, and the error of a failed invocation.
 */
export class FunctionLog {
  readonly #stream: WriteStream;
  #closed = false;

  constructor(path: string) {
    this.#stream = createWriteStream(path, { flags: 'a' });
  }

  /** Output that arrives after close (a thread flushing as it ends) has nowhere to go and is dropped. */
  write(chunk: Buffer | string): void {
    if (!this.#closed) this.#stream.write(chunk);
  }

  /** A line of the platform's own, marked so it is not mistaken for the handler's. */
  note(text: string): void {
    this.write(`${new Date().toISOString()}\tsec-an\t${text}\n`);
  }

  start(requestId: string): void {
    this.write(`START RequestId: ${requestId} Version: $LATEST\n`);
  }

  end(requestId: string, durationMs: number, error?: InvocationError): void {
    if (error !== undefined) {
      this.write(
        `${new Date().toISOString()}\t${requestId}\tERROR\tInvoke Error \t${JSON.stringify(error)}\n`,
      );
    }
    this.write(`END RequestId: ${requestId}\n`);
    this.write(`REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\n`);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stream.end();
    await finished(this.#stream);
  }
}
