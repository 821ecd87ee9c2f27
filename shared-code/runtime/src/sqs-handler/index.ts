export type { Logger } from '@aws-lambda-powertools/logger';
export * from './dead-letter-message.ts';
export * from './failure-decision.ts';
export * from './process-record.ts';
export * from './record-body.ts';
export * from './redrive-policy.ts';
export * from './sqs-handler.ts';
