/** A deployment the compute step cannot run as given; the message names the resource or function at fault. */
export class ComputeError extends Error {
  override readonly name = 'ComputeError';
}

/**
 * An invocation cut short because the compute step is stopping: not a failure of the function, so it is neither
 * counted, retried nor recorded as a handler error.
 */
export class ComputeStoppedError extends Error {
  override readonly name = 'ComputeStoppedError';

  constructor(functionName: string) {
    super(`${functionName} is stopping: the invocation did not complete`);
  }
}
