import { backendsEnvironment, backendsStatus, localBackendsConfig } from '../../backends/index.ts';
import { lastHandlerErrors } from '../../compute/index.ts';
import { instanceDir } from '../../paths/index.ts';
import { queueDepths, readDeployment, readPlatformStatus, readRunnerRecord } from '../../platform/index.ts';
import { isRunning } from '../../processes/index.ts';
import { parseArguments } from '../arguments.ts';
import type { Command } from '../command.ts';
import { say } from '../output.ts';

const describePlatform = (instance: string): boolean => {
  const status = readPlatformStatus(instance);
  const runner = readRunnerRecord(instance);
  const alive = runner !== undefined && isRunning(runner);
  if (status === undefined || runner === undefined) {
    say('platform    not deployed; `./sec-an up` deploys it');
    return false;
  }
  if (status.status === 'ready') {
    say(
      `platform    pid ${runner.pid} ${alive ? 'running' : 'NOT RUNNING'}, ready since ${status.readyAt}: ` +
        `${status.stackCount} stacks, ${status.functionCount} functions`,
    );
  } else {
    say(`platform    ${status.status}${status.status === 'failed' ? `: ${status.error}` : ''}`);
  }
  return status.status === 'ready';
};

const describeQueues = async (instance: string): Promise<void> => {
  const deployment = readDeployment(instance);
  if (deployment === undefined) return;
  const depths = await queueDepths(deployment);
  const width = Math.max(5, ...depths.map(({ queueName }) => queueName.length));
  say();
  say(`${'queue'.padEnd(width)}  visible  in flight  delayed  dead letters`);
  for (const depth of depths) {
    say(
      `${depth.queueName.padEnd(width)}  ${String(depth.visible).padStart(7)}  ${String(depth.inFlight).padStart(9)}  ` +
        `${String(depth.delayed).padStart(7)}  ${String(depth.deadLetters ?? '-').padStart(12)}`,
    );
  }
  const unapplied = new Map<string, number>();
  for (const { type } of deployment.unapplied) unapplied.set(type, (unapplied.get(type) ?? 0) + 1);
  say();
  say(
    `not applied locally (no local engine): ${[...unapplied].map(([type, n]) => `${type} ×${n}`).join(', ')}`,
  );
};

const describeErrors = async (instance: string): Promise<void> => {
  const errors = await lastHandlerErrors(instanceDir(instance), 5);
  say();
  if (errors.length === 0) {
    say('last handler errors: none');
    return;
  }
  say('last handler errors:');
  for (const error of errors) {
    say(`  ${error.time}  ${error.function}  ${error.errorType}: ${error.errorMessage}  (${error.trigger})`);
  }
};

export const statusCommand: Command = {
  name: 'status',
  summary: 'show the backends, the platform, queue and dead-letter depths, and the last handler errors',
  usage: `usage: ./sec-an status

Shows the local backends (moto, OpenSearch) and their processes, whether the platform is deployed and running,
every queue's depth with its dead letters, the resources that have no local engine, and the last handler errors.

  --help   this text`,
  run: async (args) => {
    parseArguments(args, {});
    const { instance } = localBackendsConfig();
    const status = backendsStatus(instance);
    if (status === undefined) {
      say('not running; `./sec-an up` starts it');
      return;
    }
    say(`started     ${status.state.startedAt}`);
    say(`moto        ${status.state.motoEndpoint}`);
    say(`OpenSearch  ${status.state.openSearchEndpoint}`);
    for (const process of status.processes) {
      say(`${process.name.padEnd(11)} pid ${process.pid} ${process.alive ? 'running' : 'NOT RUNNING'}`);
    }
    Object.assign(process.env, backendsEnvironment(status.state));
    if (describePlatform(instance)) await describeQueues(instance);
    await describeErrors(instance);
  },
};
