import { describe, expect, it } from '@jest/globals';
import { runTaskInput, startedTaskArn, TaskLaunchError } from './launch.ts';

const settings = {
  taskName: 'nmap',
  taskDefinitionArn: 'arn:aws:ecs:eu-west-2:123456789012:task-definition/sec-an-dev-nmap-scanner-nmap:7',
  containerName: 'nmap',
  securityGroupId: 'sg-0123456789abcdef0',
  resultsBucket: 'sec-an-dev-nmap-scanner-nmap-raw-results',
};
const requestId = '0b7c5d1e-8a57-4c55-9c8e-5f3f7b9b0a11';
const input = runTaskInput({
  cluster: 'arn:aws:ecs:eu-west-2:123456789012:cluster/sec-an-dev-task-execution-scanning',
  settings,
  network: {
    subnets: ['subnet-1', 'subnet-2'],
    securityGroups: [settings.securityGroupId],
    assignPublicIp: 'DISABLED',
  },
  environment: [{ name: 'SEC_AN_SCAN_REQUEST_ID', value: requestId }],
  requestId,
});

describe('runTaskInput', () => {
  it('starts one Fargate task of the deployed revision, the request id as client token and starter', () => {
    expect(input).toEqual({
      cluster: 'arn:aws:ecs:eu-west-2:123456789012:cluster/sec-an-dev-task-execution-scanning',
      taskDefinition: settings.taskDefinitionArn,
      launchType: 'FARGATE',
      count: 1,
      clientToken: requestId,
      startedBy: requestId,
      networkConfiguration: {
        awsvpcConfiguration: {
          subnets: ['subnet-1', 'subnet-2'],
          securityGroups: ['sg-0123456789abcdef0'],
          assignPublicIp: 'DISABLED',
        },
      },
      overrides: {
        containerOverrides: [
          { name: 'nmap', environment: [{ name: 'SEC_AN_SCAN_REQUEST_ID', value: requestId }] },
        ],
      },
    });
  });
});

describe('startedTaskArn', () => {
  it("returns the started task's ARN", () => {
    expect(startedTaskArn(input, { tasks: [{ taskArn: 'arn:task/1' }], failures: [] })).toBe('arn:task/1');
  });

  it('fails loudly, as a retryable error, when ECS lists failures (in the shape RunTask returns them)', () => {
    const failures = [
      {
        arn: 'arn:aws:ecs:eu-west-2:123456789012:cluster/sec-an-dev-task-execution-scanning',
        reason:
          'Capacity is unavailable at this time. Please try again later or in a different availability zone',
      },
    ];
    let error: unknown;
    try {
      startedTaskArn(input, { tasks: [], failures });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(TaskLaunchError);
    expect((error as TaskLaunchError).retryable).toBe(true);
    expect((error as Error).message).toBe(
      `RunTask of ${settings.taskDefinitionArn} in ${input.cluster} started no task: ${failures[0]?.arn} ${failures[0]?.reason}`,
    );
  });

  it('fails when ECS returns neither a task nor a failure', () => {
    expect(() => startedTaskArn(input, {})).toThrow('no task and no failure returned');
  });
});
