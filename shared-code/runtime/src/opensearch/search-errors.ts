import { errors } from '@opensearch-project/opensearch';
import { DependencyUnavailableError, TransientError } from '../errors/index.ts';

/** Whole-request statuses that mean the store, not the request, is the problem. */
const unavailableStatuses = new Set([502, 503, 504]);

const isUnreachable = (error: unknown): boolean =>
  error instanceof errors.ConnectionError ||
  error instanceof errors.NoLivingConnectionsError ||
  error instanceof errors.TimeoutError ||
  (error instanceof errors.ResponseError && unavailableStatuses.has(error.statusCode ?? 0));

/**
 * Turns a client error into what the SQS handler acts on: an unreachable store defers the message (no receive
 * spent), throttling retries it; any other error is returned as it is.
 */
export const classifySearchError = (error: unknown): unknown => {
  if (isUnreachable(error)) {
    return new DependencyUnavailableError(`the analytics store is unavailable: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (error instanceof errors.ResponseError && error.statusCode === 429) {
    return new TransientError(`the analytics store is throttling: ${error.message}`, { cause: error });
  }
  return error;
};

/** Runs a request against the store and classifies what it throws. */
export const withSearchErrors = async <T>(request: () => Promise<T>): Promise<T> => {
  try {
    return await request();
  } catch (error) {
    throw classifySearchError(error);
  }
};
