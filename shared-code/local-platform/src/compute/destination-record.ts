import type { GiveUpCondition } from './async-retry-policy.ts';
import type { InvocationError } from './invocation-error.ts';

/** What Lambda sends a destination about one asynchronous event. */
export interface DestinationRecord {
  readonly version: '1.0';
  readonly timestamp: string;
  readonly requestContext: {
    readonly requestId: string;
    readonly functionArn: string;
    readonly condition: GiveUpCondition | 'Success';
    readonly approximateInvokeCount: number;
  };
  readonly requestPayload: unknown;
  readonly responseContext?: {
    readonly statusCode: 200;
    readonly executedVersion: '$LATEST';
    readonly functionError?: 'Unhandled';
  };
  readonly responsePayload?: unknown;
}

export interface EventInvocations {
  readonly requestId: string;
  /** The function's unqualified ARN. */
  readonly functionArn: string;
  readonly event: unknown;
  readonly approximateInvokeCount: number;
  readonly time: Date;
}

const requestContext = (invocations: EventInvocations, condition: GiveUpCondition | 'Success') => ({
  requestId: invocations.requestId,
  // Asynchronous invocations run the unqualified function, which Lambda reports as its $LATEST version.
  functionArn: `${invocations.functionArn}:$LATEST`,
  condition,
  approximateInvokeCount: invocations.approximateInvokeCount,
});

/**
 * The on-failure record. An event discarded for its age before any invocation has no response to report; one
 * that failed carries its last error.
 */
export const failureDestinationRecord = (
  invocations: EventInvocations,
  condition: GiveUpCondition,
  lastError: InvocationError | undefined,
): DestinationRecord => ({
  version: '1.0',
  timestamp: invocations.time.toISOString(),
  requestContext: requestContext(invocations, condition),
  requestPayload: invocations.event,
  ...(lastError === undefined
    ? {}
    : {
        responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
        responsePayload: {
          errorType: lastError.errorType,
          errorMessage: lastError.errorMessage,
          trace: lastError.trace,
        },
      }),
});

export const successDestinationRecord = (
  invocations: EventInvocations,
  payload: unknown,
): DestinationRecord => ({
  version: '1.0',
  timestamp: invocations.time.toISOString(),
  requestContext: requestContext(invocations, 'Success'),
  requestPayload: invocations.event,
  responseContext: { statusCode: 200, executedVersion: '$LATEST' },
  responsePayload: payload,
});
