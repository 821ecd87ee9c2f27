import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deployment } from '../deployment/index.ts';
import { instanceDir } from '../paths/index.ts';
import type { ProcessRecord } from '../processes/index.ts';

/** What the platform runner says of itself; written only by the runner. */
export type PlatformStatus =
  | { readonly status: 'starting'; readonly startedAt: string }
  | {
      readonly status: 'ready';
      readonly startedAt: string;
      readonly readyAt: string;
      readonly stackCount: number;
      readonly functionCount: number;
    }
  | { readonly status: 'failed'; readonly startedAt: string; readonly error: string };

const runnerFile = (instance: string): string => join(instanceDir(instance), 'runner.json');
const statusFile = (instance: string): string => join(instanceDir(instance), 'platform-status.json');
export const deploymentFile = (instance: string): string => join(instanceDir(instance), 'deployment.json');

const readJson = <T>(file: string): T | undefined =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;

const writeJson = (file: string, value: unknown): void => {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
};

/** Written by `up`, which started the runner; read by `down` and `status`. */
export const writeRunnerRecord = (instance: string, record: ProcessRecord): void => {
  mkdirSync(instanceDir(instance), { recursive: true });
  writeJson(runnerFile(instance), record);
};

export const readRunnerRecord = (instance: string): ProcessRecord | undefined =>
  readJson(runnerFile(instance));

export const writePlatformStatus = (instance: string, status: PlatformStatus): void =>
  writeJson(statusFile(instance), status);

export const readPlatformStatus = (instance: string): PlatformStatus | undefined =>
  readJson(statusFile(instance));

export const readDeployment = (instance: string): Deployment | undefined =>
  readJson(deploymentFile(instance));

export const clearPlatformFiles = (instance: string): void => {
  for (const file of [runnerFile(instance), statusFile(instance)]) rmSync(file, { force: true });
};
