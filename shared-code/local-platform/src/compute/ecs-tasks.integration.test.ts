import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTasksCommand, ECSClient, RunTaskCommand, type Task } from '@aws-sdk/client-ecs';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster/index.js';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition/index.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { awsClient } from '@sec-an/runtime/aws-clients';
import { useCleanBackends } from '@sec-an/testing/backends';
import type { Deployment } from '../deployment/index.ts';
import { provision } from '../provisioning/provision.ts';
import { synthesizeStack } from '../provisioning/synthesized-stacks.ts';
import { type ComputeHandle, startCompute } from './compute.ts';
import { lastHandlerErrors } from './handler-errors.ts';
import { eventually, type TestWorkspace, testEnvironment, testWorkspace } from './test-functions.ts';

const clusterName = 'sec-an-test-tasks-runners';

/** Writes what the container saw as JSON to the file in OUT_FILE. */
const writeSeen = `require('node:fs').writeFileSync(process.env.OUT_FILE, JSON.stringify({
  target: process.env.TARGET, execution: process.env.AWS_EXECUTION_ENV, cwd: process.cwd() }))`;

/** Starts a grandchild, writes both pids to PID_FILE, and runs until it is killed. */
const runForever = `const { spawn } = require('node:child_process');
const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
require('node:fs').writeFileSync(process.env.PID_FILE, process.pid + ' ' + grandchild.pid);
setInterval(() => {}, 1000);`;

const taskStack = (workspace: TestWorkspace) =>
  synthesizeStack('tasks', (stack) => {
    const cluster = new EcsCluster(stack, 'runners', { name: clusterName });
    const definition = (id: string, script: string, environment: Record<string, string>) =>
      new EcsTaskDefinition(stack, id, {
        family: `sec-an-test-tasks-${id}`,
        // Not FARGATE/awsvpc: moto then places the task in a subnet it must know, and the VPC is not applied
        // locally, so RunTask would fail before the compute step sees the task.
        networkMode: 'bridge',
        cpu: '256',
        memory: '512',
        containerDefinitions: JSON.stringify([
          {
            name: 'main',
            image: 'scanner:latest',
            essential: true,
            command: ['node', '-e', script],
            environment: [
              { name: 'CLUSTER', value: cluster.arn },
              ...Object.entries(environment).map(([name, value]) => ({ name, value })),
            ],
          },
        ]),
      });
    definition('writer', writeSeen, {
      TARGET: 'from-definition',
      OUT_FILE: join(workspace.dir, 'seen.json'),
    });
    definition('failing', 'process.exit(3)', {});
    definition('forever', runForever, { PID_FILE: join(workspace.dir, 'pids') });
  });

const ecs = () => awsClient(ECSClient);

const runTask = async (id: string, environment: Record<string, string> = {}): Promise<string> => {
  const { tasks } = await ecs().send(
    new RunTaskCommand({
      cluster: clusterName,
      taskDefinition: `sec-an-test-tasks-${id}`,
      launchType: 'FARGATE',
      overrides: {
        containerOverrides: [
          {
            name: 'main',
            environment: Object.entries(environment).map(([name, value]) => ({ name, value })),
          },
        ],
      },
    }),
  );
  const arn = tasks?.[0]?.taskArn;
  if (arn === undefined) throw new Error('RunTask started no task');
  return arn;
};

const stoppedTask = (taskArn: string): Promise<Task> =>
  eventually(`task ${taskArn} to be stopped in moto`, async () => {
    const { tasks } = await ecs().send(new DescribeTasksCommand({ cluster: clusterName, tasks: [taskArn] }));
    // With its reason: the platform's StopTask gives one, and the test is about which.
    const task = tasks?.[0];
    return task?.lastStatus === 'STOPPED' && (task.stoppedReason ?? '') !== '' ? task : undefined;
  });

/** Alive and not a zombie waiting to be reaped. */
const isRunning = (pid: number): boolean => {
  const status = `/proc/${pid}/status`;
  return existsSync(status) && !/^State:\s+Z/m.test(readFileSync(status, 'utf8'));
};

describe('ECS tasks started by RunTask run as child processes', () => {
  useCleanBackends();
  let workspace: TestWorkspace;
  let deployment: Deployment;
  let compute: ComputeHandle;

  beforeAll(async () => {
    workspace = await testWorkspace();
    ({ deployment } = await provision([taskStack(workspace)]));
    compute = await startCompute(deployment, {
      stateDir: workspace.stateDir,
      environment: testEnvironment(),
      ecsPollIntervalMs: 200,
    });
  });

  afterAll(async () => {
    await compute.stop();
    await workspace.remove();
  });

  it('records the cluster in the deployment', () => {
    expect(deployment.ecsClusters).toEqual([
      {
        address: 'tasks/main/aws_ecs_cluster.runners',
        project: 'tasks',
        clusterName,
        clusterArn: `arn:aws:ecs:eu-west-2:123456789012:cluster/${clusterName}`,
      },
    ]);
  });

  it("runs the container's command with the override's environment, then stops the task in moto", async () => {
    const taskArn = await runTask('writer', { TARGET: '192.0.2.7' });

    const seenFile = join(workspace.dir, 'seen.json');
    const seen = await eventually('the container to write what it saw', () =>
      existsSync(seenFile) ? JSON.parse(readFileSync(seenFile, 'utf8')) : undefined,
    );
    const taskId = taskArn.split('/').at(-1) ?? '';
    expect(seen).toEqual({
      target: '192.0.2.7',
      execution: 'AWS_ECS_FARGATE',
      cwd: join(workspace.stateDir, 'ecs-tasks', taskId),
    });
    const task = await stoppedTask(taskArn);
    expect(task.stoppedReason).toBe('Essential container in task exited: container main exited with code 0');
    const log = readFileSync(join(workspace.stateDir, 'logs', 'ecs-sec-an-test-tasks-writer.log'), 'utf8');
    expect(log).toContain(`task ${taskId} in ${clusterName}: main runs ["node","-e",`);
    expect(await lastHandlerErrors(workspace.stateDir, 10)).toEqual([]);
  });

  it('records a failing command in the handler errors with its exit code', async () => {
    const taskArn = await runTask('failing');

    const task = await stoppedTask(taskArn);
    expect(task.stoppedReason).toBe('Essential container in task exited: container main exited with code 3');
    const errors = await eventually('the handler error', async () => {
      const entries = await lastHandlerErrors(workspace.stateDir, 10);
      return entries.length > 0 ? entries : undefined;
    });
    expect(errors).toEqual([
      expect.objectContaining({
        function: 'sec-an-test-tasks-failing',
        errorType: 'EcsTaskFailed',
        errorMessage: `task ${taskArn.split('/').at(-1)}: container main exited with code 3`,
        trigger: `ecs ${clusterName}`,
      }),
    ]);
  });

  it('stop() ends a running task with everything it started and leaves the task stopped in moto', async () => {
    const taskArn = await runTask('forever');
    const pidFile = join(workspace.dir, 'pids');
    const pids = await eventually('the task to write its pids', () =>
      existsSync(pidFile) ? readFileSync(pidFile, 'utf8').split(' ').map(Number) : undefined,
    );
    expect(pids.every(isRunning)).toBe(true);

    await compute.stop();

    expect(pids.filter(isRunning)).toEqual([]);
    expect((await stoppedTask(taskArn)).stoppedReason).toBe('the local platform stopped');
    expect(await lastHandlerErrors(workspace.stateDir, 10)).toHaveLength(1);
  });
});
