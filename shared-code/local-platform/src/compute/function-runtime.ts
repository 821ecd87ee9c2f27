import { join } from 'node:path';
import type { DeployedAsyncInvokeConfig, DeployedFunction } from '../deployment/index.ts';
import { AsyncInvoker } from './async-invoker.ts';
import type { Clock } from './clock.ts';
import { ComputeError } from './compute-error.ts';
import { FunctionHost } from './function-host.ts';
import { FunctionLog } from './function-log.ts';
import { taskRootOf, unpackPackage } from './function-package.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';
import { lambdaEnvironment } from './lambda-environment.ts';

/** Everything the platform keeps for one deployed function. */
export interface FunctionRuntime {
  readonly fn: DeployedFunction;
  readonly host: FunctionHost;
  readonly invoker: AsyncInvoker;
  readonly log: FunctionLog;
}

export interface FunctionRuntimeOptions {
  readonly stateDir: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly asyncConfig: DeployedAsyncInvokeConfig | undefined;
  readonly asyncRetryBaseDelayMs: number;
  readonly asyncConcurrency: number;
  readonly clock: Clock;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
}

export const logFileOf = (stateDir: string, functionName: string): string =>
  join(stateDir, 'logs', `${functionName}.log`);

/** Unpacks the function's package and readies its host and event queue; no thread starts before an invocation. */
export const prepareFunction = async (
  fn: DeployedFunction,
  options: FunctionRuntimeOptions,
): Promise<FunctionRuntime> => {
  const taskRoot = taskRootOf(options.stateDir, fn.functionName);
  try {
    await unpackPackage(fn.archivePath, taskRoot);
  } catch (error) {
    throw new ComputeError(`function ${fn.address}: ${(error as Error).message}`, { cause: error });
  }
  const log = new FunctionLog(logFileOf(options.stateDir, fn.functionName));
  const host = new FunctionHost({
    fn,
    taskRoot,
    env: lambdaEnvironment(fn, options.environment, taskRoot),
    log,
    recordError: options.recordError,
  });
  const invoker = new AsyncInvoker({
    host,
    functionArn: fn.functionArn,
    config: options.asyncConfig,
    retryBaseDelayMs: options.asyncRetryBaseDelayMs,
    concurrency: options.asyncConcurrency,
    clock: options.clock,
    log,
    recordError: options.recordError,
  });
  return { fn, host, invoker, log };
};
