import type { DeployedFunction } from '../deployment/index.ts';
import { arnRegion } from '../event-sources/index.ts';

/**
 * The whole environment of a function's execution environment: the platform's base (endpoints, credentials,
 * stage), then the function's own variables, then the variables Lambda itself sets, which a function cannot
 * override on AWS either.
 */
export const lambdaEnvironment = (
  fn: DeployedFunction,
  base: Readonly<Record<string, string>>,
  taskRoot: string,
): Record<string, string> => {
  const region = arnRegion(fn.functionArn);
  return {
    ...base,
    ...fn.environment,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySizeMb),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: 'local',
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    _HANDLER: fn.handler,
    LAMBDA_TASK_ROOT: taskRoot,
    AWS_REGION: region,
    AWS_DEFAULT_REGION: region,
  };
};
