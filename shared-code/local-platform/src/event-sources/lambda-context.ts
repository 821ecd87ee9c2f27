import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface LocalContextOptions {
  readonly functionName: string;
  readonly region: string;
  readonly accountId: string;
  /** What getRemainingTimeInMillis counts down from; whoever runs the invocation enforces it, if anyone. */
  readonly timeoutMs: number;
  /** 128 by default. */
  readonly memorySizeMb?: number;
  /** A fresh one by default; given when the invoker already logs the invocation under an id. */
  readonly awsRequestId?: string;
}

const unsupported = (): never => {
  throw new Error('the callback-style context methods are not supported; return a promise');
};

/** The context of one invocation, with what handlers and Powertools read from it. */
export const localLambdaContext = (options: LocalContextOptions): Context => {
  const deadline = Date.now() + options.timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: options.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${options.region}:${options.accountId}:function:${options.functionName}`,
    memoryLimitInMB: String(options.memorySizeMb ?? 128),
    awsRequestId: options.awsRequestId ?? randomUUID(),
    logGroupName: `/aws/lambda/${options.functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
};
