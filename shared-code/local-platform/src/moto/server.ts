import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assertPortFree, loopback } from '../ports/index.ts';
import { answersOk, type ProcessRecord, startProcess, waitUntilReady } from '../processes/index.ts';
import { motoServerBinary } from './install.ts';

export interface MotoOptions {
  readonly port: number;
  /** Holds the log file. */
  readonly stateDir: string;
  readonly readyTimeoutMs: number;
}

export interface RunningMoto {
  readonly endpoint: string;
  readonly process: ProcessRecord;
}

export const motoEndpoint = (port: number): string => `http://${loopback}:${port}`;

export const startMoto = async (options: MotoOptions): Promise<RunningMoto> => {
  await assertPortFree(options.port, 'moto');
  mkdirSync(options.stateDir, { recursive: true });
  const endpoint = motoEndpoint(options.port);
  const record = startProcess({
    name: 'moto',
    command: motoServerBinary(),
    args: ['-H', loopback, '-p', String(options.port)],
    logFile: join(options.stateDir, 'moto.log'),
    marker: motoServerBinary(),
  });
  await waitUntilReady(record, {
    probe: () => answersOk(`${endpoint}/moto-api/data.json`),
    timeoutMs: options.readyTimeoutMs,
  });
  await holdEcsTasksRunning(endpoint);
  return { endpoint, process: record };
};

/**
 * moto moves an ECS task a step towards STOPPED each time it is described, so a task the platform runs would be
 * reported stopped (with no reason) while its process still runs. Tasks stay RUNNING until the platform's
 * StopTask, as on AWS, where only the container's end stops them. The setting outlives a reset.
 */
export const holdEcsTasksRunning = async (endpoint: string): Promise<void> => {
  const response = await fetch(`${endpoint}/moto-api/state-manager/set-transition`, {
    method: 'POST',
    body: JSON.stringify({
      model_name: 'ecs::task',
      transition: { progression: 'manual', times: Number.MAX_SAFE_INTEGER },
    }),
  });
  if (!response.ok) throw new Error(`moto refused the ECS task transition: HTTP ${response.status}`);
};

/** Forgets every resource in every account and region. */
export const resetMoto = async (endpoint: string): Promise<void> => {
  const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
  if (!response.ok) throw new Error(`moto reset failed with HTTP ${response.status}`);
};
