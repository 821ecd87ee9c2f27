import type { Context, SQSRecord } from 'aws-lambda';

/** Test fixtures of the Lambda event and context, shaped as Lambda delivers them. */
export const sqsRecord = (overrides: Partial<SQSRecord> = {}): SQSRecord => ({
  messageId: 'c80e8021-a70a-42c7-a470-796e1186f753',
  receiptHandle: 'receipt',
  body: '{}',
  attributes: {
    ApproximateReceiveCount: '1',
    SentTimestamp: '1700000000000',
    SenderId: 'AIDAEXAMPLE',
    ApproximateFirstReceiveTimestamp: '1700000000001',
  },
  messageAttributes: {},
  md5OfBody: '99914b932bd37a50b983c5e7c90ae93b',
  eventSource: 'aws:sqs',
  eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:scan-requests',
  awsRegion: 'eu-west-1',
  ...overrides,
});

export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'test-function',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:test-function',
  memoryLimitInMB: '128',
  awsRequestId: 'b0d3a0a4-58b5-4bd3-9d9b-8d4a8e6e6b2a',
  logGroupName: '/aws/lambda/test-function',
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});
