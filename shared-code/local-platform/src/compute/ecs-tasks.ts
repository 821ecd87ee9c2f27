import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  type ContainerDefinition,
  DescribeTaskDefinitionCommand,
  DescribeTasksCommand,
  ECSClient,
  ListTasksCommand,
  StopTaskCommand,
  type Task,
} from '@aws-sdk/client-ecs';
import { awsClient } from '@sec-an/runtime/aws-clients';
import type { DeployedEcsCluster } from '../deployment/index.ts';
import { type ContainerExit, type ContainerProcess, startContainerProcess } from './ecs-container-process.ts';
import { containerRuns } from './ecs-container-run.ts';
import { FunctionLog } from './function-log.ts';
import type { HandlerErrorEntry } from './handler-errors.ts';

export interface EcsTaskOptions {
  /**
   * Task output goes to `logs/ecs-<family>.log`, failures to list a cluster's tasks to
   * `logs/ecs-cluster-<cluster>.log`; each task runs in `ecs-tasks/<task id>/`.
   */
  readonly stateDir: string;
  readonly baseEnvironment: Readonly<Record<string, string>>;
  readonly pollIntervalMs: number;
  readonly recordError: (entry: Omit<HandlerErrorEntry, 'time'>) => Promise<void>;
}

export interface EcsTasks {
  /** Stops polling, ends every task's processes (their process groups) and closes the logs. */
  stop(): Promise<void>;
}

/** How long a task's processes get to end on SIGTERM before they are killed. */
const stopGraceMs = 3_000;

const ecs = () => awsClient(ECSClient);

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const taskIdOf = (taskArn: string): string => taskArn.split('/').at(-1) ?? taskArn;

/** `arn:aws:ecs:<region>:<account>:task-definition/<family>:<revision>` -> `<family>`. */
const familyOfArn = (arn: string): string => /task-definition\/([^:]+)/.exec(arn)?.[1] ?? 'unknown-family';

const imageEnvironment = (): Record<string, string> =>
  Object.fromEntries(
    ['PATH', 'HOME'].flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );

/** What ECS tells a container about where it runs; there is no task metadata endpoint locally. */
const ecsEnvironment = (task: Task): Record<string, string> => ({
  AWS_EXECUTION_ENV: task.launchType === 'EC2' ? 'AWS_ECS_EC2' : 'AWS_ECS_FARGATE',
});

const runningTaskArns = async (cluster: string): Promise<string[]> => {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await ecs().send(
      new ListTasksCommand({ cluster, desiredStatus: 'RUNNING', ...(nextToken ? { nextToken } : {}) }),
    );
    arns.push(...(page.taskArns ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
};

const describeTasks = async (cluster: string, arns: readonly string[]): Promise<Task[]> => {
  const tasks: Task[] = [];
  // DescribeTasks takes at most 100 tasks.
  for (let start = 0; start < arns.length; start += 100) {
    const page = await ecs().send(
      new DescribeTasksCommand({ cluster, tasks: arns.slice(start, start + 100) }),
    );
    tasks.push(...(page.tasks ?? []));
  }
  return tasks;
};

interface Definition {
  readonly family: string;
  readonly containers: readonly ContainerDefinition[];
}

const describeDefinition = async (arn: string): Promise<Definition> => {
  const { taskDefinition } = await ecs().send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }));
  return {
    family: taskDefinition?.family ?? arn,
    containers: taskDefinition?.containerDefinitions ?? [],
  };
};

const exitText = ({ containerName, code, signal, startError }: ContainerExit): string => {
  if (startError !== undefined) return `container ${containerName} did not start: ${startError}`;
  return signal === null
    ? `container ${containerName} exited with code ${code}`
    : `container ${containerName} was killed by ${signal}`;
};

const failed = (exit: ContainerExit): boolean => exit.code !== 0;

/**
 * Runs the tasks that RunTask starts in the deployed clusters: moto records a task and runs nothing, so every
 * `pollIntervalMs` the clusters' RUNNING tasks are listed, each new one runs its essential containers' commands
 * as child processes, and when the first of them exits the others are stopped (as ECS stops a task when an
 * essential container exits) and the task is stopped in moto with the exit as its reason.
 */
export const startEcsTasks = (clusters: readonly DeployedEcsCluster[], options: EcsTaskOptions): EcsTasks => {
  const seen = new Set<string>();
  const running = new Map<string, { processes: ContainerProcess[]; done: Promise<void> }>();
  const logs = new Map<string, FunctionLog>();
  const abort = new AbortController();
  let stopping = false;

  const logOf = (name: string): FunctionLog => {
    let log = logs.get(name);
    if (log === undefined) {
      log = new FunctionLog(join(options.stateDir, 'logs', `ecs-${name}.log`));
      logs.set(name, log);
    }
    return log;
  };

  const finish = async (cluster: DeployedEcsCluster, task: Task, family: string, outcome: string) => {
    const taskArn = task.taskArn ?? '';
    logOf(family).note(`task ${taskIdOf(taskArn)} ended: ${outcome}`);
    await ecs()
      .send(new StopTaskCommand({ cluster: cluster.clusterName, task: taskArn, reason: outcome }))
      .catch((error: unknown) => logOf(family).note(`StopTask failed: ${errorText(error)}`));
  };

  const recordFailure = (cluster: DeployedEcsCluster, family: string, task: Task, message: string) =>
    options.recordError({
      function: family,
      errorType: 'EcsTaskFailed',
      errorMessage: `task ${taskIdOf(task.taskArn ?? '')}: ${message}`,
      trigger: `ecs ${cluster.clusterName}`,
    });

  const runProcesses = async (processes: ContainerProcess[]): Promise<ContainerExit> => {
    const first = await Promise.race(processes.map(({ exited }) => exited));
    for (const process of processes) process.signal('SIGTERM');
    await Promise.all(processes.map(({ exited }) => exited));
    return first;
  };

  /** Starts the task's essential containers into `processes`, unless the platform is stopping. */
  const startContainers = async (
    cluster: DeployedEcsCluster,
    task: Task,
    definition: Definition,
    processes: ContainerProcess[],
  ): Promise<void> => {
    const taskId = taskIdOf(task.taskArn ?? '');
    const runs = containerRuns(definition.containers, task.overrides, {
      family: definition.family,
      imageEnvironment: imageEnvironment(),
      baseEnvironment: options.baseEnvironment,
      ecsEnvironment: ecsEnvironment(task),
    });
    const cwd = join(options.stateDir, 'ecs-tasks', taskId);
    await mkdir(cwd, { recursive: true });
    const log = logOf(definition.family);
    for (const run of runs) {
      log.note(
        `task ${taskId} in ${cluster.clusterName}: ${run.containerName} runs ${JSON.stringify(run.argv)}`,
      );
      if (!stopping) processes.push(startContainerProcess(run, cwd, log));
    }
  };

  const runTask = async (cluster: DeployedEcsCluster, task: Task, processes: ContainerProcess[]) => {
    let family = familyOfArn(task.taskDefinitionArn ?? '');
    try {
      const definition = await describeDefinition(task.taskDefinitionArn ?? '');
      family = definition.family;
      await startContainers(cluster, task, definition, processes);
      if (processes.length === 0) return;
      const exit = await runProcesses(processes);
      if (stopping) return await finish(cluster, task, family, 'the local platform stopped');
      await finish(cluster, task, family, `Essential container in task exited: ${exitText(exit)}`);
      if (failed(exit)) await recordFailure(cluster, family, task, exitText(exit));
    } catch (error) {
      await finish(cluster, task, family, `task could not run locally: ${errorText(error)}`);
      await recordFailure(cluster, family, task, errorText(error));
    }
  };

  const startTask = (cluster: DeployedEcsCluster, task: Task): void => {
    const taskArn = task.taskArn ?? '';
    const processes: ContainerProcess[] = [];
    const done = runTask(cluster, task, processes).finally(() => running.delete(taskArn));
    running.set(taskArn, { processes, done });
  };

  const pollCluster = async (cluster: DeployedEcsCluster): Promise<void> => {
    const fresh = (await runningTaskArns(cluster.clusterName)).filter((arn) => !seen.has(arn));
    if (fresh.length === 0) return;
    for (const task of await describeTasks(cluster.clusterName, fresh)) {
      if (task.taskArn === undefined || seen.has(task.taskArn) || stopping) continue;
      seen.add(task.taskArn);
      startTask(cluster, task);
    }
  };

  const lastPollError = new Map<string, string>();
  const poll = async (): Promise<void> => {
    for (const cluster of clusters) {
      try {
        await pollCluster(cluster);
        lastPollError.delete(cluster.clusterName);
      } catch (error) {
        // Noted once per distinct error, so that a backend that is down does not fill the log every second.
        const text = errorText(error);
        if (lastPollError.get(cluster.clusterName) !== text) {
          logOf(`cluster-${cluster.clusterName}`).note(
            `listing the tasks of ${cluster.clusterName} failed: ${text}`,
          );
        }
        lastPollError.set(cluster.clusterName, text);
      }
    }
  };

  const loop = (async () => {
    while (!stopping) {
      await poll();
      await sleep(options.pollIntervalMs, undefined, { signal: abort.signal }).catch(() => {});
    }
  })();

  return {
    stop: async () => {
      stopping = true;
      abort.abort();
      await loop;
      const tasks = [...running.values()];
      for (const { processes } of tasks) for (const process of processes) process.signal('SIGTERM');
      const killer = setTimeout(() => {
        for (const { processes } of tasks) for (const process of processes) process.signal('SIGKILL');
      }, stopGraceMs);
      await Promise.all(tasks.map(({ done }) => done));
      clearTimeout(killer);
      await Promise.all([...logs.values()].map((log) => log.close()));
    },
  };
};
