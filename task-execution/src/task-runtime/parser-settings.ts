import { type ScanResult, scanResultV1 } from '@sec-an/contracts/scan-result';
import { ConfigurationError } from '@sec-an/runtime/errors';
import { publishMessages } from '@sec-an/runtime/sns';
import { taskVariables } from './task-settings.ts';

/** What a task's parser is told by its stack, through its environment. */
export interface ParserSettings {
  readonly taskName: string;
  readonly resultsBucket: string;
  readonly resultsTopicArn: string;
}

const required = (environment: NodeJS.ProcessEnv, name: string): string => {
  const value = environment[name];
  if (value === undefined || value === '') {
    throw new ConfigurationError(`${name} is not set: the Task construct gives it to the task's parser`);
  }
  return value;
};

export const parserSettingsFromEnvironment = (
  environment: NodeJS.ProcessEnv = process.env,
): ParserSettings => ({
  taskName: required(environment, taskVariables.taskName),
  resultsBucket: required(environment, taskVariables.resultsBucket),
  resultsTopicArn: required(environment, taskVariables.resultsTopicArn),
});

/**
 * Publishes parsed results on the task's topic (the ingest queue and secondary scanners subscribe to it). A result
 * too large for SNS goes by claim check into the task's own bucket, which the ingest may read.
 */
export const publishResults = (settings: ParserSettings, results: readonly ScanResult[]): Promise<string[]> =>
  publishMessages(settings.resultsTopicArn, scanResultV1, results, {
    claimCheckBucket: settings.resultsBucket,
  });
