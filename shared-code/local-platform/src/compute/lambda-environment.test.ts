import { describe, expect, it } from '@jest/globals';
import type { DeployedFunction } from '../deployment/index.ts';
import { lambdaEnvironment } from './lambda-environment.ts';

const fn: DeployedFunction = {
  address: 'task-execution/main/aws_lambda_function.planner',
  project: 'task-execution',
  functionName: 'sec-an-local-planner',
  functionArn: 'arn:aws:lambda:eu-west-2:123456789012:function:sec-an-local-planner',
  handler: 'index.handler',
  runtime: 'nodejs24.x',
  archivePath: 'planner.zip',
  environment: { TABLE: 'plans', SEC_AN_STAGE: 'overridden', AWS_LAMBDA_FUNCTION_NAME: 'impostor' },
  timeoutSeconds: 30,
  memorySizeMb: 256,
};

describe('the environment of a function', () => {
  const env = lambdaEnvironment(
    fn,
    { SEC_AN_STAGE: 'local', AWS_ENDPOINT_URL: 'http://127.0.0.1:1' },
    '/task',
  );

  it('has the base, then the function variables over it', () => {
    expect(env.AWS_ENDPOINT_URL).toBe('http://127.0.0.1:1');
    expect(env.TABLE).toBe('plans');
    expect(env.SEC_AN_STAGE).toBe('overridden');
  });

  it('has the variables Lambda sets, which the function cannot override', () => {
    expect(env).toMatchObject({
      AWS_LAMBDA_FUNCTION_NAME: 'sec-an-local-planner',
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: '256',
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      _HANDLER: 'index.handler',
      AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs24.x',
      LAMBDA_TASK_ROOT: '/task',
      AWS_REGION: 'eu-west-2',
    });
  });
});
