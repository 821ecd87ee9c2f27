import {
  type AwsVpcConfiguration,
  ECSClient,
  type Failure,
  type KeyValuePair,
  RunTaskCommand,
  type RunTaskCommandInput,
  type RunTaskCommandOutput,
} from '@aws-sdk/client-ecs';
import type { Message } from '@sec-an/contracts/contract';
import type { scanRequestV1 } from '@sec-an/contracts/scan-request';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { PermanentError, TransientError } from '@sec-an/runtime/errors';
import { readParameter } from '@sec-an/runtime/parameters';
import { readScanScope, scopeVerdict } from '@sec-an/runtime/scan-scope';
import { containerEnvironment } from './container-request.ts';
import type { LaunchSettings } from './launch-settings.ts';
import { taskNetwork } from './task-network.ts';
import { clusterArnParameter } from './task-settings.ts';

export type ScanRequest = Message<typeof scanRequestV1>;

/** A request whose target the scope does not allow: it is never scanned, and the dead letter says why. */
export class OutOfScopeError extends PermanentError {}

/** ECS accepted the call and started nothing; it says why in `failures` (capacity, a missing resource...). */
export class TaskLaunchError extends TransientError {}

export interface RunTaskParts {
  readonly cluster: string;
  readonly settings: LaunchSettings;
  readonly network: AwsVpcConfiguration;
  readonly environment: readonly KeyValuePair[];
  readonly requestId: string;
}

/**
 * One Fargate task of the definition the stack deployed, its request in the container's environment. The request
 * id is the client token, so a duplicate delivery of the same request within ECS's idempotency window starts no
 * second task, and it is `startedBy`, so a task can be traced to its request.
 */
export const runTaskInput = (parts: RunTaskParts): RunTaskCommandInput => ({
  cluster: parts.cluster,
  taskDefinition: parts.settings.taskDefinitionArn,
  launchType: 'FARGATE',
  count: 1,
  clientToken: parts.requestId,
  startedBy: parts.requestId,
  networkConfiguration: { awsvpcConfiguration: parts.network },
  overrides: {
    containerOverrides: [{ name: parts.settings.containerName, environment: [...parts.environment] }],
  },
});

const describeFailures = (failures: readonly Failure[]): string =>
  failures.map(({ arn, reason, detail }) => [arn, reason, detail].filter(Boolean).join(' ')).join('; ');

/** The ARN of the task RunTask started; a listed failure, or no task at all, fails loudly. */
export const startedTaskArn = (
  input: RunTaskCommandInput,
  output: Pick<RunTaskCommandOutput, 'tasks' | 'failures'>,
): string => {
  const { tasks = [], failures = [] } = output;
  const taskArn = tasks[0]?.taskArn;
  if (failures.length > 0 || taskArn === undefined) {
    throw new TaskLaunchError(
      `RunTask of ${input.taskDefinition} in ${input.cluster} started no task: ${
        failures.length > 0 ? describeFailures(failures) : 'no task and no failure returned'
      }`,
    );
  }
  return taskArn;
};

export const runTask = async (input: RunTaskCommandInput): Promise<string> =>
  startedTaskArn(input, await awsClient(ECSClient).send(new RunTaskCommand(input)));

/**
 * Checks the request's target against the scope (again: the scope may have narrowed since it was planned, and an
 * on-demand request was never planned), then starts one task for it. Returns the task's ARN.
 */
export const launchScan = async (request: ScanRequest, settings: LaunchSettings): Promise<string> => {
  const verdict = scopeVerdict(await readScanScope(), request.target);
  if (!verdict.inScope) {
    throw new OutOfScopeError(
      `scan request ${request.requestId} for ${request.target.address} is out of scope: ${verdict.reason}`,
    );
  }
  const [cluster, network, environment] = await Promise.all([
    readParameter(clusterArnParameter),
    taskNetwork(settings.securityGroupId),
    containerEnvironment(request.requestId, JSON.stringify(request), settings.resultsBucket),
  ]);
  return runTask(runTaskInput({ cluster, settings, network, environment, requestId: request.requestId }));
};
