export * from './batch-settlement.ts';
export * from './dynamodb-stream-record.ts';
export * from './lambda-context.ts';
export * from './poll-queue.ts';
export * from './queue-arn.ts';
export * from './receive-batch.ts';
export * from './sqs-event-source.ts';
export * from './sqs-record.ts';
