/**
 * Typed errors decide what happens to a message. A transient error (throttling, a dependency that is down)
 * sends the record back to its queue to be retried; a permanent one (invalid input, a contract violation) can
 * never succeed, so retrying only delays the dead letter.
 */
export abstract class SecAnError extends Error {
  abstract readonly retryable: boolean;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class TransientError extends SecAnError {
  readonly retryable = true;
}

export class PermanentError extends SecAnError {
  readonly retryable = false;
}

/**
 * A dependency (the analytics store) cannot be reached at all. The message is not at fault and nothing about it
 * will change, so spending its receives would only move it to the dead-letter queue during an outage: the SQS
 * handler puts it back on its queue with a delay instead, as often as the outage lasts.
 */
export class DependencyUnavailableError extends TransientError {
  readonly dependencyUnavailable = true;
}

/** Read from a property, like `retryable`, so that any package's error can say it. */
export const isDependencyUnavailable = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { dependencyUnavailable?: unknown }).dependencyUnavailable === true;

/** A message that does not satisfy its contract; defined beside the contracts, which throw it. */
export { ContractViolationError } from '@sec-an/contracts/contract';

/**
 * A configuration value (an SSM parameter) that does not exist or is malformed. It is fixed without touching the
 * message, so the message is retried and, if the fix comes too late, redriven from its dead-letter queue.
 */
export class ConfigurationError extends SecAnError {
  readonly retryable = true;
}

/**
 * Read from the `retryable` property, not from a class, so that errors of other packages (the contracts'
 * ContractViolationError) can say it too. An error that does not say is assumed transient: a wrong retry costs
 * only time, a wrong dead letter needs a person.
 */
export const isRetryable = (error: unknown): boolean =>
  typeof error !== 'object' || error === null || (error as { retryable?: unknown }).retryable !== false;
