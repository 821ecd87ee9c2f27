/** A failed invocation as Lambda reports it, and as it crosses from a worker thread: plain data. */
export interface InvocationError {
  readonly errorType: string;
  readonly errorMessage: string;
  /** The stack, one line per entry, as Lambda's `trace`. */
  readonly trace: readonly string[];
}

/** Reads whatever a handler threw the way the Lambda Node.js runtime does. */
export const toInvocationError = (thrown: unknown): InvocationError => {
  if (thrown instanceof Error) {
    return {
      errorType: thrown.name,
      errorMessage: thrown.message,
      trace: thrown.stack?.split('\n') ?? [],
    };
  }
  return { errorType: typeof thrown, errorMessage: String(thrown), trace: [] };
};

/** An error the runtime itself raises (a module that does not load, an export that is missing, a timeout). */
export const runtimeError = (errorType: string, errorMessage: string): InvocationError => ({
  errorType,
  errorMessage,
  trace: [],
});
