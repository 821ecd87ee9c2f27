import { describe, expect, it } from '@jest/globals';
import { failureDestinationRecord, successDestinationRecord } from './destination-record.ts';

const invocations = {
  requestId: '5f6c4b2e-1a51-4c07-9d4e-3b9d1c7f0a11',
  functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:planner',
  event: { Records: [{ EventSource: 'aws:sns' }] },
  approximateInvokeCount: 3,
  time: new Date('2025-01-02T03:04:05.678Z'),
};

describe('the records Lambda sends to the destinations of asynchronous invocations', () => {
  it('reports a failure with the request, the function error and its last error', () => {
    const error = {
      errorType: 'TypeError',
      errorMessage: 'bad input',
      trace: ['TypeError: bad input', '    at x'],
    };
    expect(failureDestinationRecord(invocations, 'RetriesExhausted', error)).toEqual({
      version: '1.0',
      timestamp: '2025-01-02T03:04:05.678Z',
      requestContext: {
        requestId: invocations.requestId,
        functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:planner:$LATEST',
        condition: 'RetriesExhausted',
        approximateInvokeCount: 3,
      },
      requestPayload: invocations.event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      responsePayload: { errorType: 'TypeError', errorMessage: 'bad input', trace: error.trace },
    });
  });

  it('reports an event discarded for its age before any invocation without a response', () => {
    const record = failureDestinationRecord(
      { ...invocations, approximateInvokeCount: 0 },
      'EventAgeExceeded',
      undefined,
    );
    expect(record.requestContext.condition).toBe('EventAgeExceeded');
    expect(record).not.toHaveProperty('responseContext');
    expect(record).not.toHaveProperty('responsePayload');
  });

  it('reports a success with the function result', () => {
    expect(successDestinationRecord({ ...invocations, approximateInvokeCount: 1 }, { planned: 4 })).toEqual({
      version: '1.0',
      timestamp: '2025-01-02T03:04:05.678Z',
      requestContext: {
        requestId: invocations.requestId,
        functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:planner:$LATEST',
        condition: 'Success',
        approximateInvokeCount: 1,
      },
      requestPayload: invocations.event,
      responseContext: { statusCode: 200, executedVersion: '$LATEST' },
      responsePayload: { planned: 4 },
    });
  });
});
