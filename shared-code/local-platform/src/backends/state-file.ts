import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { instanceDir } from '../paths/index.ts';
import type { ProcessRecord } from '../processes/index.ts';

/** What a later command needs to find running backends: their processes and endpoints. */
export interface BackendsState {
  readonly motoEndpoint: string;
  readonly openSearchEndpoint: string;
  readonly processes: readonly ProcessRecord[];
  readonly startedAt: string;
}

const stateFile = (instance: string): string => join(instanceDir(instance), 'backends.json');

export const readState = (instance: string): BackendsState | undefined =>
  existsSync(stateFile(instance))
    ? (JSON.parse(readFileSync(stateFile(instance), 'utf8')) as BackendsState)
    : undefined;

export const writeState = (instance: string, state: BackendsState): void => {
  mkdirSync(instanceDir(instance), { recursive: true });
  writeFileSync(stateFile(instance), `${JSON.stringify(state, null, 2)}\n`);
};

export const clearState = (instance: string): void => rmSync(stateFile(instance), { force: true });
