import { ConfigurationError } from '@sec-an/runtime/errors';
import { taskVariables } from './task-settings.ts';

/** What the launcher is told by its stack, through its environment. */
export interface LaunchSettings {
  readonly taskName: string;
  readonly taskDefinitionArn: string;
  readonly containerName: string;
  readonly securityGroupId: string;
  readonly resultsBucket: string;
}

const required = (environment: NodeJS.ProcessEnv, name: string): string => {
  const value = environment[name];
  if (value === undefined || value === '') {
    throw new ConfigurationError(`${name} is not set: the EcsTask construct gives it to its launcher`);
  }
  return value;
};

export const launchSettingsFromEnvironment = (
  environment: NodeJS.ProcessEnv = process.env,
): LaunchSettings => ({
  taskName: required(environment, taskVariables.taskName),
  taskDefinitionArn: required(environment, taskVariables.taskDefinitionArn),
  containerName: required(environment, taskVariables.containerName),
  securityGroupId: required(environment, taskVariables.securityGroupId),
  resultsBucket: required(environment, taskVariables.resultsBucket),
});
